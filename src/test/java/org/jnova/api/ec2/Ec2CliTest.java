package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI, unmodified, against the EC2 API (noauth2: the access key names user:project). */
class Ec2CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JnovaTestServer jnova;
    private static String ec2Url;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(aws() != null, "the AWS CLI is not installed");
        jnova = JnovaTestServer.start(org.jnova.db.TestDatabases.engines().get(0));
        ec2Url = jnova.startEc2();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jnova != null) {
            jnova.close();
        }
    }

    private static String aws() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private record Result(int exit, String output) {
        JsonNode json() throws Exception {
            return JSON.readTree(output);
        }
    }

    private Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws(), "--endpoint-url", ec2Url, "--output", "json", "ec2"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "cli:cli");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "not-checked");
        builder.environment().put("AWS_DEFAULT_REGION", "nova");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Result ok(String... args) throws Exception {
        Result result = aws(args);
        assertThat(result.exit()).as(result.output()).isZero();
        return result;
    }

    private String state(String id) throws Exception {
        return ok("describe-instances", "--instance-ids", id).json().at("/Reservations/0/Instances/0/State/Name")
                .asText();
    }

    private void waitFor(String id, String state) throws Exception {
        for (int i = 0; i < 100 && !state.equals(state(id)); i++) {
            Thread.sleep(100);
        }
        assertThat(state(id)).isEqualTo(state);
    }

    @Test
    void theScenario() throws Exception {
        assertThat(ok("describe-regions").json().at("/Regions/0/RegionName").asText()).isEqualTo("nova");
        assertThat(ok("describe-availability-zones").json().at("/AvailabilityZones/0/ZoneName").asText())
                .isEqualTo("nova");
        String image = ok("describe-images").json().at("/Images/0/ImageId").asText();
        assertThat(image).startsWith("ami-");
        assertThat(ok("create-key-pair", "--key-name", "cli").json().path("KeyMaterial").asText())
                .startsWith("-----BEGIN");
        JsonNode run = ok("run-instances", "--image-id", image, "--count", "1", "--instance-type", "m1.tiny",
                "--key-name", "cli", "--user-data", "hello").json();
        String id = run.at("/Instances/0/InstanceId").asText();
        assertThat(id).startsWith("i-");
        waitFor(id, "running");
        ok("create-tags", "--resources", id, "--tags", "Key=Name,Value=cli-web");
        assertThat(ok("describe-instances", "--filters", "Name=tag:Name,Values=cli-web").json()
                .at("/Reservations/0/Instances/0/InstanceId").asText()).isEqualTo(id);
        assertThat(ok("describe-tags").json().at("/Tags/0/Value").asText()).isEqualTo("cli-web");
        assertThat(ok("stop-instances", "--instance-ids", id).json().at("/StoppingInstances/0/PreviousState/Name")
                .asText()).isEqualTo("running");
        waitFor(id, "stopped");
        ok("start-instances", "--instance-ids", id);
        waitFor(id, "running");

        String group = ok("create-security-group", "--group-name", "cli-web", "--description", "web").json()
                .path("GroupId").asText();
        ok("authorize-security-group-ingress", "--group-name", "cli-web", "--protocol", "tcp", "--port", "80",
                "--cidr", "0.0.0.0/0");
        JsonNode rule = ok("describe-security-groups", "--group-ids", group).json()
                .at("/SecurityGroups/0/IpPermissions/0");
        assertThat(rule.path("FromPort").asInt()).isEqualTo(80);
        assertThat(rule.at("/IpRanges/0/CidrIp").asText()).isEqualTo("0.0.0.0/0");
        Result duplicate = aws("authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp",
                "--port", "80", "--cidr", "0.0.0.0/0");
        assertThat(duplicate.output()).contains("InvalidPermission.Duplicate");
        ok("revoke-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "80",
                "--cidr", "0.0.0.0/0");
        ok("delete-security-group", "--group-id", group);

        String address = ok("allocate-address").json().path("PublicIp").asText();
        ok("associate-address", "--instance-id", id, "--public-ip", address);
        assertThat(ok("describe-addresses", "--public-ips", address).json().at("/Addresses/0/InstanceId").asText())
                .isEqualTo(id);
        ok("disassociate-address", "--public-ip", address);
        ok("release-address", "--public-ip", address);
        assertThat(ok("describe-addresses").json().path("Addresses")).isEmpty();

        Result missing = aws("describe-instances", "--instance-ids", "i-7ffffff0");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).contains("InvalidInstanceID.NotFound");
        assertThat(ok("terminate-instances", "--instance-ids", id).json()
                .at("/TerminatingInstances/0/CurrentState/Name").asText()).isIn("shutting-down", "terminated");
        ok("delete-key-pair", "--key-name", "cli");
        assertThat(ok("describe-key-pairs").json().path("KeyPairs")).isEmpty();
    }
}
