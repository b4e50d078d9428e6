package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DeviceType;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * How DescribeInstances, DescribeInstanceAttribute and DescribeVolumes show an instance's
 * block devices: an image-backed instance is instance-store, a volume-backed one ebs with its
 * volumes mapped as booted, and a volume attached with AttachVolume joins the mappings; spoken
 * to by the AWS SDK for Java v2 on every database engine.
 */
class Ec2BlockDevicesTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void imageBackedInstanceShowsAttachedVolumes(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        try (Ec2Client ec2 = client(jnova, "owner:bdm-image-" + engine)) {
            Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros"))
                    .findFirst().orElseThrow();
            String instanceId = ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst().instanceId();
            Instance booted = waitFor(ec2, instanceId, i -> i.state().name() == InstanceStateName.RUNNING);
            assertThat(booted.rootDeviceType()).isEqualTo(DeviceType.INSTANCE_STORE);
            assertThat(booted.rootDeviceName()).startsWith("/dev/");
            assertThat(booted.blockDeviceMappings()).isEmpty();
            assertThat(instances(ec2, "root-device-type", "instance-store")).containsExactly(instanceId);
            assertThat(instances(ec2, "root-device-type", "ebs")).isEmpty();
            assertThat(instances(ec2, "block-device-mapping.device-name", "*")).isEmpty();
            assertThat(attribute(ec2, instanceId, InstanceAttributeName.BLOCK_DEVICE_MAPPING).blockDeviceMappings())
                    .isEmpty();
            assertThat(attribute(ec2, instanceId, InstanceAttributeName.ROOT_DEVICE_NAME).rootDeviceName().value())
                    .isEqualTo(booted.rootDeviceName());

            String volumeId = ec2.createVolume(r -> r.size(1)).volumeId();
            Instant before = Instant.now().minusSeconds(1);
            ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device("/dev/vdb"));
            Instance attached = waitFor(ec2, instanceId, i -> i.blockDeviceMappings().size() == 1
                    && i.blockDeviceMappings().getFirst().ebs().status() == AttachmentStatus.ATTACHED);
            assertThat(attached.rootDeviceType()).isEqualTo(DeviceType.INSTANCE_STORE);
            InstanceBlockDeviceMapping mapping = attached.blockDeviceMappings().getFirst();
            assertThat(mapping.deviceName()).isEqualTo("/dev/vdb");
            assertThat(mapping.ebs().volumeId()).isEqualTo(volumeId);
            assertThat(mapping.ebs().deleteOnTermination()).isFalse();
            assertThat(mapping.ebs().attachTime()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
            assertThat(attribute(ec2, instanceId, InstanceAttributeName.BLOCK_DEVICE_MAPPING).blockDeviceMappings())
                    .containsExactly(mapping);

            VolumeAttachment seen = waitForAttachment(ec2, volumeId);
            assertThat(seen.instanceId()).isEqualTo(instanceId);
            assertThat(seen.deleteOnTermination()).isFalse();
            assertThat(seen.attachTime()).isEqualTo(mapping.ebs().attachTime());

            assertThat(instances(ec2, "block-device-mapping.volume-id", volumeId)).containsExactly(instanceId);
            assertThat(instances(ec2, "block-device-mapping.delete-on-termination", "true")).isEmpty();

            ec2.detachVolume(r -> r.volumeId(volumeId));
            Instance detached = waitFor(ec2, instanceId, i -> i.blockDeviceMappings().isEmpty());
            assertThat(detached.rootDeviceType()).isEqualTo(DeviceType.INSTANCE_STORE);
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    @EachEngine
    void volumeBackedInstanceIsEbsWithItsVolumesAsBooted(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        try (Ec2Client ec2 = client(jnova, "owner:bdm-volume-" + engine);
                Ec2Client other = client(jnova, "other:bdm-volume-other-" + engine)) {
            String source = ec2.createVolume(r -> r.size(1)).volumeId();
            String snapshot = ec2.createSnapshot(r -> r.volumeId(source)).snapshotId();
            String imageId = ec2.registerImage(r -> r.name("ebs root").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(
                            BlockDeviceMapping.builder().deviceName("/dev/vda").ebs(EbsBlockDevice.builder()
                                    .snapshotId(snapshot).deleteOnTermination(true).build()).build(),
                            BlockDeviceMapping.builder().deviceName("/dev/vdb").ebs(EbsBlockDevice.builder()
                                    .volumeSize(1).deleteOnTermination(false).build()).build())).imageId();
            String instanceId = ec2.runInstances(r -> r.imageId(imageId).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst().instanceId();
            Instance running = waitFor(ec2, instanceId, i -> i.state().name() == InstanceStateName.RUNNING
                    && i.blockDeviceMappings().size() == 2 && i.blockDeviceMappings().stream()
                            .allMatch(m -> m.ebs().status() == AttachmentStatus.ATTACHED));

            assertThat(running.rootDeviceType()).isEqualTo(DeviceType.EBS);
            assertThat(running.rootDeviceName()).isEqualTo("/dev/vda");
            Map<String, InstanceBlockDeviceMapping> byDevice = running.blockDeviceMappings().stream()
                    .collect(Collectors.toMap(InstanceBlockDeviceMapping::deviceName, Function.identity()));
            assertThat(byDevice.keySet()).containsExactlyInAnyOrder("/dev/vda", "/dev/vdb");
            assertThat(byDevice.get("/dev/vda").ebs().deleteOnTermination()).isTrue();
            assertThat(byDevice.get("/dev/vdb").ebs().deleteOnTermination()).isFalse();
            assertThat(byDevice.values()).allSatisfy(m -> {
                assertThat(m.ebs().volumeId()).matches("vol-[0-9a-f]{8}").isNotEqualTo(source);
                assertThat(m.ebs().attachTime()).isNotNull();
            });
            String rootVolume = byDevice.get("/dev/vda").ebs().volumeId();
            String dataVolume = byDevice.get("/dev/vdb").ebs().volumeId();
            assertThat(ec2.describeVolumes(r -> r.volumeIds(rootVolume)).volumes().getFirst().snapshotId())
                    .isEqualTo(snapshot);
            assertThat(attribute(ec2, instanceId, InstanceAttributeName.BLOCK_DEVICE_MAPPING).blockDeviceMappings())
                    .containsExactlyInAnyOrderElementsOf(running.blockDeviceMappings());
            assertThat(attribute(ec2, instanceId, InstanceAttributeName.ROOT_DEVICE_NAME).rootDeviceName().value())
                    .isEqualTo("/dev/vda");

            // DescribeVolumes: whether each volume goes with the instance, as it was booted
            Map<String, VolumeAttachment> attachments = ec2.describeVolumes(r -> r.filters(Filter.builder()
                    .name("attachment.instance-id").values(instanceId).build())).volumes().stream()
                    .collect(Collectors.toMap(Volume::volumeId, v -> v.attachments().getFirst()));
            assertThat(attachments.keySet()).containsExactlyInAnyOrder(rootVolume, dataVolume);
            assertThat(attachments.get(rootVolume).deleteOnTermination()).isTrue();
            assertThat(attachments.get(dataVolume).deleteOnTermination()).isFalse();
            assertThat(attachments.get(rootVolume).attachTime()).isEqualTo(byDevice.get("/dev/vda").ebs().attachTime());
            assertThat(ec2.describeVolumes(r -> r.filters(Filter.builder().name("attachment.delete-on-termination")
                    .values("true").build())).volumes()).extracting(Volume::volumeId).containsExactly(rootVolume);

            // a volume attached later joins the mappings; the root stays the volume booted from
            String extra = ec2.createVolume(r -> r.size(1)).volumeId();
            ec2.attachVolume(r -> r.volumeId(extra).instanceId(instanceId).device("/dev/vdc"));
            Instance withExtra = waitFor(ec2, instanceId, i -> i.blockDeviceMappings().stream().anyMatch(m ->
                    m.ebs().volumeId().equals(extra) && m.ebs().status() == AttachmentStatus.ATTACHED));
            assertThat(withExtra.rootDeviceType()).isEqualTo(DeviceType.EBS);
            assertThat(withExtra.blockDeviceMappings()).extracting(InstanceBlockDeviceMapping::deviceName)
                    .containsExactlyInAnyOrder("/dev/vda", "/dev/vdb", "/dev/vdc");
            assertThat(withExtra.blockDeviceMappings()).filteredOn(m -> m.deviceName().equals("/dev/vdc"))
                    .singleElement().satisfies(m -> assertThat(m.ebs().deleteOnTermination()).isFalse());
            assertThat(waitForAttachment(ec2, extra).deleteOnTermination()).isFalse();

            // DescribeInstances' filters on the devices
            assertThat(instances(ec2, "root-device-type", "ebs")).containsExactly(instanceId);
            assertThat(instances(ec2, "root-device-type", "instance-store")).isEmpty();
            assertThat(instances(ec2, "root-device-name", "/dev/vda")).containsExactly(instanceId);
            assertThat(instances(ec2, "block-device-mapping.volume-id", extra)).containsExactly(instanceId);
            assertThat(instances(ec2, "block-device-mapping.volume-id", source)).isEmpty();
            assertThat(instances(ec2, "block-device-mapping.device-name", "/dev/vd?")).containsExactly(instanceId);
            assertThat(instances(ec2, "block-device-mapping.status", "attached")).containsExactly(instanceId);
            assertThat(instances(ec2, "block-device-mapping.delete-on-termination", "true"))
                    .containsExactly(instanceId);

            // another project sees neither the instance nor its volumes
            assertThat(other.describeInstances().reservations()).isEmpty();
            assertThat(other.describeVolumes().volumes()).isEmpty();
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    /** The ids of the instances one DescribeInstances filter matches. */
    private static List<String> instances(Ec2Client ec2, String filter, String value) {
        return ec2.describeInstances(r -> r.filters(Filter.builder().name(filter).values(value).build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId).toList();
    }

    private static DescribeInstanceAttributeResponse attribute(Ec2Client ec2, String instanceId,
            InstanceAttributeName name) {
        return ec2.describeInstanceAttribute(r -> r.instanceId(instanceId).attribute(name));
    }

    private static Instance waitFor(Ec2Client ec2, String id, Predicate<Instance> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Instance i = ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances()
                    .getFirst();
            if (done.test(i)) {
                return i;
            }
            assertThat(System.nanoTime()).as("instance %s as awaited: %s", id, i).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static VolumeAttachment waitForAttachment(Ec2Client ec2, String volumeId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<VolumeAttachment> attachments = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes()
                    .getFirst().attachments();
            if (!attachments.isEmpty()) {
                return attachments.getFirst();
            }
            assertThat(System.nanoTime()).as("volume %s attached", volumeId).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Ec2Client client(JnovaTestServer jnova, String accessKey) {
        return Ec2Clients.noauth(jnova.startEc2(), accessKey);
    }
}
