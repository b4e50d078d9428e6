package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jnova.api.auth.TokenInfo;
import org.jnova.api.auth.TokenValidator;
import org.jnova.api.openstack.identity.tokens.BuiltInTokenValidator;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.service.ApiService;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Image;
import org.openstack4j.model.compute.Server;
import org.openstack4j.openstack.OSFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jnova's defaults: the Compute and Identity APIs in one process, tokens of the built-in
 * identity validated in-process, the users admin and demo and a clouds.yaml that reaches them,
 * kept from one start to the next; noauth2 only when asked for.
 */
class AllInOneCloudTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    private int computePort;
    private int identityPort;

    record Reply(int status, HttpResponse<String> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** The all-in-one's compute and identity services of one start, stopped on close. */
    private record Started(AllInOneServiceFactory factory, List<ApiService> services) implements AutoCloseable {
        @Override
        public void close() {
            services.forEach(ApiService::stop);
            factory.closeBackend();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path config(String extra) throws IOException {
        if (computePort == 0) {
            computePort = freePort();
            identityPort = freePort();
        }
        return Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\nenabled_apis = osapi_compute,identity\n"
                + "osapi_compute_listen_port = " + computePort + "\nidentity_listen_port = " + identityPort + "\n"
                + "state_path = " + dir + "\n"
                + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n"
                + "[api_database]\nconnection = sqlite:///" + dir.resolve("nova_api.sqlite") + "\n"
                + "[jnova_compute]\nfake_spawn_delay_ms = 0\nfake_destroy_delay_ms = 0\n" + extra);
    }

    private Started start(Path conf) {
        AllInOneServiceFactory factory = new AllInOneServiceFactory();
        ConfigOpts opts = factory.loadConfig(List.of("--config-file", conf.toString()));
        List<ApiService> services = new ArrayList<>();
        for (String name : opts.get(org.jnova.conf.ServiceOpts.ENABLED_APIS)) {
            ApiService service = factory.create(opts, name);
            service.start();
            services.add(service);
        }
        return new Started(factory, services);
    }

    private Reply call(String method, String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response);
    }

    private JsonNode clouds() throws IOException {
        return YAML.readTree(dir.resolve("clouds.yaml").toFile()).path("clouds");
    }

    /** A project-scoped token for the cloud's user, as the openstack client gets it from clouds.yaml. */
    private Reply token(JsonNode cloud) throws Exception {
        JsonNode auth = cloud.path("auth");
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                "domain": {"name": "%s"}, "password": "%s"}}}, "scope": {"project": {"name": "%s",
                "domain": {"name": "%s"}}}}}""".formatted(auth.path("username").asText(),
                auth.path("user_domain_name").asText(), auth.path("password").asText(),
                auth.path("project_name").asText(), auth.path("project_domain_name").asText());
        return call("POST", auth.path("auth_url").asText() + "/auth/tokens", body, Map.of());
    }

    private String compute() {
        return "http://127.0.0.1:" + computePort + "/v2.1";
    }

    /** openstack4j as its users write it: password authentication, then the catalog's compute endpoint. */
    @Test
    void openstack4jLogsInWithAPasswordAndBootsThroughTheCatalog() throws Exception {
        try (Started jnova = start(config("[jnova_all_in_one]\ndemo_password = D3mo-pw-4j\n"))) {
            OSClient.OSClientV3 os = OSFactory.builderV3().endpoint("http://127.0.0.1:" + identityPort + "/v3")
                    .credentials("demo", "D3mo-pw-4j", Identifier.byName("Default"))
                    .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default")).authenticate();
            assertThat(os.getToken().getProject().getName()).isEqualTo("demo");
            Flavor tiny = os.compute().flavors().list().stream().filter(f -> f.getName().equals("m1.tiny"))
                    .findFirst().orElseThrow();
            Image image = os.compute().images().list().get(0);
            Server booted = os.compute().servers().boot(os.compute().servers().serverBuilder().name("o4j-password")
                    .flavor(tiny.getId()).image(image.getId()).build());
            assertThat(booted.getId()).isNotBlank();
            assertThat(os.compute().servers().list()).extracting(Server::getName).contains("o4j-password");
            assertThat(os.compute().servers().delete(booted.getId()).isSuccess()).isTrue();

            OSClient.OSClientV3 wrong = null;
            try {
                wrong = OSFactory.builderV3().endpoint("http://127.0.0.1:" + identityPort + "/v3")
                        .credentials("demo", "not-the-password", Identifier.byName("Default"))
                        .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default")).authenticate();
            } catch (AuthenticationException e) {
                assertThat(e.getStatus()).isEqualTo(401);
            }
            assertThat(wrong).as("a wrong password gets no client").isNull();
        }
    }

    @Test
    void cloudsYamlUsersGetTokensTheComputeApiValidatesInProcess() throws Exception {
        try (Started jnova = start(config(""))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("clouds.yaml"))))
                    .isEqualTo("rw-------");
            JsonNode demoCloud = clouds().path("jnova-demo");
            assertThat(demoCloud.path("auth").path("auth_url").asText())
                    .isEqualTo("http://127.0.0.1:" + identityPort + "/v3");
            assertThat(demoCloud.path("region_name").asText()).isEqualTo("RegionOne");
            assertThat(demoCloud.path("identity_api_version").asInt()).isEqualTo(3);
            assertThat(demoCloud.path("interface").asText()).isEqualTo("public");
            assertThat(demoCloud.path("auth").path("password").asText()).hasSizeGreaterThanOrEqualTo(16);

            Reply demo = token(demoCloud);
            assertThat(demo.status()).isEqualTo(201);
            JsonNode body = demo.json().path("token");
            assertThat(body.path("roles").findValuesAsText("name")).contains("member", "reader")
                    .doesNotContain("admin");
            List<String> computeUrls = new ArrayList<>();
            for (JsonNode service : body.path("catalog")) {
                if (service.path("type").asText().equals("compute")) {
                    service.path("endpoints").forEach(e -> computeUrls.add(e.path("interface").asText() + " "
                            + e.path("region_id").asText() + " " + e.path("url").asText()));
                }
            }
            assertThat(computeUrls).containsExactlyInAnyOrder("public RegionOne " + compute(),
                    "internal RegionOne " + compute(), "admin RegionOne " + compute());
            String demoToken = demo.header("X-Subject-Token");

            assertThat(call("GET", compute() + "/servers", null, Map.of("X-Auth-Token", demoToken)).status())
                    .isEqualTo(200);
            assertThat(call("GET", compute() + "/os-hypervisors", null, Map.of("X-Auth-Token", demoToken))
                    .status()).isEqualTo(403);
            String adminToken = token(clouds().path("jnova")).header("X-Subject-Token");
            assertThat(call("GET", compute() + "/os-hypervisors", null, Map.of("X-Auth-Token", adminToken))
                    .status()).isEqualTo(200);

            Reply refused = call("GET", compute() + "/servers", null, Map.of("X-Auth-Token", demoToken + "x"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Keystone uri=\"http://127.0.0.1:"
                    + identityPort + "\"");
            // noauth2's tokens mean nothing here
            assertThat(call("GET", compute() + "/servers", null, Map.of("X-Auth-Token", "admin:admin")).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void inProcessValidationReadsWhatTheIdentityApiAnswers() throws Exception {
        try (Started jnova = start(config(""))) {
            String demoToken = token(clouds().path("jnova-demo")).header("X-Subject-Token");
            String adminToken = token(clouds().path("jnova")).header("X-Subject-Token");
            Reply validated = call("GET", "http://127.0.0.1:" + identityPort + "/v3/auth/tokens", null,
                    Map.of("X-Auth-Token", adminToken, "X-Subject-Token", demoToken));
            assertThat(validated.status()).isEqualTo(200);

            TokenValidator builtIn = new BuiltInTokenValidator(jnova.factory().root().identity());

            assertThat(builtIn.validate(demoToken)).isEqualTo(
                    new TokenValidator.Validation.Valid(TokenInfo.parse(validated.json().path("token"))));
            assertThat(builtIn.validate(demoToken + "x")).isInstanceOf(TokenValidator.Validation.Invalid.class);
            assertThat(builtIn.validate("")).isInstanceOf(TokenValidator.Validation.Invalid.class);
        }
    }

    @Test
    void aSecondStartKeepsThePasswordsAndTheTokensOfTheFirst() throws Exception {
        Path conf = config("");
        String token;
        JsonNode first;
        try (Started jnova = start(conf)) {
            first = clouds();
            token = token(first.path("jnova-demo")).header("X-Subject-Token");
        }
        Files.writeString(dir.resolve("clouds.yaml"), Files.readString(dir.resolve("clouds.yaml"))
                + "# a line of the operator's\n");
        try (Started jnova = start(conf)) {
            assertThat(clouds()).isEqualTo(first);
            assertThat(call("GET", compute() + "/servers", null, Map.of("X-Auth-Token", token)).status())
                    .isEqualTo(200);
            assertThat(token(clouds().path("jnova")).status()).isEqualTo(201);
        }
    }

    @Test
    void configuredPasswordsAreSetAndOtherCloudsInTheFileKept() throws Exception {
        Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  elsewhere:\n    auth:\n      auth_url: "
                + "http://keystone.example:5000/v3\n");
        try (Started jnova = start(config("[jnova_all_in_one]\nadmin_password = Secret-1\n"
                + "demo_password = Secret-2\npublic_host = localhost\n"))) {
            JsonNode clouds = clouds();
            assertThat(clouds.path("elsewhere").path("auth").path("auth_url").asText())
                    .isEqualTo("http://keystone.example:5000/v3");
            assertThat(clouds.path("jnova").path("auth").path("password").asText()).isEqualTo("Secret-1");
            assertThat(clouds.path("jnova-demo").path("auth").path("password").asText()).isEqualTo("Secret-2");
            assertThat(clouds.path("jnova-demo").path("auth").path("auth_url").asText())
                    .isEqualTo("http://localhost:" + identityPort + "/v3");
            assertThat(token(clouds.path("jnova-demo")).status()).isEqualTo(201);
        }
        // without the option the password set last is kept; one in the file that does not authenticate is replaced
        Files.writeString(dir.resolve("clouds.yaml"), Files.readString(dir.resolve("clouds.yaml"))
                .replace("Secret-2", "Wrong-2"));
        try (Started jnova = start(config(""))) {
            assertThat(clouds().path("jnova").path("auth").path("password").asText()).isEqualTo("Secret-1");
            String generated = clouds().path("jnova-demo").path("auth").path("password").asText();
            assertThat(generated).isNotIn("Secret-2", "Wrong-2").hasSizeGreaterThanOrEqualTo(16);
            assertThat(token(clouds().path("jnova-demo")).status()).isEqualTo(201);
        }
    }

    @Test
    void noauth2AskedForSetsUpNoCloud() throws Exception {
        try (Started jnova = start(config("[api]\nauth_strategy = noauth2\n"))) {
            assertThat(dir.resolve("clouds.yaml")).doesNotExist();
            assertThat(call("GET", compute() + "/servers", null, Map.of("X-Auth-Token", "admin:admin")).status())
                    .isEqualTo(200);
        }
    }
}
