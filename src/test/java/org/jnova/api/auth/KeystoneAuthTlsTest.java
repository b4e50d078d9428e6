package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jnova.cmd.NovaManage;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.TlsCertificates;
import org.jnova.testing.TlsForwarder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * keystonemiddleware's {@code [keystone_authtoken]} HTTPS options on a deployed-style compute
 * API ({@code auth_strategy = keystone}, no identity API of its own): jnova's Identity API of
 * another server, behind a TLS-terminating forwarder (certificates made by openssl while the
 * test runs), validates the tokens. A token is accepted with the right {@code cafile} and with
 * {@code insecure}; with a wrong {@code cafile} or the JDK's authorities the request is 503, as
 * keystonemiddleware answers when it cannot reach Keystone; an identity server demanding a
 * client certificate gets the one of {@code certfile}/{@code keyfile}. The EC2 API's signature
 * check ({@code /v3/ec2tokens}) goes the same way.
 */
class KeystoneAuthTlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void tokensAreValidatedOverHttpsAsCafileInsecureAndTheClientCertificateSay() throws Exception {
        TlsCertificates tls = TlsCertificates.make(dir, "identity");

        try (JnovaTestServer identityHost = JnovaTestServer.start("sqlite")) {
            String identity = bootstrapped(identityHost);
            String token = adminToken(identity);
            int port = URI.create(identity).getPort();
            try (TlsForwarder https = tls.https(port);
                    TlsForwarder mutual = tls.mutual(port)) {
                assertServers(https, token, 200, "cafile = " + tls.cert());
                assertServers(https, token, 503, "cafile = " + tls.otherCa());
                assertServers(https, token, 503);
                assertServers(https, token, 200, "insecure = true");
                assertServers(https, token, 200, "cafile = " + tls.otherCa(), "insecure = true");

                assertServers(mutual, token, 503, "cafile = " + tls.cert());
                assertServers(mutual, token, 200, "cafile = " + tls.cert(), "certfile = " + tls.clientCert(),
                        "keyfile = " + tls.clientKey());
            }
        }
    }

    @Test
    void theEc2ApisSignatureCheckGoesOverHttpsAsCafileSays() throws Exception {
        TlsCertificates tls = TlsCertificates.make(dir, "identity");

        try (JnovaTestServer identityHost = JnovaTestServer.start("sqlite")) {
            String identity = bootstrapped(identityHost);
            String[] ec2Credentials = ec2Credentials(identity);
            try (TlsForwarder https = tls.https(URI.create(identity).getPort())) {
                try (JnovaTestServer jnova = deployed(https, "cafile = " + tls.cert());
                        Ec2Client ec2 = Ec2Clients.signed(jnova.startEc2(), ec2Credentials[0], ec2Credentials[1])) {
                    assertThat(ec2.describeRegions().regions()).hasSize(1);
                }
                try (JnovaTestServer jnova = deployed(https, "cafile = " + tls.otherCa());
                        Ec2Client ec2 = Ec2Clients.signed(jnova.startEc2(), ec2Credentials[0], ec2Credentials[1])) {
                    Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, ec2::describeRegions);
                    assertThat(refused.statusCode()).isEqualTo(503);
                    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("Unavailable");
                }
            }
        }
    }

    /** GET /servers on a deployed-style server whose [keystone_authtoken] points at {@code identity}. */
    private static void assertServers(TlsForwarder identity, String token, int status, String... tlsLines)
            throws Exception {
        try (JnovaTestServer jnova = deployed(identity, tlsLines)) {
            JnovaTestServer.Reply reply = jnova.call("GET", "/servers", null, "2.1", token);
            assertThat(reply.status()).as(String.join(", ", tlsLines) + ": " + reply.body()).isEqualTo(status);
            if (status == 503) {
                assertThat(reply.body()).contains("The Keystone service is temporarily unavailable.");
            } else {
                assertThat(reply.json().path("servers").isArray()).isTrue();
            }
        }
    }

    private static JnovaTestServer deployed(TlsForwarder identity, String... tlsLines) throws Exception {
        List<String> lines = new ArrayList<>(List.of("[DEFAULT]", "enabled_apis = osapi_compute,metadata", "[api]",
                "auth_strategy = keystone", "[keystone_authtoken]", "www_authenticate_uri = " + identity.url() + "/v3",
                "auth_type = password", "auth_url = " + identity.url() + "/v3", "username = admin",
                "password = s3cret", "user_domain_id = default", "project_name = admin",
                "project_domain_id = default", "http_request_max_retries = 0"));
        lines.addAll(List.of(tlsLines));
        return JnovaTestServer.start("sqlite", lines.toArray(String[]::new));
    }

    /** Starts the server's Identity API with its admin bootstrapped (password s3cret); its URL. */
    private static String bootstrapped(JnovaTestServer jnova) {
        String url = jnova.startIdentity();
        int status = NovaManage.run(new String[] {"--config-file", jnova.configFile().toString(), "identity",
            "bootstrap", "--bootstrap-password", "s3cret"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        return url;
    }

    private static final String ADMIN_AUTH = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": "
            + "{\"user\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}, \"password\": \"s3cret\"}}}, "
            + "\"scope\": {\"project\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}}}}}";

    private static HttpResponse<String> authenticate(String identity) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(identity + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ADMIN_AUTH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** A project-scoped token of the bootstrap admin, asked over plain http. */
    private static String adminToken(String identity) throws Exception {
        return authenticate(identity).headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** EC2 credentials (access, secret) of the bootstrap admin in its project. */
    private static String[] ec2Credentials(String identity) throws Exception {
        HttpResponse<String> auth = authenticate(identity);
        JsonNode token = JSON.readTree(auth.body()).path("token");
        String userId = token.path("user").path("id").asText();
        String projectId = token.path("project").path("id").asText();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                URI.create(identity + "/v3/users/" + userId + "/credentials/OS-EC2"))
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", auth.headers().firstValue("X-Subject-Token").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant_id\": \"" + projectId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode credential = JSON.readTree(created.body()).path("credential");
        return new String[] {credential.path("access").asText(), credential.path("secret").asText()};
    }
}
