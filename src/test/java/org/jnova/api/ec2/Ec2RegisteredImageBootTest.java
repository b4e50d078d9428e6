package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.Ec2Clients.awaitInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * RunInstances of an image registered with RegisterImage from snapshots: the instance boots on
 * new volumes made from the image's mappings (the compute API's image-defined mappings), spoken
 * to by the AWS SDK for Java v2 on every database engine.
 */
class Ec2RegisteredImageBootTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void runInstancesBootsOnVolumesFromTheImagesSnapshots(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        try (Ec2Client ec2 = client(jnova, "owner:regboot-" + engine)) {
            String rootSource = ec2.createVolume(r -> r.size(2)).volumeId();
            String rootSnapshot = ec2.createSnapshot(r -> r.volumeId(rootSource)).snapshotId();
            String imageId = ec2.registerImage(r -> r.name("from snapshots").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(
                            BlockDeviceMapping.builder().deviceName("/dev/vda").ebs(EbsBlockDevice.builder()
                                    .snapshotId(rootSnapshot).deleteOnTermination(true).build()).build(),
                            BlockDeviceMapping.builder().deviceName("/dev/vdb").ebs(EbsBlockDevice.builder()
                                    .volumeSize(3).deleteOnTermination(false).build()).build())).imageId();

            String instanceId = ec2.runInstances(r -> r.imageId(imageId).minCount(1).maxCount(1)).instances()
                    .getFirst().instanceId();
            Instance running = awaitInstance(ec2, instanceId, InstanceStateName.RUNNING);
            assertThat(running.imageId()).isEqualTo(imageId);

            List<Volume> attached = ec2.describeVolumes(r -> r.filters(Filter.builder().name("attachment.instance-id")
                    .values(instanceId).build())).volumes();
            Map<String, Volume> byDevice = attached.stream().collect(Collectors.toMap(
                    v -> v.attachments().getFirst().device(), Function.identity()));
            assertThat(byDevice.keySet()).containsExactlyInAnyOrder("/dev/vda", "/dev/vdb");
            Volume root = byDevice.get("/dev/vda");
            assertThat(root.volumeId()).isNotEqualTo(rootSource);
            assertThat(root.snapshotId()).isEqualTo(rootSnapshot);
            assertThat(root.size()).isEqualTo(2);
            Volume data = byDevice.get("/dev/vdb");
            assertThat(data.size()).isEqualTo(3);

            // terminating deletes the volume the image marks so; the other is left available
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> left;
            do {
                Thread.sleep(50);
                left = ec2.describeVolumes().volumes().stream()
                        .filter(v -> v.stateAsString().equals("available")).map(Volume::volumeId).toList();
            } while ((left.contains(root.volumeId()) || !left.contains(data.volumeId()))
                    && System.nanoTime() < deadline);
            List<String> all = ec2.describeVolumes().volumes().stream().map(Volume::volumeId).toList();
            assertThat(all).doesNotContain(root.volumeId()).contains(data.volumeId(), rootSource);
            assertThat(left).contains(data.volumeId());
        }
    }

    private static Ec2Client client(JnovaTestServer jnova, String accessKey) {
        return Ec2Clients.noauth(jnova.startEc2(), accessKey);
    }
}
