package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jnova.api.ec2.AwsCli;
import org.jnova.api.ec2.Ec2CliScenario;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

/**
 * The EC2 API behind Keystone ([api] auth_strategy = keystone): every signature is checked by
 * Keystone's /v3/ec2tokens, the AWS SDK signing with real EC2 credentials; a wrong secret or an
 * unknown access key is refused with AuthFailure; the AWS CLI runs the user scenario with a
 * Keystone user's EC2 credentials. One Keystone for the class, jnova once per database engine.
 */
class Ec2KeystoneAuthTest {
    private static KeystoneServer keystone;
    private static EngineServers servers;
    private static String[] demo;
    private static String demoUserId;
    private static String[] cliUser;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        keystone = KeystoneServer.start("ec2", 3600);
        keystone.createUser("nova", "nova-secret", "service", "service", "admin");
        demoUserId = keystone.createUser("ec2demo", "demo-secret", "ec2demo", "member", "reader");
        demo = keystone.ec2Credentials("ec2demo", "demo-secret", "ec2demo");
        keystone.createUser("ec2cli", "cli-secret", "ec2cli", "member", "reader");
        cliUser = keystone.ec2Credentials("ec2cli", "cli-secret", "ec2cli");
        servers = new EngineServers("[DEFAULT]", "enabled_apis = osapi_compute,metadata", "[api]",
                "auth_strategy = keystone", "[keystone_authtoken]",
                "auth_type = password", "auth_url = " + keystone.url() + "/v3", "username = nova",
                "password = nova-secret", "user_domain_name = Default", "project_name = service",
                "project_domain_name = Default");
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private static String ec2Url(String engine) {
        return servers.get(engine).startEc2();
    }

    private static Ec2Client client(String engine, String access, String secret) {
        return Ec2Clients.signed(ec2Url(engine), access, secret);
    }

    @EachEngine
    void theRightSecretIsAcceptedAndNamesTheKeystoneUser(String engine) {
        try (Ec2Client ec2 = client(engine, demo[0], demo[1])) {
            assertThat(ec2.describeRegions().regions()).hasSize(1);
            assertThat(ec2.describeInstances().reservations()).isEmpty();
            ec2.createKeyPair(r -> r.keyName("behind-keystone"));
            assertThat(ec2.describeKeyPairs().keyPairs()).extracting(KeyPairInfo::keyName)
                    .containsExactly("behind-keystone");
            // the key pair belongs to the Keystone user the credentials are of
            assertThat(servers.get(engine).cloud().keyPairs().list(demoUserId, null, null)).hasSize(1);
        }
    }

    @EachEngine
    void aWrongSecretIsRefusedWithAuthFailure(String engine) {
        try (Ec2Client ec2 = client(engine, demo[0], demo[1] + "x")) {
            Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, ec2::describeRegions);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }

    @EachEngine
    void anUnknownAccessKeyIsRefusedWithAuthFailure(String engine) {
        try (Ec2Client ec2 = client(engine, "0123456789abcdef0123456789abcdef", demo[1])) {
            Ec2Exception refused = catchThrowableOfType(Ec2Exception.class, ec2::describeInstances);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
        }
    }

    @EachEngine
    void noauthStyleAccessKeysMeanNothingBehindKeystone(String engine) throws Exception {
        String auth = "AWS4-HMAC-SHA256 Credential=admin:admin/20240101/nova/ec2/aws4_request, "
                + "SignedHeaders=host, Signature=00";
        HttpRequest request = HttpRequest.newBuilder(URI.create(ec2Url(engine)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeInstances&Version=2016-11-15")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<Code>AuthFailure</Code>");
    }

    @EachEngine
    void theAwsCliScenario(String engine) throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI is not installed");
        AwsCli aws = AwsCli.of(ec2Url(engine), cliUser[0], cliUser[1], home);
        Ec2CliScenario.refusesAWrongSecret(aws);
        Ec2CliScenario.run(aws);
    }
}
