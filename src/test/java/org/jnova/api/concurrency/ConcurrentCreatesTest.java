package org.jnova.api.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jnova.cmd.NovaManage;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * Identical creates sent at the same instant over the real HTTP API: one is created, every other
 * gets the service's own conflict answer (the one a create after it gets), never a 500, and one
 * row is left. On PostgreSQL and MariaDB the requests run in parallel transactions, so several
 * pass the existence check together and meet the unique index.
 */
class ConcurrentCreatesTest {
    private static final int AT_ONCE = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCuZW3mCgai/kYSCClB9+S0"
            + "C9RuWUMP2InZFDCbqU/rn3MzOG8IdBQgDe1rv4LJxcOucptKt83vtCZIhPc5"
            + "ih6zYbf6FZ2fOagJhG8zwDqY9WLKBFSyzg5LpffENrqqw+k901We7uY5adHq"
            + "JFWoEfDuKTRCY2e60udYNXRwm9CrFvIyu8gTRCDD2kLoO5G91x0IClEmReql"
            + "EITzdhlXxl1f1xJ/ixGw5H25irxvVgHuo8epZ+pBcC0CdIeYO2Ua2VGAGR7+"
            + "USge+Qh6qInx9GnlNxAcrR/jPhN1ONYOhh91f3ciM9rc13tder9a3jJbdSV/"
            + "SV/n2KVGMCS7+Py0sZkX race@test";

    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status and body. */
    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** nova's fault message or Keystone's error message. */
        String message() {
            JsonNode json = json();
            return json.has("error") ? json.path("error").path("message").asText()
                    : json.elements().next().path("message").asText();
        }
    }

    @EachEngine
    void keyPairs(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        List<Answer> answers = atOnce(() -> compute(jnova, "POST", "/os-keypairs", "{\"keypair\": {\"name\": "
                + "\"race-key\", \"public_key\": \"" + PUBLIC_KEY + "\"}}"));
        assertOneCreated(answers, 201, 409, m -> m.equals("Key pair 'race-key' already exists."));
        assertThat(compute(jnova, "GET", "/os-keypairs", null).json().path("keypairs").findValuesAsText("name"))
                .containsOnlyOnce("race-key");
    }

    @EachEngine
    void flavors(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        List<Answer> answers = atOnce(() -> compute(jnova, "POST", "/flavors", "{\"flavor\": {\"name\": "
                + "\"race-flavor\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}"));
        assertOneCreated(answers, 200, 409, m -> m.equals("Flavor with name race-flavor already exists."));

        List<Answer> byId = atOnce(() -> compute(jnova, "POST", "/flavors", "{\"flavor\": {\"name\": "
                + "\"race-flavor-" + Thread.currentThread().threadId() + "\", \"id\": \"race-id\", \"ram\": 64, "
                + "\"vcpus\": 1, \"disk\": 1}}"));
        assertOneCreated(byId, 200, 409, m -> m.equals("Flavor with ID race-id already exists."));
        JsonNode flavors = compute(jnova, "GET", "/flavors?is_public=None", null).json().path("flavors");
        assertThat(flavors.findValuesAsText("name")).containsOnlyOnce("race-flavor");
        assertThat(flavors.findValuesAsText("id")).containsOnlyOnce("race-id");
    }

    @EachEngine
    void aggregates(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        List<Answer> answers = atOnce(() -> compute(jnova, "POST", "/os-aggregates", "{\"aggregate\": {\"name\": "
                + "\"race-aggregate\"}}"));
        assertOneCreated(answers, 200, 409, m -> m.equals("Aggregate race-aggregate already exists."));
    }

    @EachEngine
    void ec2SecurityGroups(String engine) throws Exception {
        try (Ec2Client ec2 = Ec2Clients.noauth(SERVERS.get(engine).startEc2(), "racer:race-ec2")) {
            List<String> answers = atOnce(() -> {
                try {
                    return "created " + ec2.createSecurityGroup(r -> r.groupName("race-group")
                            .description("raced")).groupId();
                } catch (Ec2Exception e) {
                    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
                }
            });
            assertThat(answers).filteredOn(a -> a.startsWith("created ")).as("created").hasSize(1);
            assertThat(answers).filteredOn(a -> !a.startsWith("created ")).hasSize(AT_ONCE - 1)
                    .containsOnly("InvalidGroup.Duplicate: The security group 'race-group' already exists");
            assertThat(ec2.describeSecurityGroups().securityGroups().stream().map(g -> g.groupName()).toList())
                    .containsOnlyOnce("race-group");
        }
    }

    /**
     * The compute API's names may repeat, as neutron's do: every create in the race is one
     * group until the project's quota (10, its default group counted), never past it.
     */
    @EachEngine
    void computeSecurityGroupsRepeatANameUpToTheQuota(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        List<Answer> answers = atOnce(() -> {
            JnovaTestServer.Reply reply = jnova.call("POST", "/os-security-groups", "{\"security_group\": "
                    + "{\"name\": \"race-group\", \"description\": \"raced\"}}", "2.1", "racer:race-compute");
            return new Answer(reply.status(), reply.body());
        });
        assertThat(answers).filteredOn(a -> a.status() == 200).as("created").hasSize(9);
        assertThat(answers).filteredOn(a -> a.status() != 200).hasSize(AT_ONCE - 9).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(403);
            assertThat(a.message()).isEqualTo("Quota exceeded for resources: ['security_group'].");
        });
        JsonNode listed = jnova.call("GET", "/os-security-groups", null, "2.1", "racer:race-compute").json()
                .path("security_groups");
        List<String> names = new ArrayList<>();
        listed.forEach(g -> names.add(g.path("name").asText()));
        assertThat(names).hasSize(10).containsOnlyOnce("default").filteredOn("race-group"::equals).hasSize(9);
    }

    @EachEngine
    void keystoneProjects(String engine) throws Exception {
        String admin = identityAdmin(engine);
        List<Answer> answers = atOnce(() -> identity(engine, admin, "POST", "/projects",
                "{\"project\": {\"name\": \"race-project\"}}"));
        assertOneCreated(answers, 201, 409, m -> m.startsWith("Conflict occurred attempting to store project - it "
                + "is not permitted to have two projects with either the same name or same id in the same domain: "
                + "name is race-project, project id "));
        assertThat(identity(engine, admin, "GET", "/projects?name=race-project", null).json().path("projects"))
                .hasSize(1);
    }

    @EachEngine
    void keystoneUsers(String engine) throws Exception {
        String admin = identityAdmin(engine);
        List<Answer> answers = atOnce(() -> identity(engine, admin, "POST", "/users",
                "{\"user\": {\"name\": \"race-user\", \"password\": \"s3cret\"}}"));
        assertOneCreated(answers, 201, 409, m -> m.equals("Conflict occurred attempting to store user - Duplicate "
                + "entry found with name race-user at domain ID default."));
        assertThat(identity(engine, admin, "GET", "/users?name=race-user", null).json().path("users")).hasSize(1);
    }

    @EachEngine
    void keystoneRolesGroupsAndDomains(String engine) throws Exception {
        String admin = identityAdmin(engine);
        assertOneCreated(atOnce(() -> identity(engine, admin, "POST", "/roles", "{\"role\": {\"name\": "
                + "\"race-role\"}}")), 201, 409, m -> m.equals("Conflict occurred attempting to store role - "
                        + "Duplicate entry found with name race-role."));
        assertOneCreated(atOnce(() -> identity(engine, admin, "POST", "/groups", "{\"group\": {\"name\": "
                + "\"race-group\"}}")), 201, 409, m -> m.equals("Conflict occurred attempting to store group - "
                        + "Duplicate entry found with name race-group at domain ID default."));
        assertOneCreated(atOnce(() -> identity(engine, admin, "POST", "/domains", "{\"domain\": {\"name\": "
                + "\"race-domain\"}}")), 201, 409, m -> m.equals("Conflict occurred attempting to store project - "
                        + "it is not permitted to have two projects acting as domains with the same name: "
                        + "race-domain."));
    }

    /** Exactly one {@code created}, every other answer {@code conflict} with a message {@code expected} accepts. */
    private static void assertOneCreated(List<Answer> answers, int created, int conflict, Predicate<String> expected) {
        assertThat(answers).as("answers").hasSize(AT_ONCE);
        assertThat(answers).filteredOn(a -> a.status() >= 500).as("server errors").isEmpty();
        assertThat(answers).filteredOn(a -> a.status() == created).as("created").hasSize(1);
        List<Answer> refused = answers.stream().filter(a -> a.status() != created).toList();
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(conflict);
            assertThat(a.message()).as(a.body()).matches(expected);
        });
    }

    /** Runs {@link #AT_ONCE} copies of the call, released together. */
    private static <T> List<T> atOnce(Callable<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(AT_ONCE);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer compute(JnovaTestServer jnova, String method, String path, String body) throws Exception {
        JnovaTestServer.Reply reply = jnova.call(method, path, body, "2.90");
        return new Answer(reply.status(), reply.body());
    }

    /** A project-scoped admin token of the built-in identity (bootstrap is idempotent). */
    private String identityAdmin(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String url = jnova.startIdentity();
        int status = NovaManage.run(new String[] {"--config-file", jnova.configFile().toString(), "identity",
            "bootstrap", "--bootstrap-password", "s3cret", "--bootstrap-public-url", url + "/v3"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        HttpResponse<String> issued = client.send(HttpRequest.newBuilder(URI.create(url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": "
                                + "\"admin\", \"domain\": {\"id\": \"default\"}, \"password\": \"s3cret\"}}}, "
                                + "\"scope\": {\"project\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}}}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private Answer identity(String engine, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVERS.get(engine).startIdentity() + "/v3"
                + path)).timeout(Duration.ofSeconds(60)).header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
