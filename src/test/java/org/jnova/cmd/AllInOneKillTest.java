package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jnova.compute.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one killed (SIGKILL) while boots are in flight and started again on the same
 * database: every boot it answered 202 ends ACTIVE or ERROR, none stays in a task, none is
 * built twice.
 */
class AllInOneKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BOOTS = 30;
    private static final long KILL_AFTER_MS = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void bootsAcceptedBeforeAKillSettleAfterTheRestart(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path conf = Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\nosapi_compute_listen = 127.0.0.1\n"
                + "osapi_compute_listen_port = " + port + "\nmetadata_listen_port = " + freePort() + "\n"
                + "enabled_apis = osapi_compute\nstate_path = " + dir + "\nreport_interval = 1\n"
                + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n"
                + "[api]\nauth_strategy = noauth2\n[quota]\ninstances = -1\ncores = -1\nram = -1\n"
                + "[jnova_compute]\nfake_spawn_delay_ms = 300\n");
        String base = "http://127.0.0.1:" + port + "/v2.1";
        Map<String, String> accepted = new ConcurrentHashMap<>();
        try (ChildJvm first = ChildJvm.start(JnovaMain.class, "--config-file", conf.toString())) {
            awaitUp(base, first);
            CountDownLatch firstAnswer = new CountDownLatch(1);
            List<CompletableFuture<Void>> boots = new ArrayList<>();
            for (int n = 0; n < BOOTS; n++) {
                String name = "boot-" + n;
                boots.add(http.sendAsync(request(base + "/servers").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", \"imageRef\": \""
                                + SeedData.CIRROS_IMAGE_ID + "\", \"networks\": \"none\"}}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString())
                        .thenAccept(r -> {
                            if (r.statusCode() == 202) {
                                accepted.put(name, read(r.body()).at("/server/id").asText());
                                firstAnswer.countDown();
                            }
                        }).exceptionally(refused -> null));
            }
            assertThat(firstAnswer.await(60, TimeUnit.SECONDS)).as(first.output()).isTrue();
            Thread.sleep(KILL_AFTER_MS);
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.allOf(boots.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(accepted).isNotEmpty();

        try (ChildJvm second = ChildJvm.start(JnovaMain.class, "--config-file", conf.toString())) {
            awaitUp(base, second);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Map<String, JsonNode> byId = servers(base);
            System.out.println("accepted " + accepted.size() + "; after the restart: " + byId.values().stream()
                    .map(v -> v.path("status").asText() + "/" + v.path("OS-EXT-STS:task_state").asText()).toList());
            while (!settled(byId, accepted.values()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                byId = servers(base);
            }
            for (Map.Entry<String, String> boot : accepted.entrySet()) {
                JsonNode server = byId.get(boot.getValue());
                assertThat(server).as("%s was answered 202 but is gone", boot.getKey()).isNotNull();
                assertThat(server.path("status").asText()).as(server.toString()).isIn("ACTIVE", "ERROR");
                assertThat(server.path("OS-EXT-STS:task_state").isNull()).as(server.toString()).isTrue();
            }
            Map<String, Integer> names = new HashMap<>();
            byId.values().forEach(s -> names.merge(s.path("name").asText(), 1, Integer::sum));
            assertThat(names).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
            assertThat(byId).hasSizeLessThanOrEqualTo(BOOTS);
        }
    }

    private static boolean settled(Map<String, JsonNode> byId, java.util.Collection<String> ids) {
        return ids.stream().allMatch(id -> byId.containsKey(id)
                && List.of("ACTIVE", "ERROR").contains(byId.get(id).path("status").asText())
                && byId.get(id).path("OS-EXT-STS:task_state").isNull());
    }

    private Map<String, JsonNode> servers(String base) throws Exception {
        HttpResponse<String> response = http.send(request(base + "/servers/detail?all_tenants=1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        read(response.body()).path("servers").forEach(s -> byId.put(s.path("id").asText(), s));
        return byId;
    }

    private void awaitUp(String base, ChildJvm process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request(base + "/flavors").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the all-in-one did not start:\n" + process.output());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", "admin:admin").header("OpenStack-API-Version", "compute 2.37");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
