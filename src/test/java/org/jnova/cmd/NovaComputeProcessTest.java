package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jnova.compute.SeedData;
import org.jnova.conf.cfg.ConfigLoader;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.db.Databases;
import org.jnova.rpc.FakeTransport;
import org.jnova.rpc.rabbit.RabbitSettings;
import org.jnova.rpc.rabbit.RabbitTransport;
import org.jnova.service.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed mode with real processes: nova-api (one worker, its conductor) and
 * nova-compute in two JVMs, talking through the RabbitMQ of 127.0.0.1:5672 and sharing one
 * SQLite file.
 */
class NovaComputeProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RABBIT = "rabbit://guest:guest@127.0.0.1:5672/";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void refusesTheInProcessTransport(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\ntransport_url = fake://\n"
                + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n");

        try (ChildJvm compute = ChildJvm.start(NovaComputeMain.class, "--config-file", conf.toString())) {
            assertThat(compute.awaitExit(60)).isEqualTo(1);
            assertThat(compute.output()).contains("nova-compute needs a message broker")
                    .contains("transport_url fake://");
        }
    }

    @Test
    void anUnreachableBrokerStopsStartUpWithExitOne(@TempDir Path dir) throws Exception {
        int closed = freePort();
        Path conf = Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\ntransport_url = rabbit://nova:secret@127.0.0.1:"
                + closed + "/\n[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n");
        assertThat(NovaManage.run(new String[] {"--config-file", conf.toString(), "db", "sync"}, System.out,
                System.err)).isZero(); // a synced database, so the broker is what stops start-up

        try (ChildJvm compute = ChildJvm.start(NovaComputeMain.class, "--config-file", conf.toString())) {
            assertThat(compute.awaitExit(60)).isEqualTo(1);
            assertThat(compute.output()).contains("Cannot connect to the AMQP server").doesNotContain("secret");
        }
    }

    @Test
    void aTakenPortStopsNovaApiWithExitOneThoughTheBrokerIsConnected(@TempDir Path dir) throws Exception {
        try (TestVhost vhost = TestVhost.create(); ServerSocket taken = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            Path conf = Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\ntransport_url = " + RABBIT
                    + vhost.urlPath() + "\ncontrol_exchange = jnova-bind-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\nenabled_apis = osapi_compute\nosapi_compute_listen = 127.0.0.1\n"
                    + "osapi_compute_listen_port = " + taken.getLocalPort() + "\nosapi_compute_workers = 1\n"
                    + "[api]\nauth_strategy = noauth2\n"
                    + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n");
            prepareDatabase(conf);

            try (ChildJvm api = ChildJvm.start(NovaApiMain.class, "--config-file", conf.toString())) {
                assertThat(api.awaitExit(60)).isEqualTo(1);
                assertThat(api.output()).contains("nova-api: Could not bind to 127.0.0.1:" + taken.getLocalPort());
            }
        }
    }

    @Test
    void aServerCreatedThroughTheApiOfOneProcessBecomesActiveOnTheComputeHostOfAnother(@TempDir Path dir)
            throws Exception {
        try (TestVhost vhost = TestVhost.create()) {
            serverBecomesActiveOnTheOtherProcess(dir, RABBIT + vhost.urlPath());
        }
    }

    private void serverBecomesActiveOnTheOtherProcess(Path dir, String rabbitUrl) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String host = "e2e-compute-" + id;
        String exchange = "jnova-e2e-" + id;
        int port = freePort();
        String common = "[DEFAULT]\ntransport_url = " + rabbitUrl + "\ncontrol_exchange = " + exchange + "\n"
                + "report_interval = 1\n"
                + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n"
                + "[jnova_compute]\nfake_spawn_delay_ms = 0\nfake_destroy_delay_ms = 0\n";
        Path apiConf = Files.writeString(dir.resolve("api.conf"), common.replace("[DEFAULT]\n", "[DEFAULT]\n"
                + "enabled_apis = osapi_compute\nosapi_compute_listen = 127.0.0.1\nosapi_compute_listen_port = " + port
                + "\nosapi_compute_workers = 1\n") + "[api]\nauth_strategy = noauth2\n");
        Path computeConf = Files.writeString(dir.resolve("compute.conf"),
                common.replace("[DEFAULT]\n", "[DEFAULT]\nhost = " + host + "\n"));
        prepareDatabase(apiConf);

        try (ChildJvm api = ChildJvm.start(NovaApiMain.class, "--config-file", apiConf.toString());
                ChildJvm compute = ChildJvm.start(NovaComputeMain.class, "--config-file", computeConf.toString())) {
            String base = "http://127.0.0.1:" + port + "/v2.1";
            JsonNode services = await(() -> get(base + "/os-services?binary=nova-compute&host=" + host),
                    s -> s != null && s.at("/services/0/state").asText().equals("up"), api, compute);
            assertThat(services.at("/services/0/host").asText()).isEqualTo(host);

            JsonNode created = send("POST", base + "/servers", "{\"server\": {\"name\": \"e2e\", \"flavorRef\": \"1\", "
                    + "\"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID + "\", \"networks\": \"auto\"}}");
            String serverId = created.at("/server/id").asText();
            assertThat(serverId).as(created.toString()).isNotEmpty();

            JsonNode server = await(() -> get(base + "/servers/" + serverId),
                    s -> s != null && List.of("ACTIVE", "ERROR").contains(s.at("/server/status").asText()), api,
                    compute);
            assertThat(server.at("/server/status").asText()).as(server.toString()).isEqualTo("ACTIVE");
            assertThat(server.at("/server/OS-EXT-SRV-ATTR:host").asText()).isEqualTo(host);

            // The compute host dies; a stop sent meanwhile waits on the broker for its return.
            compute.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            send("POST", base + "/servers/" + serverId + "/action", "{\"os-stop\": null}");
            try (ChildJvm again = ChildJvm.start(NovaComputeMain.class, "--config-file", computeConf.toString())) {
                JsonNode stopped = await(() -> get(base + "/servers/" + serverId),
                        s -> s != null && s.at("/server/status").asText().equals("SHUTOFF"), api, again);
                assertThat(stopped.at("/server/OS-EXT-STS:task_state").isNull()).isTrue();

                send("DELETE", base + "/servers/" + serverId, null);
                await(() -> get(base + "/servers/" + serverId), s -> s == null, api, again);

                Signals.send(again.process().pid(), Signals.Kind.TERM);
                assertThat(again.awaitExit(60)).as(again.output()).isZero();
                assertThat(again.output()).contains("Caught SIGTERM").contains("nova-compute stopped");
            }
            Signals.send(api.process().pid(), Signals.Kind.TERM);
            api.awaitExit(60);
        } finally {
            deleteBrokerState(rabbitUrl, exchange, host);
        }
    }

    /** What nova-manage db sync and the all-in-one's seeding do before any service starts. */
    private static void prepareDatabase(Path conf) {
        ConfigOpts opts = ConfigLoader.load(NovaOptions.all(), new String[] {"--config-file", conf.toString()}, "nova",
                "nova-manage");
        try (Databases databases = Databases.open(opts); FakeTransport transport = new FakeTransport()) {
            databases.syncAll();
            new CompositionRoot(opts, databases, transport).seed();
        }
    }

    private static void deleteBrokerState(String rabbitUrl, String exchange, String host) {
        try (RabbitTransport cleaner = new RabbitTransport(RabbitSettings.defaults(rabbitUrl).withExchange(exchange))) {
            for (String queue : List.of("compute." + host, "conductor.nova-conductor")) {
                cleaner.deleteQueue(queue);
            }
            cleaner.deleteExchange();
        }
    }

    @FunctionalInterface
    private interface Fetch {
        JsonNode get() throws Exception;
    }

    private static JsonNode await(Fetch fetch, Predicate<JsonNode> done, ChildJvm... processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = fetch.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException notYetListening) {
                // The API is still starting.
            }
            Thread.sleep(250);
        }
        StringBuilder logs = new StringBuilder();
        for (ChildJvm p : processes) {
            logs.append("\n---\n").append(p.output());
        }
        throw new AssertionError("not reached; last answer " + last + logs);
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode send(String method, String url, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = http.send(request(url).method(method, publisher)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("X-Auth-Token", "admin:admin").header("OpenStack-API-Version", "compute 2.37");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
