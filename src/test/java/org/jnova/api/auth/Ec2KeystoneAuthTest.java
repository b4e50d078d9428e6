package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

/**
 * The EC2 API behind Keystone ([api] auth_strategy = keystone): every signature is checked by
 * Keystone's /v3/ec2tokens, the AWS SDK signing with real EC2 credentials; a wrong secret or an
 * unknown access key is refused with AuthFailure.
 */
class Ec2KeystoneAuthTest {
    private static KeystoneServer keystone;
    private static JnovaTestServer jnova;
    private static String ec2Url;
    private static String[] demo;
    private static String demoUserId;

    @BeforeAll
    static void start() throws Exception {
        keystone = KeystoneServer.start("ec2", 3600);
        keystone.createUser("nova", "nova-secret", "service", "service", "admin");
        demoUserId = keystone.createUser("ec2demo", "demo-secret", "ec2demo", "member", "reader");
        demo = keystone.ec2Credentials("ec2demo", "demo-secret", "ec2demo");
        String engine = org.jnova.db.TestDatabases.engines().get(0);
        jnova = JnovaTestServer.start(engine, "[DEFAULT]", "enabled_apis = osapi_compute,metadata", "[api]",
                "auth_strategy = keystone", "[keystone_authtoken]",
                "auth_type = password", "auth_url = " + keystone.url() + "/v3", "username = nova",
                "password = nova-secret", "user_domain_name = Default", "project_name = service",
                "project_domain_name = Default");
        ec2Url = jnova.startEc2();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jnova != null) {
            jnova.close();
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private static Ec2Client client(String access, String secret) {
        return Ec2Client.builder().endpointOverride(URI.create(ec2Url)).region(Region.of("nova"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret)))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    @Test
    void theRightSecretIsAcceptedAndNamesTheKeystoneUser() {
        try (Ec2Client ec2 = client(demo[0], demo[1])) {
            assertThat(ec2.describeRegions().regions()).hasSize(1);
            assertThat(ec2.describeInstances().reservations()).isEmpty();
            ec2.createKeyPair(r -> r.keyName("behind-keystone"));
            assertThat(ec2.describeKeyPairs().keyPairs()).extracting(KeyPairInfo::keyName)
                    .containsExactly("behind-keystone");
            // the key pair belongs to the Keystone user the credentials are of
            assertThat(jnova.cloud().keyPairs().list(demoUserId, null, null)).hasSize(1);
        }
    }

    @Test
    void aWrongSecretIsRefusedWithAuthFailure() {
        try (Ec2Client ec2 = client(demo[0], demo[1] + "x")) {
            Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, ec2::describeRegions);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anUnknownAccessKeyIsRefusedWithAuthFailure() {
        try (Ec2Client ec2 = client("0123456789abcdef0123456789abcdef", demo[1])) {
            Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, ec2::describeInstances);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
        }
    }

    @Test
    void noauthStyleAccessKeysMeanNothingBehindKeystone() throws Exception {
        String auth = "AWS4-HMAC-SHA256 Credential=admin:admin/20240101/nova/ec2/aws4_request, "
                + "SignedHeaders=host, Signature=00";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ec2Url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeInstances&Version=2016-11-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<Code>AuthFailure</Code>");
    }
}
