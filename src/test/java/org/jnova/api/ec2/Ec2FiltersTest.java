package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.jnova.testing.Ec2Clients.awaitInstance;
import static org.jnova.testing.Ec2Clients.awaitVolume;
import static org.jnova.testing.Ec2Clients.error;
import static org.jnova.testing.Ec2Clients.errorCode;
import static org.jnova.testing.Ec2Clients.filter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * The EC2 API's filters on DescribeSecurityGroups, DescribeAddresses, DescribeVolumes and
 * DescribeSnapshots, tags on volumes and snapshots, and egress rules, with the AWS SDK for Java
 * v2 on a real socket (noauth2: the access key names user:project), on every database engine.
 * Every filter is shown to narrow the answer, so a filter that were ignored would fail.
 */
class Ec2FiltersTest {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void securityGroupFiltersAndEgress(String engine) {
        try (Ec2Client ec2 = client(engine, "sgf:sgf"); Ec2Client other = client(engine, "sgf-other:sgf-other")) {
            String webId = ec2.createSecurityGroup(r -> r.groupName("web").description("web servers")).groupId();
            String dbId = ec2.createSecurityGroup(r -> r.groupName("db").description("database")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(webId).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(x -> x.cidrIp("10.0.0.0/8")).build()));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(dbId).ipPermissions(
                    IpPermission.builder().ipProtocol("tcp").fromPort(5432).toPort(5432)
                            .userIdGroupPairs(g -> g.groupId(webId)).build(),
                    IpPermission.builder().ipProtocol("udp").fromPort(53).toPort(53)
                            .ipRanges(x -> x.cidrIp("192.168.0.0/16")).build()));

            Function<Filter[], List<String>> names = filters -> ec2.describeSecurityGroups(r -> r.filters(filters))
                    .securityGroups().stream().map(SecurityGroup::groupName).toList();
            assertThat(names.apply(new Filter[0])).containsExactlyInAnyOrder("default", "web", "db");
            assertThat(names.apply(of(filter("group-name", "we*")))).containsExactly("web");
            assertThat(names.apply(of(filter("group-name", "web", "db")))).containsExactlyInAnyOrder("web", "db");
            assertThat(names.apply(of(filter("group-id", dbId)))).containsExactly("db");
            assertThat(names.apply(of(filter("description", "data*")))).containsExactly("db");
            assertThat(names.apply(of(filter("owner-id", "sgf")))).containsExactlyInAnyOrder("default", "web", "db");
            assertThat(names.apply(of(filter("owner-id", "sgf-other")))).isEmpty();
            assertThat(names.apply(of(filter("ip-permission.protocol", "udp")))).containsExactly("db");
            assertThat(names.apply(of(filter("ip-permission.protocol", "tcp")))).containsExactlyInAnyOrder("web", "db");
            assertThat(names.apply(of(filter("ip-permission.from-port", "80")))).containsExactly("web");
            assertThat(names.apply(of(filter("ip-permission.to-port", "5432")))).containsExactly("db");
            assertThat(names.apply(of(filter("ip-permission.cidr", "10.*")))).containsExactly("web");
            assertThat(names.apply(of(filter("ip-permission.group-name", "web")))).containsExactly("db");
            assertThat(names.apply(of(filter("ip-permission.group-name", "default")))).containsExactly("default");
            assertThat(names.apply(of(filter("ip-permission.group-id", webId)))).containsExactly("db");
            // filters all apply: tcp rules of groups named d*
            assertThat(names.apply(of(filter("ip-permission.protocol", "tcp"), filter("group-name", "d*"))))
                    .containsExactly("db");
            // no tags and no egress rules here: such filters match nothing
            assertThat(names.apply(of(filter("tag-key", "*")))).isEmpty();
            assertThat(names.apply(of(filter("egress.ip-permission.protocol", "*")))).isEmpty();
            // GroupName.N and filters together
            assertThat(ec2.describeSecurityGroups(r -> r.groupNames("web", "db")
                    .filters(filter("description", "web*"))).securityGroups()).extracting(SecurityGroup::groupId)
                    .containsExactly(webId);
            // another project's groups are not found by a filter either
            assertThat(other.describeSecurityGroups(r -> r.filters(filter("group-id", webId))).securityGroups())
                    .isEmpty();
            Ec2Exception unknown = error(() -> ec2.describeSecurityGroups(r -> r.filters(filter("vpc-color", "x"))));
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo("The filter 'vpc-color' is invalid");

