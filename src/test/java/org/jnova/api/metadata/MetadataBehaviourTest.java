package org.jnova.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jnova.compute.SeedData;
import org.jnova.compute.ServerCreate;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;
import org.junit.jupiter.api.AfterAll;

/**
 * Address mode behind a trusted proxy ([api] use_forwarded_for), vendordata from a file and
 * from real REST services (one answering, one too slow, one failing, one not listening),
 * the cache window, and config drives asked for at boot.
 */
class MetadataBehaviourTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Setup> SETUPS = new ConcurrentHashMap<>();

    private record Setup(MetadataFixture f, Instance oracle, HttpServer vendor, List<JsonNode> vendorCalls,
            Path vendorFile) {
    }

    private static Setup setup(String engine) {
        return SETUPS.computeIfAbsent(engine, e -> {
            try {
                List<JsonNode> calls = new CopyOnWriteArrayList<>();
                HttpServer vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                vendor.createContext("/good", x -> {
                    calls.add(JSON.readTree(x.getRequestBody().readAllBytes()));
                    reply(x, 200, "{\"who\": \"dyn\", \"n\": 1}");
                });
                vendor.createContext("/slow", x -> {
                    try {
                        Thread.sleep(2500);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                    reply(x, 200, "{\"late\": true}");
                });
                vendor.createContext("/bad", x -> reply(x, 500, "{\"error\": 1}"));
                vendor.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
                vendor.start();
                String url = "http://127.0.0.1:" + vendor.getAddress().getPort();
                Path vendorFile = Files.createTempFile("vendor", ".json");
                Files.writeString(vendorFile, "{\"region\": \"r1\", \"list\": [1, 2]}");
                MetadataFixture f = MetadataFixture.start(e, 2, "[api]", "use_forwarded_for = true",
                        "vendordata_jsonfile_path = " + vendorFile, "vendordata_providers = StaticJSON,DynamicJSON",
                        "vendordata_dynamic_targets = good@" + url + "/good,slow@" + url + "/slow,bad@" + url
                                + "/bad,down@http://127.0.0.1:1/,good@" + url + "/good",
                        "vendordata_dynamic_read_timeout = 1");
                f.importKey();
                return new Setup(f, f.bootOracle("md-oracle", "True"), vendor, calls, vendorFile);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Setup s : SETUPS.values()) {
            s.f().close();
            s.vendor().stop(0);
        }
        SETUPS.clear();
    }

    private static List<String[]> forwardedFor(String address) {
        return List.<String[]>of(new String[] {"X-Forwarded-For", address});
    }

    @EachEngine
    void forwardedForNamesTheGuestWhenTrusted(String engine) throws Exception {
        Setup s = setup(engine);
        String ip = s.oracle().interfaces().getFirst().fixedIp();
        RawHttp.Answer known = s.f().http.send("GET", "/latest/meta-data/local-ipv4", forwardedFor(ip), null);
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.text()).isEqualTo(ip);

        RawHttp.Answer unknown = s.f().http.send("GET", "/latest/meta-data/local-ipv4", forwardedFor("10.9.9.9"),
                null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).isEqualTo("404 Not Found\n\nThe resource could not be found.\n\n   ");
    }

    @EachEngine
    void vendordataComesFromTheFileAndTheServicesThatAnswer(String engine) throws Exception {
        Setup s = setup(engine);
        String ip = s.oracle().interfaces().getFirst().fixedIp();
        RawHttp.Answer legacy = s.f().http.send("GET", "/openstack/latest/vendor_data.json", forwardedFor(ip), null);
        assertThat(legacy.header("Content-Type")).isEqualTo("application/json");
        assertThat(legacy.text()).isEqualTo("{\"region\": \"r1\", \"list\": [1, 2]}");

        long started = System.nanoTime();
        RawHttp.Answer v2 = s.f().http.send("GET", "/openstack/2016-10-06/vendor_data2.json", forwardedFor(ip), null);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.text()).as("in target order; failures are {}; a repeated name is skipped").isEqualTo(
                "{\"static\": {\"region\": \"r1\", \"list\": [1, 2]}, \"good\": {\"who\": \"dyn\", \"n\": 1}, "
                        + "\"slow\": {}, \"bad\": {}, \"down\": {}}");
        assertThat(tookMs).as("the slow target is cut at the read timeout").isLessThan(2400);

        JsonNode call = s.vendorCalls().getLast();
        assertThat(call.get("instance-id").asText()).isEqualTo(s.oracle().uuid());
        assertThat(call.get("project-id").asText()).isEqualTo("admin");
        assertThat(call.get("image-id").asText()).isEqualTo(SeedData.CIRROS_IMAGE_ID);
        assertThat(call.get("hostname").asText()).isEqualTo("md-oracle");
        assertThat(call.at("/metadata/role").asText()).isEqualTo("web");
        assertThat(call.get("boot-roles").asText()).isEmpty();
    }

    @EachEngine
    void aPasswordTheDatabaseCannotHoldIsABadRequest(String engine) throws Exception {
        Setup s = setup(engine);
        Instance server = s.f().bootPlain("md-nul-password");
        RawHttp.Answer a = s.f().http.send("POST", "/openstack/latest/password",
                forwardedFor(server.interfaces().getFirst().fixedIp()), new byte[] {'p', 0, 'w'});
        if (engine.equals("postgresql")) {
            // nova crashes on PostgreSQL (psycopg2 refuses NUL); jnova answers what that means
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.text()).isEqualTo("400 Bad Request\n\nInvalid input received: A string cannot contain NUL "
                    + "(0x00) characters.\n\n   ");
        } else {
            assertThat(a.status()).isEqualTo(200);
        }
    }

    @EachEngine
    void anUnreadableVendordataFileIsNovasUnknownError(String engine) throws Exception {
        Setup s = setup(engine);
        Instance server = s.f().bootPlain("md-broken-vendor");
        String good = Files.readString(s.vendorFile());
        Files.writeString(s.vendorFile(), "{not json");
        try {
            RawHttp.Answer a = s.f().http.send("GET", "/latest/meta-data/instance-id",
                    forwardedFor(server.interfaces().getFirst().fixedIp()), null);
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.text()).isEqualTo("500 Internal Server Error\n\nAn unknown error has occurred. "
                    + "Please try your request again.\n\n   ");
        } finally {
            Files.writeString(s.vendorFile(), good);
        }
    }

    @EachEngine
    void aMetadataChangeShowsOnlyOnceTheCacheExpired(String engine) throws Exception {
        Setup s = setup(engine);
        Instance server = s.f().boot(ServerCreate.of("md-cache", SeedData.CIRROS_IMAGE_ID, "1")
                .withMetadata(Map.of("stage", "one")));
        List<String[]> headers = forwardedFor(server.interfaces().getFirst().fixedIp());
        assertThat(meta(s, headers).get("stage").asText()).isEqualTo("one");

        s.f().jnova.cloud().serverMetadata().update(MetadataFixture.ADMIN, server.uuid(), Map.of("stage", "two"),
                false);
        assertThat(meta(s, headers).get("stage").asText()).as("within the cache window").isEqualTo("one");

        s.f().waitForCacheExpiry();
        assertThat(meta(s, headers).get("stage").asText()).as("after metadata_cache_expiration").isEqualTo("two");
    }

    private static JsonNode meta(Setup s, List<String[]> headers) throws IOException {
        RawHttp.Answer a = s.f().http.send("GET", "/openstack/latest/meta_data.json", headers, null);
        assertThat(a.status()).isEqualTo(200);
        return JSON.readTree(a.body()).get("meta");
    }

    @EachEngine
    void aConfigDriveIsWrittenWhenAskedForAndRemovedWithTheServer(String engine) throws Exception {
        Setup s = setup(engine);
        Path withDrive = s.f().instancesPath.resolve(s.oracle().uuid()).resolve("config-drive");
        assertThat(s.f().reload(s.oracle().uuid()).configDrive()).isEqualTo("True");
        assertThat(withDrive.resolve("openstack/latest/meta_data.json")).exists();
        JsonNode md = JSON.readTree(Files.readAllBytes(withDrive.resolve("openstack/2013-10-17/meta_data.json")));
        assertThat(md.get("uuid").asText()).isEqualTo(s.oracle().uuid());
        assertThat(md.has("project_id")).as("2015-10-15 added project_id").isFalse();
        assertThat(Files.readString(withDrive.resolve("openstack/latest/vendor_data.json")))
                .isEqualTo("{\"region\": \"r1\", \"list\": [1, 2]}");

        Instance plain = s.f().bootPlain("md-no-drive");
        assertThat(plain.configDrive()).isEmpty();
        assertThat(s.f().instancesPath.resolve(plain.uuid())).doesNotExist();

        Instance driven = s.f().boot(new ServerCreate("md-drive", SeedData.CIRROS_IMAGE_ID, "1", 1, 1, null, null,
                Map.of(), null, null, null, ConfigDrive.columnValue("true"), null, null, List.of()));
        Path drive = s.f().instancesPath.resolve(driven.uuid());
        assertThat(drive.resolve("config-drive/ec2/latest/meta-data.json")).exists();
        assertThat(drive.resolve("config-drive/openstack/latest/user_data")).as("no user data, no file").doesNotExist();
        s.f().delete(driven.uuid());
        assertThat(drive).as("the drive goes with the server").doesNotExist();
    }
}
