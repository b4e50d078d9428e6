package org.jnova.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;
import org.junit.jupiter.api.AfterAll;

/**
 * Without neutron's proxy the instance is the one whose fixed IP is calling. The built-in
 * network here hands out loopback addresses (127.0.0.0/24), so the test's socket really
 * calls from a guest's address. [DEFAULT] force_config_drive is set: every guest gets a
 * config drive.
 */
class MetadataAddressModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Setup> SETUPS = new ConcurrentHashMap<>();

    private record Setup(MetadataFixture f, Instance oracle, Instance plain) {
    }

    private static Setup setup(String engine) {
        return SETUPS.computeIfAbsent(engine, e -> {
            try {
                MetadataFixture f = MetadataFixture.start(e, 2, "[jnova_compute]", "fixed_range = 127.0.0.0/24",
                        "[DEFAULT]", "force_config_drive = true");
                f.importKey();
                return new Setup(f, f.bootOracle("md-oracle", null), f.bootPlain("md-plain"));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        for (Setup s : SETUPS.values()) {
            s.f().close();
        }
        SETUPS.clear();
    }

    @EachEngine
    void bothTreesAnswerTheGuestCallingFromItsFixedIpAsNovaDoes(String engine) throws Exception {
        Setup s = setup(engine);
        String guest = s.oracle().interfaces().getFirst().fixedIp();
        assertThat(guest).isEqualTo("127.0.0.2");
        MetadataTranscript nova = MetadataTranscript.read();
        Map<String, String> subs = TranscriptComparison.substitutions(nova, s.oracle(), s.plain());
        int compared = 0;
        for (MetadataTranscript.Exchange x : nova.exchanges) {
            boolean oracleRead = x.section() >= 1 && x.section() <= 4
                    && x.requestHeaders().stream().anyMatch(h -> h[1].equals(nova.oracleId));
            if (!oracleRead) {
                continue;
            }
            RawHttp.Answer answer = s.f().http.send(x.method(), x.path(), List.of(), x.requestBody(), guest);
            TranscriptComparison.compare(x, answer, subs);
            compared++;
        }
        assertThat(compared).isGreaterThan(250);

        RawHttp.Answer plain = s.f().http.send("GET", "/latest/meta-data/instance-id", List.of(), null,
                s.plain().interfaces().getFirst().fixedIp());
        assertThat(plain.text()).isEqualTo(String.format("i-%08x", s.plain().id()));
    }

    @EachEngine
    void pathsBelowLeavesAndListItemsNameNothing(String engine) throws Exception {
        Setup s = setup(engine);
        String guest = s.oracle().interfaces().getFirst().fixedIp();
        // nova 26 crashes (an empty 500) on a name below a leaf or a list item that ends the path; it names nothing
        for (String path : List.of("/latest/meta-data/hostname/x", "/latest/meta-data/security-groups/default",
                "/latest/meta-data/placement/availability-zone/x", "/openstack/latest/content")) {
            RawHttp.Answer a = s.f().http.send("GET", path, List.of(), null, guest);
            assertThat(a.status()).as(path).isEqualTo(404);
            assertThat(a.text()).as(path).isEqualTo("404 Not Found\n\nThe resource could not be found.\n\n   ");
        }
        for (String path : List.of("/latest/meta-data/hostname/x/y", "/latest/meta-data/security-groups/nope",
                "/openstack/latest/meta_data.json/x", "/openstack/latest/user_data/x",
                "/openstack/latest/password/x")) {
            assertThat(s.f().http.send("GET", path, List.of(), null, guest).status()).as(path).isEqualTo(404);
        }
        assertThat(s.f().http.send("GET", "/latest/meta-data/public-keys/0/_name", List.of(), null, guest).text())
                .isEqualTo("0=" + MetadataFixture.KEY_NAME);
    }

    @EachEngine
    void errorPagesFollowTheAcceptHeaderAsWebobDoes(String engine) throws Exception {
        Setup s = setup(engine);
        String guest = s.oracle().interfaces().getFirst().fixedIp();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("text/plain", "text/plain; charset=UTF-8");
        expected.put("application/json;q=0.5, text/html;q=0.4", "application/json");
        expected.put("text/*", "text/html; charset=UTF-8");
        expected.put("application/xml", "text/plain; charset=UTF-8");
        expected.put("*/*;q=0", "text/plain; charset=UTF-8");
        expected.put("text/html;q=0, */*", "application/json");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            RawHttp.Answer a = s.f().http.send("GET", "/nope", List.<String[]>of(new String[] {"Accept", e.getKey()}),
                    null, guest);
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.header("Content-Type")).as(e.getKey()).isEqualTo(e.getValue());
        }
        RawHttp.Answer json = s.f().http.send("GET", "/nope",
                List.<String[]>of(new String[] {"Accept", "application/json"}), null, guest);
        assertThat(json.text()).isEqualTo("{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\", "
                + "\"code\": \"404 Not Found\", \"title\": \"Not Found\"}");

        RawHttp.Answer head = s.f().http.send("HEAD", "/openstack/latest/password", List.of(), null, guest);
        assertThat(head.status()).as("password answers GET and POST only").isEqualTo(400);
        assertThat(head.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(head.header("Content-Length")).isEqualTo("0");
    }

    @EachEngine
    void anUnknownCallerGetsNovasNotFoundAndNoData(String engine) throws Exception {
        Setup s = setup(engine);
        RawHttp.Answer plain = s.f().http.send("GET", "/latest/meta-data/instance-id", List.of(), null, "127.0.0.1");
        assertThat(plain.status()).isEqualTo(404);
        assertThat(plain.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(plain.text()).isEqualTo("404 Not Found\n\nThe resource could not be found.\n\n   ");

        RawHttp.Answer html = s.f().http.send("GET", "/openstack/latest/meta_data.json",
                List.<String[]>of(new String[] {"Accept", "*/*"}), null, "127.0.0.99");
        assertThat(html.status()).isEqualTo(404);
        assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(html.text()).contains("<h1>404 Not Found</h1>").doesNotContain(s.oracle().uuid());

        RawHttp.Answer root = s.f().http.send("GET", "/", List.of(), null, "127.0.0.99");
        assertThat(root.status()).as("the version list needs no instance").isEqualTo(200);
    }

    @EachEngine
    void forwardedForAndProxyHeadersAreIgnoredInThisMode(String engine) throws Exception {
        Setup s = setup(engine);
        RawHttp.Answer forwarded = s.f().http.send("GET", "/latest/meta-data/instance-id",
                List.<String[]>of(new String[] {"X-Forwarded-For", "127.0.0.2"}), null, "127.0.0.1");
        assertThat(forwarded.status()).as("use_forwarded_for is off").isEqualTo(404);

        RawHttp.Answer proxied = s.f().http.send("GET", "/latest/meta-data/instance-id",
                MetadataFixture.proxyHeaders(s.oracle()), null, "127.0.0.1");
        assertThat(proxied.status()).as("service_metadata_proxy is off").isEqualTo(404);

        RawHttp.Answer guest = s.f().http.send("GET", "/latest/meta-data/instance-id",
                MetadataFixture.proxyHeaders(s.plain()), null, "127.0.0.2");
        assertThat(guest.text()).as("the caller's address decides").isEqualTo(String.format("i-%08x",
                s.oracle().id()));
    }

    @EachEngine
    void forcedConfigDriveHoldsTheSameTreesAsFiles(String engine) throws Exception {
        Setup s = setup(engine);
        Instance oracle = s.f().reload(s.oracle().uuid());
        assertThat(oracle.configDrive()).as("config_drive after a forced drive").isEqualTo("True");
        assertThat(s.f().reload(s.plain().uuid()).configDrive()).isEqualTo("True");
        Path drive = s.f().instancesPath.resolve(oracle.uuid()).resolve("config-drive");
        try (Stream<Path> ec2 = Files.list(drive.resolve("ec2"))) {
            assertThat(ec2.map(p -> p.getFileName().toString()).sorted())
                    .as("config_drive_skip_versions leaves out the older EC2 versions")
                    .containsExactly("2009-04-04", "latest");
        }
        try (Stream<Path> os = Files.list(drive.resolve("openstack"))) {
            assertThat(os.count()).isEqualTo(MetadataVersions.OPENSTACK.size() + 1);
        }
        assertThat(Files.readString(drive.resolve("openstack/latest/user_data"))).isEqualTo(MetadataFixture.USER_DATA);
        assertThat(Files.readString(drive.resolve("ec2/latest/user-data"))).isEqualTo(MetadataFixture.USER_DATA);
        assertThat(drive.resolve("openstack/2012-08-10/network_data.json")).doesNotExist();
        assertThat(drive.resolve("openstack/2012-08-10/vendor_data.json")).doesNotExist();
        assertThat(drive.resolve("openstack/latest/password")).doesNotExist();
        try (Stream<Path> latest = Files.list(drive.resolve("openstack/latest"))) {
            assertThat(latest.map(p -> p.getFileName().toString()).sorted()).containsExactly("meta_data.json",
                    "network_data.json", "user_data", "vendor_data.json", "vendor_data2.json");
        }

        String guest = oracle.interfaces().getFirst().fixedIp();
        for (String file : List.of("meta_data.json", "network_data.json", "vendor_data.json", "vendor_data2.json")) {
            JsonNode onDrive = JSON.readTree(Files.readAllBytes(drive.resolve("openstack/latest/" + file)));
            JsonNode served = JSON.readTree(s.f().http.send("GET", "/openstack/latest/" + file, List.of(), null, guest)
                    .body());
            if (onDrive.has("random_seed")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) onDrive).remove("random_seed");
                ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("random_seed");
            }
            assertThat(onDrive).as(file).isEqualTo(served);
        }
        JsonNode ec2 = JSON.readTree(Files.readAllBytes(drive.resolve("ec2/latest/meta-data.json")));
        assertThat(ec2.at("/public-keys/0/openssh-key").asText()).isEqualTo(MetadataFixture.PUBKEY);
        assertThat(ec2.at("/public-keys/0").has("_name")).isFalse();
        assertThat(ec2.get("instance-id").asText()).isEqualTo(String.format("i-%08x", oracle.id()));
        assertThat(ec2.get("ami-launch-index").isInt()).isTrue();
        assertThat(ec2.at("/placement/availability-zone").asText()).isEqualTo("nova");
        assertThat(new String(Files.readAllBytes(drive.resolve("ec2/2009-04-04/meta-data.json")),
                StandardCharsets.UTF_8)).contains("\"local-ipv4\": \"127.0.0.2\"");
    }
}
