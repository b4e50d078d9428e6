package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.Ec2Clients.error;
import static org.jnova.testing.Ec2Clients.errorCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * MaxResults and NextToken on the EC2 Describe calls, with the AWS SDK for Java v2 (its
 * paginators too) on a real socket (noauth2: the access key names user:project): every item
 * shown exactly once across the pages, AWS's errors for a bad page size, a bad token and a page
 * size with named ids, and a token of one project's listing useless to another.
 */
class Ec2PagingTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[quota]", "instances = 30", "cores = 40");

    @TempDir
    Path home;

    @EachEngine
    void instancesPageThroughEveryOne(String engine) throws Exception {
        try (Ec2Client ec2 = client(engine, "pg:pg"); Ec2Client other = client(engine, "pg-other:pg-other")) {
            Image cirros = ec2.describeImages().images().stream().filter(i -> i.name().startsWith("cirros"))
                    .findFirst().orElseThrow();
            List<String> created = ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(12).maxCount(12)
                    .instanceType("m1.tiny")).instances().stream().map(Instance::instanceId).toList();
            assertThat(created).hasSize(12).doesNotHaveDuplicates();
            String othersOwn = other.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst().instanceId();

            // MaxResults 5: pages of 5, 5 and 2, the last without a token
            DescribeInstancesResponse first = ec2.describeInstances(r -> r.maxResults(5));
            assertThat(ids(first)).hasSize(5);
            assertThat(first.nextToken()).isNotBlank();
            DescribeInstancesResponse second = ec2.describeInstances(r -> r.maxResults(5)
                    .nextToken(first.nextToken()));
            assertThat(ids(second)).hasSize(5);
            assertThat(second.nextToken()).isNotBlank().isNotEqualTo(first.nextToken());
            DescribeInstancesResponse third = ec2.describeInstances(r -> r.maxResults(5)
                    .nextToken(second.nextToken()));
            assertThat(ids(third)).hasSize(2);
            assertThat(third.nextToken()).isNull();
            List<String> paged = new ArrayList<>(ids(first));
            paged.addAll(ids(second));
            paged.addAll(ids(third));
            assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

            // the SDK's paginator walks the same pages
            List<DescribeInstancesResponse> pages = ec2.describeInstancesPaginator(r -> r.maxResults(5)).stream()
                    .toList();
            assertThat(pages).hasSize(3);
            assertThat(pages.stream().flatMap(p -> ids(p).stream()).toList()).isEqualTo(paged);
            // without MaxResults: everything on one page, no token
            DescribeInstancesResponse all = ec2.describeInstances();
            assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(created);
            assertThat(all.nextToken()).isNull();
            // a token alone continues at the default page size
            assertThat(ids(ec2.describeInstances(r -> r.nextToken(first.nextToken()))))
                    .containsExactlyElementsOf(paged.subList(5, 12));

            // filters apply on each page; no instance is lost or repeated across pages
            List<String> tagged = List.of(paged.get(0), paged.get(4), paged.get(5), paged.get(11));
            ec2.createTags(r -> r.resources(tagged).tags(Tag.builder().key("half").value("yes").build()));
            List<String> filtered = ec2.describeInstancesPaginator(r -> r.maxResults(5)
                    .filters(Filter.builder().name("tag:half").values("yes").build())).reservations().stream()
                    .flatMap(res -> res.instances().stream()).map(Instance::instanceId).toList();
            assertThat(filtered).containsExactlyInAnyOrderElementsOf(tagged);

            // AWS's errors
            Ec2Exception small = error(() -> ec2.describeInstances(r -> r.maxResults(4)));
            assertThat(small.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(small.awsErrorDetails().errorMessage()).isEqualTo(
                    "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.");
            assertThat(errorCode(() -> ec2.describeInstances(r -> r.maxResults(1001))))
                    .isEqualTo("InvalidParameterValue");
            assertThat(ids(ec2.describeInstances(r -> r.maxResults(1000)))).hasSize(12);
            Ec2Exception combined = error(() -> ec2.describeInstances(r -> r.maxResults(5)
                    .instanceIds(created.getFirst())));
            assertThat(combined.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
            assertThat(combined.awsErrorDetails().errorMessage())
                    .isEqualTo("The parameter instancesSet cannot be used with the parameter maxResults");
            for (String token : List.of("not a token!", "Zm9v", token("instances:" + UUID.randomUUID()),
                    token("volumes:" + UUID.randomUUID()), token("instances:"),
                    token("instances:' OR 1=1 --"), token("instances:" + "x".repeat(5000)))) {
                assertThat(errorCode(() -> ec2.describeInstances(r -> r.maxResults(5).nextToken(token))))
                        .as(token).isEqualTo("InvalidParameterValue");
            }

            // one project's token shows another nothing of it
            assertThat(errorCode(() -> other.describeInstances(r -> r.maxResults(5).nextToken(first.nextToken()))))
                    .isEqualTo("InvalidParameterValue");
            assertThat(errorCode(() -> other.describeInstanceStatus(r -> r.maxResults(5)
                    .nextToken(first.nextToken())))).isEqualTo("InvalidParameterValue");
            assertThat(ids(other.describeInstances(r -> r.maxResults(5)))).containsExactly(othersOwn);
            String othersToken = token("instances:" + other.describeInstances(r -> r.maxResults(5)).reservations()
                    .getFirst().instances().getFirst().instanceId());
            assertThat(errorCode(() -> ec2.describeInstances(r -> r.maxResults(5).nextToken(othersToken))))
                    .isEqualTo("InvalidParameterValue");

            // DescribeInstanceStatus pages the same way (IncludeAllInstances: pending ones too)
            List<String> statuses = ec2.describeInstanceStatusPaginator(r -> r.maxResults(5)
                    .includeAllInstances(true)).instanceStatuses().stream().map(s -> s.instanceId()).toList();
            assertThat(statuses).containsExactlyElementsOf(paged);

            // the AWS CLI pages by itself: --page-size asks pages of 5 and shows them all as one;
            // --max-items counts reservations (each page holds a part of the one reservation here): it
            // stops after 2 and hands a token of its own that --starting-token continues
            if (AwsCli.find().isPresent()) {
                AwsCli aws = AwsCli.of(SERVERS.get(engine).startEc2(), "pg:pg", "not-checked", home);
                String query = "Reservations[].Instances[].InstanceId";
                AwsCli.Result byPages = aws.run("describe-instances", "--page-size", "5", "--query", query);
                assertThat(byPages.exit()).as(byPages.output()).isZero();
                assertThat(texts(byPages.json())).isEqualTo(paged);
                AwsCli.Result two = aws.run("describe-instances", "--page-size", "5", "--max-items", "2");
                assertThat(two.exit()).as(two.output()).isZero();
                assertThat(two.json().at("/Reservations").findValuesAsText("InstanceId"))
                        .isEqualTo(paged.subList(0, 10));
                AwsCli.Result rest = aws.run("describe-instances", "--page-size", "5", "--starting-token",
                        two.json().get("NextToken").asText(), "--query", query);
                assertThat(rest.exit()).as(rest.output()).isZero();
                assertThat(texts(rest.json())).isEqualTo(paged.subList(10, 12));
            }

            // the token still continues when its instance has been terminated since
            String marker = paged.get(4);
            ec2.terminateInstances(r -> r.instanceIds(marker));
            assertThat(ids(ec2.describeInstances(r -> r.maxResults(5).nextToken(first.nextToken()))))
                    .containsExactlyElementsOf(ids(second));
        }
    }

    @EachEngine
    void volumesSnapshotsAndTagsPage(String engine) {
        try (Ec2Client ec2 = client(engine, "pgv:pgv"); Ec2Client other = client(engine, "pgv-other:pgv-other")) {
            List<String> volumes = IntStream.range(0, 6).mapToObj(n -> ec2.createVolume(r -> r.size(1)).volumeId())
                    .toList();
            List<String> snapshots = IntStream.range(0, 6).mapToObj(n -> ec2.createSnapshot(r -> r
                    .volumeId(volumes.get(n))).snapshotId()).toList();
            ec2.createTags(r -> r.resources(volumes).tags(Tag.builder().key("a").value("1").build(),
                    Tag.builder().key("b").value("2").build()));

            List<DescribeVolumesResponse> volumePages = ec2.describeVolumesPaginator(r -> r.maxResults(5)).stream()
                    .toList();
            assertThat(volumePages).hasSize(2);
            assertThat(volumePages.getFirst().volumes()).hasSize(5);
            assertThat(volumePages.stream().flatMap(p -> p.volumes().stream()).map(Volume::volumeId).toList())
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(volumes);
            // more than AWS's 500 a page is lowered to it, not refused
            assertThat(ec2.describeVolumes(r -> r.maxResults(600)).volumes()).hasSize(6);
            Ec2Exception combined = error(() -> ec2.describeVolumes(r -> r.maxResults(5).volumeIds(volumes.get(0))));
            assertThat(combined.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
            assertThat(combined.awsErrorDetails().errorMessage())
                    .isEqualTo("The parameter volumeSet cannot be used with the parameter maxResults");
            assertThat(errorCode(() -> ec2.describeVolumes(r -> r.maxResults(2)))).isEqualTo("InvalidParameterValue");
            assertThat(errorCode(() -> ec2.describeVolumes(r -> r.maxResults(5).nextToken(token("tags:x")))))
                    .isEqualTo("InvalidParameterValue");
            // another project's token pages through its own volumes only
            String token = volumePages.getFirst().nextToken();
            assertThat(other.describeVolumes(r -> r.maxResults(5).nextToken(token)).volumes()).isEmpty();

            assertThat(ec2.describeSnapshotsPaginator(r -> r.maxResults(5).ownerIds("self")).snapshots().stream()
                    .map(Snapshot::snapshotId).toList()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(snapshots);
            assertThat(ec2.describeSnapshots(r -> r.maxResults(5)).nextToken()).isNotBlank();

            List<DescribeTagsResponse> tagPages = ec2.describeTagsPaginator(r -> r.maxResults(5)).stream().toList();
            assertThat(tagPages).hasSize(3);
            List<String> tags = tagPages.stream().flatMap(p -> p.tags().stream())
                    .map(t -> t.resourceId() + "/" + t.key()).toList();
            assertThat(tags).hasSize(12).doesNotHaveDuplicates();
            assertThat(tags).containsExactlyInAnyOrderElementsOf(volumes.stream()
                    .flatMap(v -> List.of(v + "/a", v + "/b").stream()).toList());
            assertThat(errorCode(() -> ec2.describeTags(r -> r.maxResults(5).nextToken("%%%"))))
                    .isEqualTo("InvalidParameterValue");

            for (int n = 0; n < 5; n++) {
                String name = "pg" + n;
                ec2.createSecurityGroup(r -> r.groupName(name).description(name));
            }
            assertThat(ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).stream().toList()).hasSize(2);
            assertThat(ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups().stream()
                    .map(g -> g.groupName()).toList()).doesNotHaveDuplicates().hasSize(6).contains("default");
        }
    }

    private static List<String> ids(DescribeInstancesResponse page) {
        return page.reservations().stream().map(Reservation::instances).flatMap(List::stream)
                .map(Instance::instanceId).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.isTextual() ? node.asText() : node.toString()));
        return out;
    }

    private static String token(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Ec2Client client(String engine, String accessKey) {
        String url = SERVERS.get(engine).startEc2();
        return Ec2Clients.noauth(url, accessKey);
    }
}
