package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user does with the AWS CLI against the EC2 API, the same whatever checks the
 * signature (noauth2, the built-in identity, Keystone): regions, images, key pairs (imported
 * and created), an instance run, waited for, stopped and started with the CLI's waiters,
 * tagged, found by filters, terminated; the user's key pairs deleted at the end.
 */
public final class Ec2CliScenario {
    /** Further steps on the running instance, before it is terminated. */
    @FunctionalInterface
    public interface WhileRunning {
        void on(String instanceId) throws Exception;
    }

    private Ec2CliScenario() {
    }

    public static void run(AwsCli aws) throws Exception {
        run(aws, id -> {
        });
    }

    public static void run(AwsCli aws, WhileRunning whileRunning) throws Exception {
        assertThat(aws.ok("describe-regions").json().at("/Regions/0/RegionName").asText()).isEqualTo("nova");
        String image = machineImage(aws);

        Path publicKey = aws.home().resolve("imported.pub");
        Files.writeString(publicKey, Ec2SdkTest.sshRsaPublicKey());
        String fingerprint = aws.ok("import-key-pair", "--key-name", "cli-imported", "--public-key-material",
                "fileb://" + publicKey).json().path("KeyFingerprint").asText();
        assertThat(fingerprint).isNotBlank();
        assertThat(aws.ok("create-key-pair", "--key-name", "cli-made").json().path("KeyMaterial").asText())
                .startsWith("-----BEGIN");
        assertThat(values(aws.ok("describe-key-pairs").json().path("KeyPairs"), "KeyName"))
                .containsExactlyInAnyOrder("cli-imported", "cli-made");
        assertThat(aws.ok("describe-key-pairs", "--key-names", "cli-imported").json()
                .at("/KeyPairs/0/KeyFingerprint").asText()).isEqualTo(fingerprint);

        JsonNode run = aws.ok("run-instances", "--image-id", image, "--count", "1", "--instance-type", "m1.tiny",
                "--key-name", "cli-imported", "--user-data", "hello").json();
        String id = run.at("/Instances/0/InstanceId").asText();
        assertThat(id).matches("i-[0-9a-f]{8}");
        aws.ok("wait", "instance-running", "--instance-ids", id);
        JsonNode running = instance(aws, id);
        assertThat(running.at("/State/Name").asText()).isEqualTo("running");
        assertThat(running.path("ImageId").asText()).isEqualTo(image);
        assertThat(running.path("KeyName").asText()).isEqualTo("cli-imported");
        assertThat(instanceIds(aws, "Name=instance-state-name,Values=running", "Name=key-name,Values=cli-imported"))
                .containsExactly(id);
        assertThat(instanceIds(aws, "Name=key-name,Values=cli-made")).isEmpty();

        assertThat(aws.ok("stop-instances", "--instance-ids", id).json()
                .at("/StoppingInstances/0/PreviousState/Name").asText()).isEqualTo("running");
        aws.ok("wait", "instance-stopped", "--instance-ids", id);
        assertThat(instanceIds(aws, "Name=instance-state-name,Values=stopped")).containsExactly(id);
        assertThat(aws.ok("start-instances", "--instance-ids", id).json()
                .at("/StartingInstances/0/PreviousState/Name").asText()).isEqualTo("stopped");
        aws.ok("wait", "instance-running", "--instance-ids", id);
        assertThat(instanceIds(aws, "Name=instance-state-name,Values=stopped")).isEmpty();

        aws.ok("create-tags", "--resources", id, "--tags", "Key=Name,Value=cli-web", "Key=tier,Value=front");
        JsonNode tags = aws.ok("describe-tags", "--filters", "Name=resource-id,Values=" + id).json().path("Tags");
        assertThat(values(tags, "Key")).containsExactlyInAnyOrder("Name", "tier");
        assertThat(values(tags, "ResourceType")).containsOnly("instance");
        assertThat(instanceIds(aws, "Name=tag:Name,Values=cli-web")).containsExactly(id);
        assertThat(instanceIds(aws, "Name=tag:Name,Values=cli-w*")).containsExactly(id);
        assertThat(instanceIds(aws, "Name=tag:Name,Values=db")).isEmpty();
        aws.ok("delete-tags", "--resources", id, "--tags", "Key=Name");
        assertThat(values(aws.ok("describe-tags", "--filters", "Name=resource-id,Values=" + id).json()
                .path("Tags"), "Key")).containsExactly("tier");
        assertThat(values(instance(aws, id).path("Tags"), "Key")).containsExactly("tier");

        whileRunning.on(id);

        assertThat(aws.ok("terminate-instances", "--instance-ids", id).json()
                .at("/TerminatingInstances/0/CurrentState/Name").asText()).isIn("shutting-down", "terminated");
        aws.ok("wait", "instance-terminated", "--instance-ids", id);
        assertThat(instance(aws, id).at("/State/Name").asText()).isEqualTo("terminated");
        // the unnamed listing leaves it out
        assertThat(instanceIds(aws, "Name=instance-id,Values=" + id)).isEmpty();

        aws.ok("delete-key-pair", "--key-name", "cli-made");
        aws.ok("delete-key-pair", "--key-name", "cli-imported");
        assertThat(aws.ok("describe-key-pairs").json().path("KeyPairs")).isEmpty();
    }

    /** A wrong secret for a real access key: the CLI reports AuthFailure. */
    public static void refusesAWrongSecret(AwsCli aws) throws Exception {
        AwsCli wrong = aws.withSecret("not-the-secret");
        wrong.fails("AuthFailure", "describe-regions");
        wrong.fails("AuthFailure", "describe-instances");
    }

    /** The id of an available machine image the caller sees. */
    private static String machineImage(AwsCli aws) throws Exception {
        for (JsonNode image : aws.ok("describe-images").json().path("Images")) {
            if (image.path("ImageId").asText().startsWith("ami-") && "available".equals(image.path("State")
                    .asText())) {
                return image.path("ImageId").asText();
            }
        }
        throw new AssertionError("no available machine image");
    }

    private static JsonNode instance(AwsCli aws, String id) throws Exception {
        return aws.ok("describe-instances", "--instance-ids", id).json().at("/Reservations/0/Instances/0");
    }

    private static List<String> instanceIds(AwsCli aws, String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("describe-instances", "--filters"));
        args.addAll(List.of(filters));
        List<String> ids = new ArrayList<>();
        for (JsonNode reservation : aws.ok(args.toArray(String[]::new)).json().path("Reservations")) {
            ids.addAll(values(reservation.path("Instances"), "InstanceId"));
        }
        return ids;
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(item -> out.add(item.path(field).asText()));
        return out;
    }
}
