package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.utils.JsonMappers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The EC2 API of a process that serves the identity API too: the AWS SDK and the AWS CLI sign
 * with EC2 credentials created through Identity v3, and the signature is checked in-process
 * against them (no Keystone, no service user).
 */
class Ec2BuiltInIdentityTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[DEFAULT]",
            "enabled_apis = osapi_compute,metadata,identity,ec2", "[api]", "auth_strategy = keystone",
            "[jnova_all_in_one]", "admin_password = Adm1n-pw", "demo_password = D3mo-pw");

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

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Ec2Client client(String url, String access, String secret) {
        return Ec2Client.builder().endpointOverride(URI.create(url)).region(Region.of("nova"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret)))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }
}
