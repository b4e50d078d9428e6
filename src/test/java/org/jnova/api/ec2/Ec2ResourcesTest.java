package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jnova.testing.Ec2Clients.awaitInstance;
import static org.jnova.testing.Ec2Clients.awaitVolume;
import static org.jnova.testing.Ec2Clients.errorCode;
import static org.jnova.testing.Ec2Clients.filter;

import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * The EC2 API's calls that change security groups and addresses, with the AWS SDK for Java v2
 * on a real socket (noauth2: the access key names user:project), quotas of 2 floating IPs and
 * 2 volumes.
 */
class Ec2ResourcesTest {
    // an operator's rule: only the user sg deletes security groups
    private static final java.nio.file.Path POLICY = policyFile(
            "\"os_compute_api:os-security-groups:delete\": \"user_id:sg\"\n");

    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_compute]", "floating_ip_quota = 2",
            "[jnova_quota]", "volumes = 2", "[oslo_policy]", "policy_file = " + POLICY);

    private String ec2Url;

    private static java.nio.file.Path policyFile(String rules) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("ec2-policy", ".yaml");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, rules);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The EC2 API of the engine's jnova, for this test. */
    private void on(String engine) {
        ec2Url = SERVERS.get(engine).startEc2();
    }

    private Ec2Client client(String accessKey) {
        return Ec2Clients.noauth(ec2Url, accessKey);
    }

    @EachEngine
    void securityGroupLifecycle(String engine) {
        on(engine);
        try (Ec2Client ec2 = client("sg:sg"); Ec2Client other = client("sg-other:sg-other")) {
            String id = ec2.createSecurityGroup(r -> r.groupName("web").description("web servers")).groupId();
            assertThat(id).isNotBlank();
            assertThat(errorCode(() -> ec2.createSecurityGroup(r -> r.groupName("web").description("again"))))
                    .isEqualTo("InvalidGroup.Duplicate");
            assertThat(errorCode(() -> ec2.createSecurityGroup(r -> r.groupName("web2"))))
                    .isEqualTo("MissingParameter");

            // IpPermissions: a CIDR range and a source group
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                    IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                            .ipRanges(x -> x.cidrIp("10.0.0.0/8")).build(),
                    IpPermission.builder().ipProtocol("icmp").fromPort(-1).toPort(-1)
                            .userIdGroupPairs(g -> g.groupName("default")).build()));
            // the legacy flat parameters, by group name
            ec2.authorizeSecurityGroupIngress(r -> r.groupName("web").ipProtocol("udp").fromPort(53).toPort(53)
                    .cidrIp("192.168.0.0/16"));
            SecurityGroup web = group(ec2, id);
            assertThat(web.groupName()).isEqualTo("web");
            assertThat(web.description()).isEqualTo("web servers");
            assertThat(web.ipPermissions()).hasSize(3);
            IpPermission ssh = web.ipPermissions().stream().filter(p -> "tcp".equals(p.ipProtocol())).findFirst()
                    .orElseThrow();
            assertThat(ssh.fromPort()).isEqualTo(22);
            assertThat(ssh.toPort()).isEqualTo(22);
            assertThat(ssh.ipRanges()).singleElement().satisfies(x -> assertThat(x.cidrIp()).isEqualTo("10.0.0.0/8"));
            IpPermission icmp = web.ipPermissions().stream().filter(p -> "icmp".equals(p.ipProtocol())).findFirst()
                    .orElseThrow();
            assertThat(icmp.userIdGroupPairs()).singleElement()
                    .satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));

            // refusals
            assertThat(errorCode(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupName("web").ipProtocol("tcp")
                    .fromPort(22).toPort(22).cidrIp("10.0.0.0/8")))).isEqualTo("InvalidPermission.Duplicate");
            assertThat(errorCode(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupName("web").ipProtocol("tcp")
                    .fromPort(80).toPort(22).cidrIp("10.0.0.0/8")))).isEqualTo("InvalidParameterValue");
            assertThat(errorCode(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupName("web").ipProtocol("gre")
                    .fromPort(1).toPort(2).cidrIp("10.0.0.0/8")))).isEqualTo("InvalidParameterValue");
            assertThat(errorCode(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupName("web").ipProtocol("tcp")
                    .fromPort(1).toPort(2).cidrIp("not-a-cidr")))).isEqualTo("InvalidParameterValue");
            assertThat(errorCode(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupName("nope").ipProtocol("tcp")
                    .fromPort(1).toPort(2).cidrIp("10.0.0.0/8")))).isEqualTo("InvalidGroup.NotFound");
            assertThat(errorCode(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp")
                    .fromPort(23).toPort(23).cidrIp("10.0.0.0/8")))).isEqualTo("InvalidPermission.NotFound");

            // another project sees nothing of it and cannot change or delete it
            assertThat(errorCode(() -> other.authorizeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp")
                    .fromPort(1).toPort(2).cidrIp("10.0.0.0/8")))).isEqualTo("InvalidGroup.NotFound");
            assertThat(errorCode(() -> other.revokeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("udp")
                    .fromPort(53).toPort(53).cidrIp("192.168.0.0/16")))).isEqualTo("InvalidGroup.NotFound");
            assertThat(other.describeSecurityGroups().securityGroups()).extracting(SecurityGroup::groupName)
                    .containsExactly("default");

            ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp").fromPort(22).toPort(22)
                    .cidrIp("10.0.0.0/8"));
            ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                    .ipProtocol("icmp").fromPort(-1).toPort(-1).userIdGroupPairs(g -> g.groupName("default")).build()));
            assertThat(group(ec2, id).ipPermissions()).singleElement()
                    .satisfies(p -> assertThat(p.ipProtocol()).isEqualTo("udp"));

            // a policy refusal is 403 UnauthorizedOperation
            try (Ec2Client colleague = client("colleague:sg")) {
                Ec2Exception refused = catchThrowableOfType(Ec2Exception.class,
                        () -> colleague.deleteSecurityGroup(r -> r.groupId(id)));
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            }
            // tcp without ports is 1-65535, and -1 ports name it too
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").ipRanges(x -> x.cidrIp("10.1.0.0/16")).build()));
            assertThat(group(ec2, id).ipPermissions()).anySatisfy(p -> {
                assertThat(p.fromPort()).isEqualTo(1);
                assertThat(p.toPort()).isEqualTo(65535);
            });
            ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp").fromPort(-1).toPort(-1)
                    .cidrIp("10.1.0.0/16"));
            assertThat(group(ec2, id).ipPermissions()).hasSize(1);

            String defaultId = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().getFirst()
                    .groupId();
            assertThat(errorCode(() -> ec2.deleteSecurityGroup(r -> r.groupId(defaultId)))).isEqualTo("CannotDelete");
            ec2.deleteSecurityGroup(r -> r.groupName("web"));
            assertThat(errorCode(() -> ec2.describeSecurityGroups(r -> r.groupIds(id))))
                    .isEqualTo("InvalidGroup.NotFound");
            assertThat(errorCode(() -> ec2.deleteSecurityGroup(r -> r.groupId(id)))).isEqualTo("InvalidGroup.NotFound");
            assertThat(errorCode(() -> ec2.deleteSecurityGroup(r -> { }))).isEqualTo("MissingParameter");
        }
    }

    @EachEngine
    void addressLifecycle(String engine) throws Exception {
        on(engine);
        try (Ec2Client ec2 = client("eip:eip"); Ec2Client other = client("eip-other:eip-other")) {
            String first = ec2.allocateAddress().publicIp();
            String second = ec2.allocateAddress().publicIp();
            assertThat(first).startsWith("172.24.4.");
            assertThat(errorCode(ec2::allocateAddress)).isEqualTo("AddressLimitExceeded");
            assertThat(ec2.describeAddresses().addresses()).extracting(Address::publicIp)
                    .containsExactlyInAnyOrder(first, second);
            assertThat(ec2.describeAddresses(r -> r.publicIps(first)).addresses()).singleElement()
                    .satisfies(a -> assertThat(a.instanceId()).isNull());
            assertThat(errorCode(() -> ec2.describeAddresses(r -> r.publicIps("172.24.4.250"))))
                    .isEqualTo("InvalidAddress.NotFound");
            // another project's addresses are invisible
            assertThat(other.describeAddresses().addresses()).isEmpty();
            assertThat(errorCode(() -> other.releaseAddress(r -> r.publicIp(first))))
                    .isEqualTo("InvalidAddress.NotFound");

            Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros"))
                    .findFirst().orElseThrow();
            String instanceId = ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst().instanceId();
            Instance running = awaitInstance(ec2, instanceId, InstanceStateName.RUNNING);
            assertThat(errorCode(() -> other.associateAddress(r -> r.instanceId(instanceId).publicIp(first))))
                    .isEqualTo("InvalidInstanceID.NotFound");
            assertThat(errorCode(() -> ec2.associateAddress(r -> r.instanceId(instanceId).publicIp("172.24.4.250"))))
                    .isEqualTo("InvalidAddress.NotFound");
            ec2.associateAddress(r -> r.instanceId(instanceId).publicIp(first));
            Address associated = ec2.describeAddresses(r -> r.publicIps(first)).addresses().getFirst();
            assertThat(associated.instanceId()).isEqualTo(instanceId);
            assertThat(associated.privateIpAddress()).isEqualTo(running.privateIpAddress());
            assertThat(ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst().instances()
                    .getFirst().publicIpAddress()).isEqualTo(first);
            assertThat(errorCode(() -> ec2.releaseAddress(r -> r.publicIp(first)))).isEqualTo("InvalidIPAddress.InUse");

            ec2.disassociateAddress(r -> r.publicIp(first));
            assertThat(ec2.describeAddresses(r -> r.publicIps(first)).addresses().getFirst().instanceId()).isNull();
            assertThat(errorCode(() -> ec2.disassociateAddress(r -> r.publicIp(first))))
                    .isEqualTo("InvalidAssociationID.NotFound");
            ec2.releaseAddress(r -> r.publicIp(first));
            ec2.releaseAddress(r -> r.publicIp(second));
            assertThat(ec2.describeAddresses().addresses()).isEmpty();
            assertThat(errorCode(() -> ec2.releaseAddress(r -> r.publicIp(first))))
                    .isEqualTo("InvalidAddress.NotFound");
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    @EachEngine
    void volumesAndSnapshots(String engine) throws Exception {
        on(engine);
        try (Ec2Client ec2 = client("vol:vol"); Ec2Client other = client("vol-other:vol-other")) {
            var created = ec2.createVolume(r -> r.size(1).availabilityZone("nova"));
            String volumeId = created.volumeId();
            assertThat(volumeId).matches("vol-[0-9a-f]{8}");
            assertThat(created.size()).isEqualTo(1);
            Volume available = awaitVolume(ec2, volumeId, VolumeState.AVAILABLE);
            assertThat(available.availabilityZone()).isEqualTo("nova");
            assertThat(available.attachments()).isEmpty();
            assertThat(ec2.describeVolumes().volumes()).extracting(Volume::volumeId).containsExactly(volumeId);

            var snapshot = ec2.createSnapshot(r -> r.volumeId(volumeId).description("first"));
            String snapshotId = snapshot.snapshotId();
            assertThat(snapshotId).matches("snap-[0-9a-f]{8}");
            assertThat(snapshot.volumeId()).isEqualTo(volumeId);
            assertThat(snapshot.volumeSize()).isEqualTo(1);
            assertThat(snapshot.ownerId()).isEqualTo("vol");
            Snapshot described = ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().getFirst();
            assertThat(described.description()).isEqualTo("first");
            assertThat(described.state()).isIn(SnapshotState.PENDING, SnapshotState.COMPLETED);
            String fromSnapshot = ec2.createVolume(r -> r.snapshotId(snapshotId)).volumeId();
            Volume copy = awaitVolume(ec2, fromSnapshot, VolumeState.AVAILABLE);
            assertThat(errorCode(() -> ec2.createVolume(r -> r.size(1)))).isEqualTo("VolumeLimitExceeded");
            assertThat(copy.snapshotId()).isEqualTo(snapshotId);
            assertThat(copy.size()).isEqualTo(1);

            // another project sees none of it
            assertThat(other.describeVolumes().volumes()).isEmpty();
            assertThat(other.describeSnapshots().snapshots()).isEmpty();
            assertThat(errorCode(() -> other.describeVolumes(r -> r.volumeIds(volumeId))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(errorCode(() -> other.deleteVolume(r -> r.volumeId(volumeId))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(errorCode(() -> other.deleteSnapshot(r -> r.snapshotId(snapshotId))))
                    .isEqualTo("InvalidSnapshot.NotFound");
            assertThat(errorCode(() -> other.createVolume(r -> r.snapshotId(snapshotId))))
                    .isEqualTo("InvalidSnapshot.NotFound");
            // refusals
            assertThat(errorCode(() -> ec2.describeVolumes(r -> r.volumeIds("vol-7ffffff0"))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(errorCode(() -> ec2.describeVolumes(r -> r.volumeIds("volume-1"))))
                    .isEqualTo("InvalidVolumeID.Malformed");
            assertThat(errorCode(() -> ec2.describeSnapshots(r -> r.snapshotIds("snap-7ffffff0"))))
                    .isEqualTo("InvalidSnapshot.NotFound");
            assertThat(errorCode(() -> ec2.createVolume(r -> r.availabilityZone("nova"))))
                    .isEqualTo("MissingParameter");
            assertThat(errorCode(() -> ec2.createVolume(r -> r.size(0)))).isEqualTo("InvalidParameterValue");

            // attach to a running instance, then detach
            Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros"))
                    .findFirst().orElseThrow();
            String instanceId = ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst().instanceId();
            awaitInstance(ec2, instanceId, InstanceStateName.RUNNING);
            assertThat(errorCode(() -> other.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId)
                    .device("/dev/vdb")))).isEqualTo("InvalidInstanceID.NotFound");
            var attaching = ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device("/dev/vdb"));
            assertThat(attaching.instanceId()).isEqualTo(instanceId);
            assertThat(attaching.device()).isEqualTo("/dev/vdb");
            Volume inUse = awaitVolume(ec2, volumeId, VolumeState.IN_USE);
            assertThat(inUse.attachments()).singleElement().satisfies(a -> {
                assertThat(a.instanceId()).isEqualTo(instanceId);
                assertThat(a.device()).isEqualTo("/dev/vdb");
            });
            assertThat(errorCode(() -> ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId)
                    .device("/dev/vdc")))).isEqualTo("VolumeInUse");
            assertThat(errorCode(() -> ec2.deleteVolume(r -> r.volumeId(volumeId)))).isEqualTo("VolumeInUse");
            assertThat(errorCode(() -> ec2.detachVolume(r -> r.volumeId(fromSnapshot)))).isEqualTo("IncorrectState");
            assertThat(ec2.detachVolume(r -> r.volumeId(volumeId)).instanceId()).isEqualTo(instanceId);
            awaitVolume(ec2, volumeId, VolumeState.AVAILABLE);

            ec2.deleteSnapshot(r -> r.snapshotId(snapshotId));
            ec2.deleteVolume(r -> r.volumeId(fromSnapshot));
            ec2.deleteVolume(r -> r.volumeId(volumeId));
            assertThat(errorCode(() -> ec2.deleteVolume(r -> r.volumeId(volumeId))))
                    .isEqualTo("InvalidVolume.NotFound");
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    @EachEngine
    void instanceStatusAndAttributes(String engine) throws Exception {
        on(engine);
        try (Ec2Client ec2 = client("status:status"); Ec2Client other = client("status-other:status-other")) {
            Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros"))
                    .findFirst().orElseThrow();
            String id = ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst().instanceId();
            awaitInstance(ec2, id, InstanceStateName.RUNNING);
            InstanceStatus status = ec2.describeInstanceStatus().instanceStatuses().stream()
                    .filter(s -> s.instanceId().equals(id)).findFirst().orElseThrow();
            assertThat(status.instanceState().name()).isEqualTo(InstanceStateName.RUNNING);
            assertThat(status.availabilityZone()).isEqualTo("nova");
            assertThat(status.systemStatus().status()).isEqualTo(SummaryStatus.OK);
            assertThat(status.instanceStatus().status()).isEqualTo(SummaryStatus.OK);
            assertThat(status.instanceStatus().details()).singleElement()
                    .satisfies(d -> assertThat(d.statusAsString()).isEqualTo("passed"));
            assertThat(other.describeInstanceStatus().instanceStatuses()).isEmpty();
            assertThat(errorCode(() -> other.describeInstanceStatus(r -> r.instanceIds(id))))
                    .isEqualTo("InvalidInstanceID.NotFound");
            assertThat(ec2.describeInstanceStatus(r -> r.filters(filter("instance-state-name", "stopped")))
                    .instanceStatuses()).isEmpty();

            ec2.stopInstances(r -> r.instanceIds(id));
            awaitInstance(ec2, id, InstanceStateName.STOPPED);
            assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses()).isEmpty();
            assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(id).includeAllInstances(true))
                    .instanceStatuses()).singleElement()
                    .satisfies(s -> assertThat(s.instanceState().name()).isEqualTo(InstanceStateName.STOPPED));

            ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(b -> b.value(false)));
            assertThat(errorCode(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .disableApiTermination(b -> b.value(true))))).isEqualTo("UnsupportedOperation");
            assertThat(errorCode(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                    .instanceType(b -> b.value("m1.small"))))).isEqualTo("UnsupportedOperation");
            assertThat(errorCode(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id))))
                    .isEqualTo("MissingParameter");
            assertThat(errorCode(() -> other.modifyInstanceAttribute(r -> r.instanceId(id)
                    .disableApiTermination(b -> b.value(false))))).isEqualTo("InvalidInstanceID.NotFound");
            ec2.terminateInstances(r -> r.instanceIds(id));
        }
    }

    @EachEngine
    void imageAndKeyPairFilters(String engine) {
        on(engine);
        try (Ec2Client ec2 = client("filters:filters")) {
            Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros"))
                    .findFirst().orElseThrow();
            assertThat(ec2.describeImages(r -> r.filters(filter("image-id", cirros.imageId()))).images())
                    .extracting(Image::imageId).containsExactly(cirros.imageId());
            assertThat(ec2.describeImages(r -> r.filters(filter("name", "cirros*"), filter("state", "available"),
                    filter("image-type", "machine"))).images()).extracting(Image::imageId).contains(cirros.imageId());
            assertThat(ec2.describeImages(r -> r.filters(filter("name", "no-such-*"))).images()).isEmpty();
            assertThat(errorCode(() -> ec2.describeImages(r -> r.filters(filter("no-such-filter", "x")))))
                    .isEqualTo("InvalidParameterValue");

            ec2.createKeyPair(r -> r.keyName("alpha"));
            ec2.createKeyPair(r -> r.keyName("beta"));
            String fingerprint = ec2.describeKeyPairs(r -> r.keyNames("beta")).keyPairs().getFirst().keyFingerprint();
            assertThat(ec2.describeKeyPairs(r -> r.filters(filter("key-name", "al*"))).keyPairs())
                    .extracting(KeyPairInfo::keyName).containsExactly("alpha");
            assertThat(ec2.describeKeyPairs(r -> r.filters(filter("fingerprint", fingerprint))).keyPairs())
                    .extracting(KeyPairInfo::keyName).containsExactly("beta");
            assertThat(errorCode(() -> ec2.describeKeyPairs(r -> r.filters(filter("color", "red")))))
                    .isEqualTo("InvalidParameterValue");
        }
    }

    private static SecurityGroup group(Ec2Client ec2, String id) {
        return ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().getFirst();
    }
}
