package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jnova.cmd.NovaManage;
import org.jnova.conf.CredentialOpts;
import org.jnova.conf.DatabaseOpts;
import org.jnova.identity.Ec2CredentialsApi;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.utils.JsonMappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The EC2 API of a process that serves the identity API too: the AWS SDK and the AWS CLI sign
 * with EC2 credentials created through Identity v3, and the signature is checked in-process
 * against them (no Keystone, no service user); the secrets are stored encrypted.
 */
class Ec2BuiltInIdentityTest {
    private static final String[] CONF = {"[DEFAULT]", "enabled_apis = osapi_compute,metadata,identity,ec2",
        "[api]", "auth_strategy = keystone", "[jnova_all_in_one]", "admin_password = Adm1n-pw",
        "demo_password = D3mo-pw"};

    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers(CONF);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    /** A demo user's token and the EC2 credentials made with it. */
    private record DemoCredential(String token, String access, String secret) {
    }

    @EachEngine
    void ec2CredentialsOfTheBuiltInIdentitySignRequestsAndAWrongSecretIsRefused(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String ec2Url = jnova.startEc2();
        DemoCredential credential = demoCredential(jnova);

        try (Ec2Client ec2 = client(ec2Url, credential.access(), credential.secret())) {
            assertThat(ec2.describeRegions().regions()).hasSize(1);
            assertThat(ec2.describeInstances().reservations()).isEmpty();
            assertThat(ec2.createKeyPair(r -> r.keyName("built-in")).keyName()).isEqualTo("built-in");
            JnovaTestServer.Reply keypairs = jnova.call("GET", "/os-keypairs", null, null, credential.token());
            assertThat(keypairs.body()).as("the key pair belongs to the credential's user").contains("built-in");
            ec2.deleteKeyPair(r -> r.keyName("built-in"));
        }

        try (Ec2Client wrong = client(ec2Url, credential.access(), "not-the-secret")) {
            Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, wrong::describeRegions);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
        }
        try (Ec2Client unknown = client(ec2Url, "0123456789abcdef0123456789abcdef", "whatever")) {
            Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, unknown::describeRegions);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
        }
    }

    @EachEngine
    void theAwsCliScenario(String engine) throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI is not installed");
        JnovaTestServer jnova = SERVERS.get(engine);
        DemoCredential credential = demoCredential(jnova);
        AwsCli aws = AwsCli.of(jnova.startEc2(), credential.access(), credential.secret(), home);
        Ec2CliScenario.refusesAWrongSecret(aws);
        Ec2CliScenario.run(aws);
    }

    /** Encryption happens above the database, so one engine shows it: SQLite, read directly. */
    @Test
    void ec2SecretsAreEncryptedAtRestAndTheirKeysRotate() throws Exception {
        // a server of its own: the key counts below are of its credentials only
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", CONF)) {
            String ec2Url = jnova.startEc2();
            DemoCredential credential = demoCredential(jnova);
            String access = credential.access();
            String secret = credential.secret();
            String id = Ec2CredentialsApi.hashAccessKey(access);
            String stored = storedBlob(jnova, id);
            assertThat(stored).as("the secret is encrypted at rest").startsWith("aes-gcm:").doesNotContain(secret);
            // a row an earlier release stored in clear still signs, and is encrypted once read
            setStoredBlob(jnova, id, "{\"access\": \"" + access + "\", \"secret\": \"" + secret
                    + "\", \"trust_id\": null}");
            try (Ec2Client ec2 = client(ec2Url, access, secret)) {
                assertThat(ec2.describeRegions().regions()).hasSize(1);
            }
            assertThat(storedBlob(jnova, id)).startsWith("aes-gcm:").doesNotContain(secret).isNotEqualTo(stored);

            // a new key encrypts; credential_migrate moves every row to it, and the old key can go
            assertThat(manage(jnova, "identity", "credential_rotate")).isEqualTo("1");
            assertThat(manage(jnova, "identity", "credential_migrate")).isEqualTo("1");
            assertThat(manage(jnova, "identity", "credential_migrate")).isEqualTo("0");
            Path keys = Path.of(jnova.conf().get(CredentialOpts.KEY_REPOSITORY));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("1"))))
                    .isEqualTo("rw-------");
            Files.delete(keys.resolve("0"));
            try (Ec2Client ec2 = client(ec2Url, access, secret)) {
                assertThat(ec2.describeRegions().regions()).hasSize(1);
            }
        }
    }

    /** Authenticates as demo on the built-in identity and creates EC2 credentials (OS-EC2) for its project. */
    private DemoCredential demoCredential(JnovaTestServer jnova) throws Exception {
        String identity = jnova.startIdentity();
        HttpResponse<String> issued = post(identity + "/v3/auth/tokens", null, "{\"auth\": {\"identity\": "
                + "{\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"demo\", \"domain\": "
                + "{\"id\": \"default\"}, \"password\": \"D3mo-pw\"}}}, \"scope\": {\"project\": {\"name\": "
                + "\"demo\", \"domain\": {\"id\": \"default\"}}}}}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        JsonNode body = JsonMappers.standard().readTree(issued.body()).path("token");
        String userId = body.path("user").path("id").asText();
        String projectId = body.path("project").path("id").asText();
        HttpResponse<String> created = post(identity + "/v3/users/" + userId + "/credentials/OS-EC2", token,
                "{\"tenant_id\": \"" + projectId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode credential = JsonMappers.standard().readTree(created.body()).path("credential");
        return new DemoCredential(token, credential.path("access").asText(), credential.path("secret").asText());
    }

    private static String manage(JnovaTestServer jnova, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--config-file", jnova.configFile().toString()));
        argv.addAll(List.of(command));
        int status = NovaManage.run(argv.toArray(String[]::new), new PrintStream(out), new PrintStream(err));
        assertThat(status).as(err.toString()).isZero();
        return out.toString().strip();
    }

    private static String storedBlob(JnovaTestServer jnova, String id) throws Exception {
        try (Connection c = apiDatabase(jnova); PreparedStatement st = c.prepareStatement(
                "SELECT credential_blob FROM identity_credentials WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void setStoredBlob(JnovaTestServer jnova, String id, String blob) throws Exception {
        try (Connection c = apiDatabase(jnova); PreparedStatement st = c.prepareStatement(
                "UPDATE identity_credentials SET credential_blob = ? WHERE id = ?")) {
            st.setString(1, blob);
            st.setString(2, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    /** The test's SQLite file, where the API schema lives beside the main one. */
    private static Connection apiDatabase(JnovaTestServer jnova) throws Exception {
        String url = jnova.conf().get(DatabaseOpts.CONNECTION);
        return DriverManager.getConnection("jdbc:sqlite:" + url.substring("sqlite:///".length()));
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Ec2Client client(String url, String access, String secret) {
        return Ec2Clients.signed(url, access, secret);
    }
}
