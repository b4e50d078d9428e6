package org.jnova.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;

/**
 * The Debian {@code openstack} client against the Image v2 API (noauth2 behind keystoneauth's
 * {@code admin_token} plugin): create with a file, list, show, save, set, delete.
 */
class ImageCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out) {
    }

    private static Run openstack(String endpoint, String token, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openstack"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
        builder.environment().put("OS_AUTH_TYPE", "admin_token");
        builder.environment().put("OS_ENDPOINT", endpoint);
        builder.environment().put("OS_TOKEN", token);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "openstack hung");
        return new Run(process.exitValue(), out);
    }

    @Test
    void openstackClientImageLifecycle() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openstack")), "the openstack client is not installed");
        Path dir = Files.createTempDirectory("jnova-image-cli");
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[DEFAULT]", "state_path = " + dir)) {
            String endpoint = jnova.startImage() + "/v2";
            byte[] data = new byte[50_000];
            new Random(7).nextBytes(data);
            Files.write(dir.resolve("in.raw"), data);

            Run created = openstack(endpoint, "demo:demo", dir, "image", "create", "--disk-format", "raw",
                    "--container-format", "bare", "--file", "in.raw", "cli-image", "-f", "json");
            assertEquals(0, created.exit(), created.out());
            String id = JSON.readTree(created.out()).get("id").asText();

            Run shown = openstack(endpoint, "demo:demo", dir, "image", "show", id, "-f", "json");
            assertEquals(0, shown.exit(), shown.out());
            JsonNode image = JSON.readTree(shown.out());
            assertEquals("active", image.get("status").asText());
            assertEquals(50_000, image.get("size").asLong());

            Run listed = openstack(endpoint, "demo:demo", dir, "image", "list", "-f", "json");
            assertEquals(0, listed.exit(), listed.out());
            assertTrue(listed.out().contains(id));

            Run saved = openstack(endpoint, "demo:demo", dir, "image", "save", "--file", "out.raw", id);
            assertEquals(0, saved.exit(), saved.out());
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("out.raw")));

            Run set = openstack(endpoint, "demo:demo", dir, "image", "set", "--name", "renamed", "--property",
                    "os_distro=cirros", id);
            assertEquals(0, set.exit(), set.out());
            assertEquals("renamed", jnova.call("GET", "/images/" + id, null, "2.1", "demo:demo").json()
                    .get("image").get("name").asText());

            Run stranger = openstack(endpoint, "other:other", dir, "image", "show", id);
            assertTrue(stranger.exit() != 0, stranger.out());

            Run deleted = openstack(endpoint, "demo:demo", dir, "image", "delete", id);
            assertEquals(0, deleted.exit(), deleted.out());
            assertFalse(openstack(endpoint, "demo:demo", dir, "image", "list", "-f", "json").out().contains(id));
        }
    }

    @Test
    void openstackClientImportsAndSharesImages() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openstack")), "the openstack client is not installed");
        Path dir = Files.createTempDirectory("jnova-image-cli-share");
        String member = "0123456789abcdef0123456789abcdef";
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[DEFAULT]", "state_path = " + dir)) {
            String endpoint = jnova.startImage() + "/v2";
            byte[] data = new byte[70_000];
            new Random(11).nextBytes(data);
            Files.write(dir.resolve("in.raw"), data);

            Run imported = openstack(endpoint, "demo:demo", dir, "image", "create", "--import", "--disk-format",
                    "raw", "--container-format", "bare", "--file", "in.raw", "cli-imported", "-f", "json");
            assertEquals(0, imported.exit(), imported.out());
            String id = JSON.readTree(imported.out()).get("id").asText();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonNode image;
            do {
                Run shown = openstack(endpoint, "demo:demo", dir, "image", "show", id, "-f", "json");
                assertEquals(0, shown.exit(), shown.out());
                image = JSON.readTree(shown.out());
                assertTrue(System.nanoTime() < end, "the import did not finish: " + shown.out());
            } while (!"active".equals(image.get("status").asText()));
            assertEquals(70_000, image.get("size").asLong());
            Run saved = openstack(endpoint, "demo:demo", dir, "image", "save", "--file", "out.raw", id);
            assertEquals(0, saved.exit(), saved.out());
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("out.raw")));

            Run added = openstack(endpoint, "demo:demo", dir, "image", "add", "project", id, member, "-f", "json");
            assertEquals(0, added.exit(), added.out());
            assertEquals("pending", JSON.readTree(added.out()).get("status").asText());
            Run memberShows = openstack(endpoint, "u:" + member, dir, "image", "show", id, "-f", "json");
            assertEquals(0, memberShows.exit(), memberShows.out());
            // `image set --accept` names the caller's project from a token it validated itself, which the
            // admin_token plugin has not: the member accepts through the API
            ImageApiClient api = new ImageApiClient(endpoint.substring(0, endpoint.length() - 3));
            assertEquals(200, api.json("PUT", "/v2/images/" + id + "/members/" + member, "u:" + member,
                    "{\"status\": \"accepted\"}").status());
            Run members = openstack(endpoint, "demo:demo", dir, "image", "member", "list", id, "-f", "json");
            assertEquals(0, members.exit(), members.out());
            assertEquals("accepted", JSON.readTree(members.out()).get(0).get("Status").asText(), members.out());
            assertTrue(openstack(endpoint, "u:" + member, dir, "image", "list", "-f", "json").out().contains(id),
                    "an accepted image is listed");
            Run stranger = openstack(endpoint, "x:stranger", dir, "image", "show", id);
            assertTrue(stranger.exit() != 0, stranger.out());
        }
    }
}
