package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttachmentStatus;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DeviceType;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDeviceSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * RunInstances with {@code BlockDeviceMapping.N} (volumes from snapshots, blank volumes,
 * ephemeral disks, suppressed and overridden image mappings) and ModifyInstanceAttribute of a
 * mapping's DeleteOnTermination, which DescribeInstances, DescribeInstanceAttribute and
 * DescribeVolumes then show and termination honours; spoken to by the AWS SDK for Java v2 on
 * every database engine.
 */
class Ec2RunBlockDeviceMappingTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void imageBackedInstanceGetsTheRequestedVolumes(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        try (Ec2Client ec2 = client(jnova, "owner:runbdm-image-" + engine);
                Ec2Client other = client(jnova, "other:runbdm-image-other-" + engine)) {
            String cirros = cirros(ec2);
            String source = ec2.createVolume(r -> r.size(1)).volumeId();
            String snapshot = ec2.createSnapshot(r -> r.volumeId(source)).snapshotId();
            String id = ec2.runInstances(r -> r.imageId(cirros).minCount(1).maxCount(1).instanceType("m1.tiny")
                    .blockDeviceMappings(
                            ebs("/dev/vdb", e -> e.snapshotId(snapshot).volumeSize(2).deleteOnTermination(false)),
                            ebs("/dev/vdc", e -> e.volumeSize(1).volumeType(VolumeType.GP2)),
                            BlockDeviceMapping.builder().deviceName("/dev/vdd").virtualName("ephemeral0").build(),
                            BlockDeviceMapping.builder().deviceName("/dev/vde").noDevice("").build()))
                    .instances().getFirst().instanceId();
            Instance running = waitFor(ec2, id, attached(2));
            assertThat(running.rootDeviceType()).isEqualTo(DeviceType.INSTANCE_STORE);
            Map<String, InstanceBlockDeviceMapping> byDevice = byDevice(running);
            assertThat(byDevice.keySet()).containsExactlyInAnyOrder("/dev/vdb", "/dev/vdc");
            assertThat(byDevice.get("/dev/vdb").ebs().deleteOnTermination()).isFalse();
            assertThat(byDevice.get("/dev/vdc").ebs().deleteOnTermination()).isTrue();
            String fromSnapshot = byDevice.get("/dev/vdb").ebs().volumeId();
            String blank = byDevice.get("/dev/vdc").ebs().volumeId();
            Volume made = volume(ec2, fromSnapshot);
            assertThat(made.snapshotId()).isEqualTo(snapshot);
            assertThat(made.size()).isEqualTo(2);
            assertThat(volume(ec2, blank).size()).isEqualTo(1);

            // ModifyInstanceAttribute flips both flags (a device named without /dev/ too)
            ec2.modifyInstanceAttribute(r -> r.instanceId(id).blockDeviceMappings(spec("/dev/vdb", true, null),
                    spec("vdc", false, blank)));
            assertThat(flags(ec2.describeInstanceAttribute(r -> r.instanceId(id)
                    .attribute(InstanceAttributeName.BLOCK_DEVICE_MAPPING)).blockDeviceMappings()))
                    .isEqualTo(Map.of("/dev/vdb", true, "/dev/vdc", false));
            assertThat(flags(describe(ec2, id).blockDeviceMappings()))
                    .isEqualTo(Map.of("/dev/vdb", true, "/dev/vdc", false));
            assertThat(volume(ec2, fromSnapshot).attachments().getFirst().deleteOnTermination()).isTrue();
            assertThat(volume(ec2, blank).attachments().getFirst().deleteOnTermination()).isFalse();

            // refused changes change nothing, even the valid mapping of the same call
            assertCode("InvalidInstanceAttributeValue", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .blockDeviceMappings(spec("/dev/vdb", false, null), spec("/dev/vdz", false, null))));
            assertCode("InvalidInstanceAttributeValue", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .blockDeviceMappings(spec("/dev/vdb", false, blank))));
            assertCode("InvalidInstanceAttributeValue", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .blockDeviceMappings(spec("/dev/vdd", false, null))));
            assertCode("MissingParameter", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .blockDeviceMappings(InstanceBlockDeviceMappingSpecification.builder().deviceName("/dev/vdb")
                            .build())));
            assertCode("UnsupportedOperation", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .blockDeviceMappings(InstanceBlockDeviceMappingSpecification.builder().deviceName("/dev/vdb")
                            .noDevice("").build())));
            assertCode("InvalidParameterCombination", () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .attribute(InstanceAttributeName.DISABLE_API_TERMINATION).value("false")
                    .blockDeviceMappings(spec("/dev/vdb", false, null))));
            assertCode("InvalidInstanceID.NotFound", () -> other.modifyInstanceAttribute(r -> r.instanceId(id)
                    .blockDeviceMappings(spec("/dev/vdb", false, null))));
            assertThat(flags(describe(ec2, id).blockDeviceMappings()))
                    .isEqualTo(Map.of("/dev/vdb", true, "/dev/vdc", false));

            // termination follows the flags as changed
            ec2.terminateInstances(r -> r.instanceIds(id));
            Map<String, String> left = awaitVolumes(ec2, states -> !states.containsKey(fromSnapshot)
                    && "available".equals(states.get(blank)));
            assertThat(left).doesNotContainKey(fromSnapshot).containsEntry(blank, "available")
                    .containsEntry(source, "available");
        }
    }

    @EachEngine
    void requestMappingsOverrideTheImagesOwn(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        try (Ec2Client ec2 = client(jnova, "owner:runbdm-ebs-" + engine)) {
            String source = ec2.createVolume(r -> r.size(1)).volumeId();
            String snapshot = ec2.createSnapshot(r -> r.volumeId(source)).snapshotId();
            String imageId = ec2.registerImage(r -> r.name("overridden").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(ebs("/dev/vda", e -> e.snapshotId(snapshot).deleteOnTermination(true)),
                            ebs("/dev/vdb", e -> e.volumeSize(3).deleteOnTermination(false)),
                            ebs("/dev/vdc", e -> e.volumeSize(1).deleteOnTermination(true)))).imageId();
            String id = ec2.runInstances(r -> r.imageId(imageId).minCount(1).maxCount(1).blockDeviceMappings(
                    ebs("/dev/vda", e -> e.volumeSize(2).deleteOnTermination(false)),
                    BlockDeviceMapping.builder().deviceName("/dev/vdb").noDevice("").build(),
                    ebs("/dev/vdd", e -> e.volumeSize(1)))).instances().getFirst().instanceId();
            Instance running = waitFor(ec2, id, attached(3));
            assertThat(running.rootDeviceType()).isEqualTo(DeviceType.EBS);
            assertThat(flags(running.blockDeviceMappings()))
                    .isEqualTo(Map.of("/dev/vda", false, "/dev/vdc", true, "/dev/vdd", true));
            Map<String, InstanceBlockDeviceMapping> byDevice = byDevice(running);
            String root = byDevice.get("/dev/vda").ebs().volumeId();
            String fromImage = byDevice.get("/dev/vdc").ebs().volumeId();
            String added = byDevice.get("/dev/vdd").ebs().volumeId();
            assertThat(volume(ec2, root).snapshotId()).isEqualTo(snapshot);
            assertThat(volume(ec2, root).size()).isEqualTo(2);
            assertThat(volume(ec2, fromImage).size()).isEqualTo(1);

            ec2.modifyInstanceAttribute(r -> r.instanceId(id).blockDeviceMappings(spec("/dev/vdc", false, null)));
            assertThat(flags(describe(ec2, id).blockDeviceMappings()))
                    .isEqualTo(Map.of("/dev/vda", false, "/dev/vdc", false, "/dev/vdd", true));

            ec2.terminateInstances(r -> r.instanceIds(id));
            Map<String, String> left = awaitVolumes(ec2, states -> !states.containsKey(added)
                    && "available".equals(states.get(root)) && "available".equals(states.get(fromImage)));
            assertThat(left).doesNotContainKey(added).containsEntry(root, "available")
                    .containsEntry(fromImage, "available").containsEntry(source, "available");
        }
    }

    @EachEngine
    void refusedMappingsMakeNothing(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        try (Ec2Client ec2 = client(jnova, "owner:runbdm-refused-" + engine);
                Ec2Client other = client(jnova, "other:runbdm-refused-other-" + engine)) {
            String cirros = cirros(ec2);
            String source = ec2.createVolume(r -> r.size(2)).volumeId();
            String snapshot = ec2.createSnapshot(r -> r.volumeId(source)).snapshotId();
            String secondSnapshot = ec2.createSnapshot(r -> r.volumeId(source)).snapshotId();
            String othersSnapshot = other.createSnapshot(r -> r.volumeId(other.createVolume(v -> v.size(1))
                    .volumeId())).snapshotId();
            String ebsImage = ec2.registerImage(r -> r.name("refusing").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(ebs("/dev/vda", e -> e.snapshotId(snapshot)))).imageId();

            assertRefused(ec2, cirros, "InvalidSnapshot.NotFound", ebs("/dev/vdb", e -> e.snapshotId(othersSnapshot)));
            assertRefused(ec2, cirros, "InvalidSnapshot.NotFound", ebs("/dev/vdb", e -> e.snapshotId("snap-7ffffff0")));
            assertRefused(ec2, cirros, "InvalidSnapshotID.Malformed", ebs("/dev/vdb", e -> e.snapshotId(source)));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping",
                    ebs("/dev/vdb", e -> e.snapshotId(snapshot).volumeSize(1)));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping", ebs("/dev/vdb", e -> e.deleteOnTermination(true)));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping", ebs("/dev/vdb", e -> e.volumeSize(1)),
                    ebs("vdb", e -> e.volumeSize(1)));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping", ebs("/dev/vda", e -> e.volumeSize(1)));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping", ebs("/dev/sda1", e -> e.snapshotId(snapshot)));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping", ephemeral("/dev/vdb", "ephemeral0"),
                    ephemeral("/dev/vdc", "ephemeral1"), ephemeral("/dev/vdd", "ephemeral2"));
            assertRefused(ec2, cirros, "InvalidBlockDeviceMapping", BlockDeviceMapping.builder().deviceName("/dev/vdb")
                    .noDevice("").ebs(e -> e.volumeSize(1)).build());
            assertRefused(ec2, ebsImage, "InvalidBlockDeviceMapping",
                    BlockDeviceMapping.builder().deviceName("/dev/vda").noDevice("").build());
            assertRefused(ec2, ebsImage, "InvalidBlockDeviceMapping",
                    ebs("/dev/vda", e -> e.snapshotId(secondSnapshot)));
            assertRefused(ec2, ebsImage, "InvalidBlockDeviceMapping", ebs("/dev/vda", e -> e.volumeSize(1)));
            assertRefused(ec2, ebsImage, "InvalidBlockDeviceMapping", ephemeral("/dev/vda", "ephemeral0"));
            assertRefused(ec2, cirros, "InvalidParameterValue", ephemeral("/dev/vdb", "swap"));
            assertRefused(ec2, cirros, "InvalidParameterValue",
                    ebs("/dev/vdb", e -> e.volumeSize(1).volumeType("fast")));
            assertRefused(ec2, cirros, "InvalidParameterValue", ebs("/dev/vdb", e -> e.volumeSize(0)));
            assertRefused(ec2, cirros, "UnsupportedOperation", ebs("/dev/vdb", e -> e.volumeSize(1).iops(100)));
            assertRefused(ec2, cirros, "UnsupportedOperation", ebs("/dev/vdb", e -> e.volumeSize(1).encrypted(true)));
            assertRefused(ec2, cirros, "MissingParameter", BlockDeviceMapping.builder().ebs(e -> e.volumeSize(1))
                    .build());

            assertThat(ec2.describeInstances().reservations()).isEmpty();
            assertThat(ec2.describeVolumes().volumes()).extracting(Volume::volumeId).containsExactly(source);
        }
    }

    /** Values no SDK would send: each a 400 with EC2's code, nothing made. */
    @EachEngine
    void malformedValuesAreClientErrors(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String url = jnova.startEc2();
        String key = "owner:runbdm-raw-" + engine;
        try (Ec2Client ec2 = client(jnova, key)) {
            String run = "RunInstances&ImageId=" + cirros(ec2) + "&MinCount=1&MaxCount=1&InstanceType=m1.tiny"
                    + "&BlockDeviceMapping.1.";
            Map<String, String> refusals = new LinkedHashMap<>();
            refusals.put(run + "DeviceName=/dev/vdb&BlockDeviceMapping.1.Ebs.VolumeSize=abc", "InvalidParameterValue");
            refusals.put(run + "DeviceName=/dev/vdb&BlockDeviceMapping.1.Ebs.VolumeSize=99999999999",
                    "InvalidParameterValue");
            refusals.put(run + "DeviceName=/dev/vdb&BlockDeviceMapping.1.Ebs.VolumeSize=1"
                    + "&BlockDeviceMapping.1.Ebs.DeleteOnTermination=maybe", "InvalidParameterValue");
            refusals.put(run + "DeviceName=&BlockDeviceMapping.1.Ebs.VolumeSize=1", "MissingParameter");
            refusals.put(run + "DeviceName=/dev/vdb", "InvalidBlockDeviceMapping");
            refusals.put(run + "DeviceName=/dev/vdb&BlockDeviceMapping.1.Bogus=1", "UnsupportedOperation");
            refusals.put(run + "DeviceName=/dev/vdb&BlockDeviceMapping.1.Ebs.SnapshotId=",
                    "InvalidSnapshotID.Malformed");
            refusals.put(run + "DeviceName=/dev/vdb&BlockDeviceMapping.1.VirtualName=", "InvalidParameterValue");
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                HttpResponse<String> answer = raw(url, key, refusal.getKey());
                assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(400);
                assertThat(answer.body()).as(refusal.getKey()).contains("<Code>" + refusal.getValue() + "</Code>");
            }
            assertThat(ec2.describeInstances().reservations()).isEmpty();
            assertThat(ec2.describeVolumes().volumes()).isEmpty();

            String id = ec2.runInstances(r -> r.imageId(cirros(ec2)).minCount(1).maxCount(1).instanceType("m1.tiny"))
                    .instances().getFirst().instanceId();
            HttpResponse<String> flag = raw(url, key, "ModifyInstanceAttribute&InstanceId=" + id
                    + "&BlockDeviceMapping.1.DeviceName=/dev/vda&BlockDeviceMapping.1.Ebs.DeleteOnTermination=maybe");
            assertThat(flag.statusCode()).isEqualTo(400);
            assertThat(flag.body()).contains("<Code>InvalidParameterValue</Code>");
            ec2.terminateInstances(r -> r.instanceIds(id));
        }
    }

    /** An unsigned request under noauth2: the access key names the caller (SigV2 form, no time). */
    private static HttpResponse<String> raw(String url, String accessKey, String actionAndParameters)
            throws Exception {
        String query = "?Version=2016-11-15&SignatureMethod=HmacSHA256&SignatureVersion=2&Signature=x"
                + "&AWSAccessKeyId=" + URLEncoder.encode(accessKey, StandardCharsets.UTF_8)
                + "&Action=" + actionAndParameters.replace("/", "%2F");
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/" + query)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertRefused(Ec2Client ec2, String imageId, String code, BlockDeviceMapping... mappings) {
        assertCode(code, () -> ec2.runInstances(r -> r.imageId(imageId).minCount(1).maxCount(1)
                .instanceType("m1.tiny").blockDeviceMappings(mappings)));
    }

    private static void assertCode(String code, Runnable call) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call::run);
        assertThat(e).as("expected " + code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    private static BlockDeviceMapping ebs(String device, Consumer<EbsBlockDevice.Builder> ebs) {
        return BlockDeviceMapping.builder().deviceName(device).ebs(ebs).build();
    }

    private static BlockDeviceMapping ephemeral(String device, String virtualName) {
        return BlockDeviceMapping.builder().deviceName(device).virtualName(virtualName).build();
    }

    private static InstanceBlockDeviceMappingSpecification spec(String device, boolean deleteOnTermination,
            String volumeId) {
        return InstanceBlockDeviceMappingSpecification.builder().deviceName(device)
                .ebs(EbsInstanceBlockDeviceSpecification.builder().deleteOnTermination(deleteOnTermination)
                        .volumeId(volumeId).build()).build();
    }

    private static String cirros(Ec2Client ec2) {
        return ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros")).findFirst()
                .orElseThrow().imageId();
    }

    private static Map<String, Boolean> flags(List<InstanceBlockDeviceMapping> mappings) {
        return mappings.stream().collect(Collectors.toMap(InstanceBlockDeviceMapping::deviceName,
                m -> m.ebs().deleteOnTermination()));
    }

    private static Map<String, InstanceBlockDeviceMapping> byDevice(Instance i) {
        return i.blockDeviceMappings().stream().collect(Collectors.toMap(InstanceBlockDeviceMapping::deviceName,
                Function.identity()));
    }

    private static Volume volume(Ec2Client ec2, String volumeId) {
        return ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().getFirst();
    }

    private static Instance describe(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
    }

    private static Predicate<Instance> attached(int volumes) {
        return i -> i.state().name() == InstanceStateName.RUNNING && i.blockDeviceMappings().size() == volumes
                && i.blockDeviceMappings().stream().allMatch(m -> m.ebs().status() == AttachmentStatus.ATTACHED);
    }

    private static Instance waitFor(Ec2Client ec2, String id, Predicate<Instance> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Instance i = describe(ec2, id);
            if (done.test(i)) {
                return i;
            }
            assertThat(System.nanoTime()).as("instance %s as awaited: %s", id, i).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The state of each of the project's volumes once {@code done} holds for them (at most 30 s). */
    private static Map<String, String> awaitVolumes(Ec2Client ec2, Predicate<Map<String, String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, String> states = ec2.describeVolumes().volumes().stream()
                    .collect(Collectors.toMap(Volume::volumeId, Volume::stateAsString));
            if (done.test(states) || System.nanoTime() > deadline) {
                return states;
            }
            Thread.sleep(50);
        }
    }

    private static Ec2Client client(JnovaTestServer jnova, String accessKey) {
        return Ec2Clients.noauth(jnova.startEc2(), accessKey);
    }
}