            // egress: an empty ipPermissionsEgress element, and no egress calls (nova's EC2 API had none)
            SecurityGroup web = ec2.describeSecurityGroups(r -> r.groupIds(webId)).securityGroups().getFirst();
            assertThat(web.hasIpPermissionsEgress()).isTrue();
            assertThat(web.ipPermissionsEgress()).isEmpty();
            IpPermission out = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                    .ipRanges(x -> x.cidrIp("0.0.0.0/0")).build();
            assertThat(error(() -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(webId).ipPermissions(out)))
                    .awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
            assertThat(error(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(webId).ipPermissions(out)))
                    .awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(webId)).securityGroups().getFirst()
                    .ipPermissionsEgress()).isEmpty();
        }
    }

    @EachEngine
    void addressFilters(String engine) throws Exception {
        try (Ec2Client ec2 = client(engine, "eipf:eipf"); Ec2Client other = client(engine, "eipf-other:eipf-other")) {
            String first = ec2.allocateAddress().publicIp();
            String second = ec2.allocateAddress().publicIp();
            String instanceId = boot(ec2);
            Instance running = awaitInstance(ec2, instanceId, InstanceStateName.RUNNING);
            ec2.associateAddress(r -> r.instanceId(instanceId).publicIp(first));

            Function<Filter[], List<String>> ips = filters -> ec2.describeAddresses(r -> r.filters(filters))
                    .addresses().stream().map(Address::publicIp).toList();
            assertThat(ips.apply(new Filter[0])).containsExactlyInAnyOrder(first, second);
            assertThat(ips.apply(of(filter("public-ip", second)))).containsExactly(second);
            assertThat(ips.apply(of(filter("public-ip", "172.24.4.*")))).containsExactlyInAnyOrder(first, second);
            assertThat(ips.apply(of(filter("instance-id", instanceId)))).containsExactly(first);
            assertThat(ips.apply(of(filter("instance-id", "i-*")))).containsExactly(first);
            assertThat(ips.apply(of(filter("private-ip-address", running.privateIpAddress()))))
                    .containsExactly(first);
            assertThat(ips.apply(of(filter("domain", "standard")))).containsExactlyInAnyOrder(first, second);
            assertThat(ips.apply(of(filter("domain", "vpc")))).isEmpty();
            assertThat(ips.apply(of(filter("domain", "standard"), filter("public-ip", first, "10.0.0.1"))))
                    .containsExactly(first);
            assertThat(ec2.describeAddresses(r -> r.publicIps(first, second).filters(filter("instance-id", "i-*")))
                    .addresses()).extracting(Address::publicIp).containsExactly(first);
            assertThat(other.describeAddresses(r -> r.filters(filter("public-ip", first))).addresses()).isEmpty();
            Ec2Exception unknown = error(() -> ec2.describeAddresses(r -> r.filters(filter("allocation-color", "x"))));
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo("The filter 'allocation-color' is invalid");

            ec2.disassociateAddress(r -> r.publicIp(first));
            assertThat(ips.apply(of(filter("instance-id", "i-*")))).isEmpty();
            ec2.releaseAddress(r -> r.publicIp(first));
            ec2.releaseAddress(r -> r.publicIp(second));
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    @EachEngine
    void volumeAndSnapshotFilters(String engine) throws Exception {
        try (Ec2Client ec2 = client(engine, "volf:volf"); Ec2Client other = client(engine, "volf-other:volf-other")) {
            String alpha = ec2.createVolume(r -> r.size(1).availabilityZone("nova")).volumeId();
            String nightly = ec2.createSnapshot(r -> r.volumeId(alpha).description("nightly")).snapshotId();
            Thread.sleep(5); // creation times a millisecond apart at least
            String beta = ec2.createVolume(r -> r.size(2)).volumeId();
            String weekly = ec2.createSnapshot(r -> r.volumeId(beta).description("weekly")).snapshotId();
            String restored = ec2.createVolume(r -> r.snapshotId(nightly)).volumeId();
            ec2.createTags(r -> r.resources(alpha).tags(tag("Name", "alpha"), tag("tier", "db")));
            ec2.createTags(r -> r.resources(beta).tags(tag("Name", "beta")));
            ec2.createTags(r -> r.resources(weekly).tags(tag("backup", "yes")));
            String instanceId = boot(ec2);
            awaitInstance(ec2, instanceId, InstanceStateName.RUNNING);
            ec2.attachVolume(r -> r.volumeId(alpha).instanceId(instanceId).device("/dev/vdb"));
            Volume attached = awaitVolume(ec2, alpha, VolumeState.IN_USE);
            assertThat(attached.tags()).extracting(Tag::key, Tag::value)
                    .containsExactly(tuple("Name", "alpha"),
                            tuple("tier", "db"));

            Function<Filter[], List<String>> volumes = filters -> ec2.describeVolumes(r -> r.filters(filters))
                    .volumes().stream().map(Volume::volumeId).toList();
            assertThat(volumes.apply(new Filter[0])).containsExactlyInAnyOrder(alpha, beta, restored);
            assertThat(volumes.apply(of(filter("volume-id", beta)))).containsExactly(beta);
            assertThat(volumes.apply(of(filter("status", "in-use")))).containsExactly(alpha);
            assertThat(volumes.apply(of(filter("status", "available")))).containsExactlyInAnyOrder(beta, restored);
            assertThat(volumes.apply(of(filter("size", "2")))).containsExactly(beta);
            assertThat(volumes.apply(of(filter("availability-zone", "nova"))))
                    .containsExactlyInAnyOrder(alpha, beta, restored);
            assertThat(volumes.apply(of(filter("availability-zone", "elsewhere")))).isEmpty();
            assertThat(volumes.apply(of(filter("create-time", SHOWN.format(attached.createTime())))))
                    .containsExactly(alpha);
            assertThat(volumes.apply(of(filter("create-time", "2001-*")))).isEmpty();
            assertThat(volumes.apply(of(filter("snapshot-id", nightly)))).containsExactly(restored);
            assertThat(volumes.apply(of(filter("attachment.instance-id", instanceId)))).containsExactly(alpha);
            assertThat(volumes.apply(of(filter("attachment.status", "attached")))).containsExactly(alpha);
            assertThat(volumes.apply(of(filter("attachment.device", "/dev/vd?")))).containsExactly(alpha);
            assertThat(volumes.apply(of(filter("tag:Name", "alpha")))).containsExactly(alpha);
            assertThat(volumes.apply(of(filter("tag:Name", "*a")))).containsExactlyInAnyOrder(alpha, beta);
            assertThat(volumes.apply(of(filter("tag:Name", "gamma")))).isEmpty();
            assertThat(volumes.apply(of(filter("tag-key", "tier")))).containsExactly(alpha);
            assertThat(volumes.apply(of(filter("tag-value", "beta")))).containsExactly(beta);
            assertThat(volumes.apply(of(filter("tag-key", "Name"), filter("size", "1")))).containsExactly(alpha);
            assertThat(ec2.describeVolumes(r -> r.volumeIds(alpha, beta).filters(filter("size", "1"))).volumes())
                    .extracting(Volume::volumeId).containsExactly(alpha);
            assertThat(other.describeVolumes(r -> r.filters(filter("volume-id", alpha))).volumes()).isEmpty();
            Ec2Exception unknownVolume = error(() -> ec2.describeVolumes(r -> r.filters(filter("colour", "x"))));
            assertThat(unknownVolume.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(unknownVolume.awsErrorDetails().errorMessage()).isEqualTo("The filter 'colour' is invalid");

            Function<Filter[], List<String>> snapshots = filters -> ec2.describeSnapshots(r -> r.filters(filters))
                    .snapshots().stream().map(Snapshot::snapshotId).toList();
            assertThat(snapshots.apply(new Filter[0])).containsExactlyInAnyOrder(nightly, weekly);
            assertThat(snapshots.apply(of(filter("snapshot-id", weekly)))).containsExactly(weekly);
            assertThat(snapshots.apply(of(filter("volume-id", alpha)))).containsExactly(nightly);
            assertThat(snapshots.apply(of(filter("status", "completed")))).containsExactlyInAnyOrder(nightly, weekly);
            assertThat(snapshots.apply(of(filter("status", "pending", "error")))).isEmpty();
            assertThat(snapshots.apply(of(filter("volume-size", "2")))).containsExactly(weekly);
            assertThat(snapshots.apply(of(filter("owner-id", "volf")))).containsExactlyInAnyOrder(nightly, weekly);
            assertThat(snapshots.apply(of(filter("owner-id", "volf-other")))).isEmpty();
            assertThat(snapshots.apply(of(filter("description", "night*")))).containsExactly(nightly);
            assertThat(snapshots.apply(of(filter("progress", "100%")))).containsExactlyInAnyOrder(nightly, weekly);
            assertThat(snapshots.apply(of(filter("progress", "0%")))).isEmpty();
            assertThat(snapshots.apply(of(filter("tag:backup", "yes")))).containsExactly(weekly);
            assertThat(snapshots.apply(of(filter("tag:backup", "no")))).isEmpty();
            assertThat(snapshots.apply(of(filter("tag-key", "back*")))).containsExactly(weekly);
            assertThat(snapshots.apply(of(filter("tag-value", "y?s")))).containsExactly(weekly);
            assertThat(ec2.describeSnapshots(r -> r.snapshotIds(weekly)).snapshots().getFirst().tags())
                    .extracting(Tag::key).containsExactly("backup");
            assertThat(other.describeSnapshots(r -> r.filters(filter("snapshot-id", weekly))).snapshots()).isEmpty();
            Ec2Exception unknownSnapshot = error(() -> ec2.describeSnapshots(r -> r.filters(filter("encrypted",
                    "true"))));
            assertThat(unknownSnapshot.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(unknownSnapshot.awsErrorDetails().errorMessage()).isEqualTo("The filter 'encrypted' is invalid");

            ec2.detachVolume(r -> r.volumeId(alpha));
            awaitVolume(ec2, alpha, VolumeState.AVAILABLE);
            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    @EachEngine
    void tagsOnVolumesAndSnapshots(String engine) throws Exception {
        try (Ec2Client ec2 = client(engine, "tagv:tagv"); Ec2Client other = client(engine, "tagv-other:tagv-other")) {
            String volumeId = ec2.createVolume(r -> r.size(1)).volumeId();
            String snapshotId = ec2.createSnapshot(r -> r.volumeId(volumeId)).snapshotId();
            String instanceId = boot(ec2);
            awaitInstance(ec2, instanceId, InstanceStateName.RUNNING); // server metadata changes wait for the build
            ec2.createTags(r -> r.resources(volumeId, snapshotId, instanceId).tags(tag("Name", "shared"),
                    tag("team", "storage")));
            ec2.createTags(r -> r.resources(snapshotId).tags(tag("Name", "renamed")));

            Function<Filter[], List<String>> described = filters -> ec2.describeTags(r -> r.filters(filters)).tags()
                    .stream().map(t -> t.resourceId() + " " + t.resourceTypeAsString() + " " + t.key() + "=" + t.value())
                    .toList();
            assertThat(described.apply(new Filter[0])).containsExactlyInAnyOrder(
                    instanceId + " instance Name=shared", instanceId + " instance team=storage",
                    volumeId + " volume Name=shared", volumeId + " volume team=storage",
                    snapshotId + " snapshot Name=renamed", snapshotId + " snapshot team=storage");
            assertThat(described.apply(of(filter("resource-type", "volume")))).containsExactlyInAnyOrder(
                    volumeId + " volume Name=shared", volumeId + " volume team=storage");
            assertThat(described.apply(of(filter("resource-type", "snapshot"), filter("key", "Name"))))
                    .containsExactly(snapshotId + " snapshot Name=renamed");
            assertThat(described.apply(of(filter("resource-type", "instance"), filter("key", "team"))))
                    .containsExactly(instanceId + " instance team=storage");
            assertThat(described.apply(of(filter("resource-id", volumeId, snapshotId), filter("value", "re*"))))
                    .containsExactly(snapshotId + " snapshot Name=renamed");
            assertThat(described.apply(of(filter("resource-type", "image")))).isEmpty();
            assertThat(error(() -> ec2.describeTags(r -> r.filters(filter("resource-name", "x"))))
                    .awsErrorDetails().errorMessage()).isEqualTo("The filter 'resource-name' is invalid");
            assertThat(ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().getFirst().tags())
                    .extracting(Tag::key, Tag::value).containsExactly(tuple("Name",
                            "shared"), tuple("team", "storage"));

            // DeleteTags: a value that differs keeps the tag, a key alone removes it, no Tag.N all of them
            ec2.deleteTags(r -> r.resources(volumeId).tags(tag("Name", "other")));
            assertThat(tagKeys(ec2, volumeId)).containsExactlyInAnyOrder("Name", "team");
            ec2.deleteTags(r -> r.resources(volumeId).tags(Tag.builder().key("Name").build()));
            assertThat(tagKeys(ec2, volumeId)).containsExactly("team");
            ec2.deleteTags(r -> r.resources(snapshotId));
            assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().getFirst().tags()).isEmpty();
            assertThat(described.apply(of(filter("resource-type", "snapshot")))).isEmpty();

            // unknown and other projects' resources are their kind's NotFound; nothing changes on a refusal
            assertThat(errorCode(() -> ec2.createTags(r -> r.resources(volumeId, "vol-7ffffff0").tags(tag("x", "1")))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(tagKeys(ec2, volumeId)).containsExactly("team");
            assertThat(errorCode(() -> ec2.createTags(r -> r.resources("snap-7ffffff0").tags(tag("x", "1")))))
                    .isEqualTo("InvalidSnapshot.NotFound");
            assertThat(errorCode(() -> ec2.deleteTags(r -> r.resources("vol-7ffffff0"))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(errorCode(() -> other.createTags(r -> r.resources(volumeId).tags(tag("x", "1")))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(errorCode(() -> other.createTags(r -> r.resources(snapshotId).tags(tag("x", "1")))))
                    .isEqualTo("InvalidSnapshot.NotFound");
            assertThat(errorCode(() -> other.deleteTags(r -> r.resources(volumeId))))
                    .isEqualTo("InvalidVolume.NotFound");
            assertThat(errorCode(() -> other.createTags(r -> r.resources(instanceId).tags(tag("x", "1")))))
                    .isEqualTo("InvalidInstanceID.NotFound");
            assertThat(other.describeTags().tags()).isEmpty();
            assertThat(other.describeTags(r -> r.filters(filter("resource-id", volumeId))).tags()).isEmpty();
            assertThat(tagKeys(ec2, volumeId)).containsExactly("team");
            assertThat(errorCode(() -> ec2.createTags(r -> r.resources("sg-12345678").tags(tag("x", "1")))))
                    .isEqualTo("InvalidID");
            assertThat(errorCode(() -> ec2.createTags(r -> r.resources(volumeId).tags(tag("aws:owner", "me")))))
                    .isEqualTo("InvalidParameterValue");
            // AWS's 50 tags per resource
            List<Tag> many = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList());
            assertThat(errorCode(() -> ec2.createTags(r -> r.resources(volumeId).tags(many))))
                    .isEqualTo("TagLimitExceeded");
            many.removeLast();
            ec2.createTags(r -> r.resources(volumeId).tags(many));
            assertThat(tagKeys(ec2, volumeId)).hasSize(50);

            ec2.terminateInstances(r -> r.instanceIds(instanceId));
        }
    }

    @Test
    void viewFiltersReadNestedElementsAndTags() {
        Map<String, Object> item = Map.of("name", "web", "when", Instant.parse("2026-01-02T03:04:05.678901Z"),
                "rules", List.of(Map.of("ranges", List.of(Map.of("cidr", "10.0.0.0/8"), Map.of("cidr", "a*b")))),
                "tagSet", List.of(Map.of("key", "Name", "value", "front")));
        Map<String, String> elements = Map.of("name", "name", "when", "when", "cidr", "rules.ranges.cidr");
        Predicate<Map<String, Object>> cidr = new ViewFilters(Map.of("cidr", List.of("a\\*b")), elements, "tagSet");
        assertThat(cidr.test(item)).isTrue();
        assertThat(new ViewFilters(Map.of("cidr", List.of("10.0.0.?/8")), elements).test(item)).isTrue();
        assertThat(new ViewFilters(Map.of("cidr", List.of("192.*")), elements).test(item)).isFalse();
        assertThat(new ViewFilters(Map.of("when", List.of("2026-01-02T03:04:05.678Z")), elements).test(item)).isTrue();
        assertThat(new ViewFilters(Map.of("tag:Name", List.of("fr*")), elements, "tagSet").test(item)).isTrue();
        assertThat(new ViewFilters(Map.of("tag:Name", List.of("back")), elements, "tagSet").test(item)).isFalse();
        assertThat(new ViewFilters(Map.of("tag:Other", List.of("*")), elements, "tagSet").test(item)).isFalse();
        assertThat(new ViewFilters(Map.of("tag-value", List.of("front")), elements, "tagSet").test(item)).isTrue();
        // without a tag set, tag filters are unknown
        Ec2Error refused = catchThrowableOfType(Ec2Error.class,
                () -> new ViewFilters(Map.of("tag:Name", List.of("x")), elements));
        assertThat(refused.code()).isEqualTo("InvalidParameterValue");
        assertThat(refused.getMessage()).isEqualTo("The filter 'tag:Name' is invalid");
    }

    private static Ec2Client client(String engine, String accessKey) {
        String url = SERVERS.get(engine).startEc2();
        return Ec2Clients.noauth(url, accessKey);
    }

    private static Filter[] of(Filter... filters) {
        return filters;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<String> tagKeys(Ec2Client ec2, String volumeId) {
        return ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().getFirst().tags().stream().map(Tag::key)
                .toList();
    }

    private static String boot(Ec2Client ec2) {
        Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros")).findFirst()
                .orElseThrow();
        return ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(1).instanceType("m1.tiny"))
                .instances().getFirst().instanceId();
    }
}
