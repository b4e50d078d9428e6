package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jnova.testing.Ec2Clients.awaitInstance;
import static org.jnova.testing.Ec2Clients.filter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * The EC2 API on a real socket, spoken to by the AWS SDK for Java v2 unmodified (SigV4 signed,
 * strict XML parsing), with noauth2: the access key names user:project.
 */
class Ec2SdkTest {
    // the metadata service finds the instance by the forwarded address, as behind nova's proxy
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[api]", "use_forwarded_for = true");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String ec2Url;
    private String metadataUrl;

    /** The EC2 and metadata APIs of the engine's jnova, for this test. */
    private void on(String engine) {
        JnovaTestServer jnova = SERVERS.get(engine);
        ec2Url = jnova.startEc2();
        metadataUrl = jnova.startMetadata();
    }

    private Ec2Client client(String accessKey) {
        return Ec2Clients.noauth(ec2Url, accessKey);
    }

    @EachEngine
    void regionsAndZones(String engine) {
        on(engine);
        try (Ec2Client ec2 = client("demo:demo")) {
            var regions = ec2.describeRegions().regions();
            assertThat(regions).hasSize(1);
            assertThat(regions.getFirst().regionName()).isEqualTo("nova");
            assertThat(regions.getFirst().endpoint()).startsWith(ec2Url);
            List<AvailabilityZone> zones = ec2.describeAvailabilityZones().availabilityZones();
            assertThat(zones).extracting(AvailabilityZone::zoneName).contains("nova");
            assertThat(zones).allSatisfy(z -> assertThat(z.regionName()).isEqualTo("nova"));
        }
    }

    @EachEngine
    void instanceLifecycle(String engine) throws Exception {
        on(engine);
        try (Ec2Client ec2 = client("demo:demo"); Ec2Client other = client("other:other")) {
            List<Image> images = ec2.describeImages().images();
            Image cirros = images.stream().filter(i -> i.name().startsWith("cirros")).findFirst().orElseThrow();
            assertThat(cirros.imageId()).matches("ami-[0-9a-f]{8}");
            assertThat(ec2.describeImages(r -> r.imageIds(cirros.imageId())).images()).hasSize(1);

            ec2.createKeyPair(r -> r.keyName("life"));
            String userData = Base64.getEncoder().encodeToString("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
            RunInstancesResponse run = ec2.runInstances(r -> r.imageId(cirros.imageId()).minCount(1).maxCount(2)
                    .instanceType("m1.tiny").keyName("life").userData(userData)
                    .placement(p -> p.availabilityZone("nova")));
            assertThat(run.reservationId()).startsWith("r-");
            assertThat(run.ownerId()).isEqualTo("demo");
            assertThat(run.instances()).hasSize(2);
            Instance first = run.instances().getFirst();
            assertThat(first.instanceId()).matches("i-[0-9a-f]{8}");
            assertThat(first.imageId()).isEqualTo(cirros.imageId());
            assertThat(first.instanceTypeAsString()).isEqualTo("m1.tiny");
            assertThat(first.keyName()).isEqualTo("life");
            String id = first.instanceId();
            String second = run.instances().get(1).instanceId();

            Instance running = awaitInstance(ec2, id, InstanceStateName.RUNNING);
            assertThat(running.state().code()).isEqualTo(16);
            assertThat(running.placement().availabilityZone()).isEqualTo("nova");
            assertThat(running.privateIpAddress()).isNotBlank();
            assertThat(running.launchTime()).isNotNull();

            // the metadata service shows the same EC2 ids
            assertThat(metadata(running.privateIpAddress(), "instance-id")).isEqualTo(id);
            assertThat(metadata(running.privateIpAddress(), "ami-id")).isEqualTo(cirros.imageId());

            var attribute = ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData"));
            assertThat(attribute.userData().value()).isEqualTo(userData);

            // filters
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("instance-id", id)))))
                    .containsExactly(id);
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("private-ip-address",
                    running.privateIpAddress()))))).containsExactly(id);
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("availability-zone", "nova")))))
                    .contains(id, second);
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("availability-zone", "elsewhere")))))
                    .isEmpty();

            // stop, start
            InstanceStateChange stopped = ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().getFirst();
            assertThat(stopped.previousState().name()).isEqualTo(InstanceStateName.RUNNING);
            assertThat(stopped.currentState().name()).isIn(InstanceStateName.STOPPING, InstanceStateName.STOPPED);
            awaitInstance(ec2, id, InstanceStateName.STOPPED);
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("instance-state-name", "stopped")))))
                    .containsExactly(id);
            InstanceStateChange started = ec2.startInstances(r -> r.instanceIds(id)).startingInstances().getFirst();
            assertThat(started.previousState().code()).isEqualTo(80);
            awaitInstance(ec2, id, InstanceStateName.RUNNING);
            assertThat(ec2.rebootInstances(r -> r.instanceIds(id)).sdkHttpResponse().isSuccessful()).isTrue();

            // tags
            ec2.createTags(r -> r.resources(id).tags(Tag.builder().key("Name").value("web").build(),
                    Tag.builder().key("tier").value("front").build()));
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("tag:Name", "web")))))
                    .containsExactly(id);
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("tag:Name", "w*")))))
                    .containsExactly(id);
            assertThat(instanceIds(ec2.describeInstances(r -> r.filters(filter("tag:Name", "db"))))).isEmpty();
            List<TagDescription> tags = ec2.describeTags(r -> r.filters(filter("resource-id", id))).tags();
            assertThat(tags).extracting(TagDescription::key).containsExactlyInAnyOrder("Name", "tier");
            assertThat(tags).allSatisfy(t -> assertThat(t.resourceTypeAsString()).isEqualTo("instance"));
            ec2.deleteTags(r -> r.resources(id).tags(Tag.builder().key("Name").build()));
            assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", id))).tags())
                    .extracting(TagDescription::key).containsExactly("tier");
            assertThat(awaitInstance(ec2, id, InstanceStateName.RUNNING).tags())
                    .extracting(Tag::key).containsExactly("tier");

            // console
            String output = ec2.getConsoleOutput(r -> r.instanceId(id)).output();
            assertThat(output).isNotNull();
            Base64.getDecoder().decode(output);

            // another project sees none of it
            Ec2Exception hidden = catchThrowableOfType(Ec2Exception.class,
                    () -> other.describeInstances(r -> r.instanceIds(id)));
            assertThat(hidden.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
            assertThat(hidden.statusCode()).isEqualTo(400);
            assertThat(instanceIds(other.describeInstances())).doesNotContain(id, second);
            Ec2Exception notTheirs = catchThrowableOfType(Ec2Exception.class,
                    () -> other.terminateInstances(r -> r.instanceIds(id)));
            assertThat(notTheirs.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
            assertThat(other.describeTags().tags()).isEmpty();

            // terminate
            List<InstanceStateChange> terminated = ec2.terminateInstances(r -> r.instanceIds(id, second))
                    .terminatingInstances();
            assertThat(terminated).hasSize(2);
            assertThat(terminated.getFirst().previousState().name()).isEqualTo(InstanceStateName.RUNNING);
            assertThat(terminated.getFirst().currentState().name())
                    .isIn(InstanceStateName.SHUTTING_DOWN, InstanceStateName.TERMINATED);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (instanceIds(ec2.describeInstances()).contains(id) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(instanceIds(ec2.describeInstances())).doesNotContain(id);
        }
    }

    @EachEngine
    void unknownInstanceAndMalformedIds(String engine) {
        on(engine);
        try (Ec2Client ec2 = client("demo:demo")) {
            Ec2Exception missing = catchThrowableOfType(Ec2Exception.class,
                    () -> ec2.describeInstances(r -> r.instanceIds("i-7ffffff0")));
            assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
            assertThat(missing.awsErrorDetails().errorMessage()).contains("i-7ffffff0");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.requestId()).startsWith("req-");
            Ec2Exception malformed = catchThrowableOfType(Ec2Exception.class,
                    () -> ec2.stopInstances(r -> r.instanceIds("vm-1")));
            assertThat(malformed.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.Malformed");
            Ec2Exception image = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(r -> r
                    .imageId("ami-0fffffff").minCount(1).maxCount(1)));
            assertThat(image.awsErrorDetails().errorCode()).isEqualTo("InvalidAMIID.NotFound");
            Ec2Exception flavor = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(r -> r
                    .imageId(ec2.describeImages().images().getFirst().imageId()).minCount(1).maxCount(1)
                    .instanceType("no.such.type")));
            assertThat(flavor.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            Ec2Exception unsupported = catchThrowableOfType(Ec2Exception.class, () -> ec2.runInstances(r -> r
                    .imageId(ec2.describeImages().images().getFirst().imageId()).minCount(1).maxCount(1)
                    .subnetId("subnet-1")));
            assertThat(unsupported.awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
            Ec2Exception filter = catchThrowableOfType(Ec2Exception.class,
                    () -> ec2.describeInstances(r -> r.filters(filter("no-such-filter", "x"))));
            assertThat(filter.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        }
    }

    @EachEngine
    void securityGroups(String engine) {
        on(engine);
        try (Ec2Client ec2 = client("groups:groups"); Ec2Client other = client("someone:elsewhere")) {
            var groups = ec2.describeSecurityGroups().securityGroups();
            assertThat(groups).extracting(g -> g.groupName()).contains("default");
            assertThat(groups).allSatisfy(g -> assertThat(g.ownerId()).isEqualTo("groups"));
            String id = groups.getFirst().groupId();
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups()).hasSize(1);
            Ec2Exception missing = catchThrowableOfType(Ec2Exception.class,
                    () -> ec2.describeSecurityGroups(r -> r.groupNames("no-such-group")));
            assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound");
            // another project's group is not found
            Ec2Exception hidden = catchThrowableOfType(Ec2Exception.class,
                    () -> other.describeSecurityGroups(r -> r.groupIds(id)));
            assertThat(hidden.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound");
        }
    }

    @EachEngine
    void keyPairs(String engine) throws Exception {
        on(engine);
        try (Ec2Client ec2 = client("keys:keys"); Ec2Client other = client("stranger:keys")) {
            CreateKeyPairResponse created = ec2.createKeyPair(r -> r.keyName("made"));
            assertThat(created.keyMaterial()).startsWith("-----BEGIN");
            assertThat(created.keyFingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
            String publicKey = sshRsaPublicKey();
            var imported = ec2.importKeyPair(r -> r.keyName("brought")
                    .publicKeyMaterial(SdkBytes.fromString(publicKey, StandardCharsets.UTF_8)));
            assertThat(imported.keyName()).isEqualTo("brought");
            assertThat(ec2.describeKeyPairs().keyPairs()).extracting(KeyPairInfo::keyName)
                    .containsExactlyInAnyOrder("made", "brought");
            assertThat(ec2.describeKeyPairs(r -> r.keyNames("brought")).keyPairs().getFirst().keyFingerprint())
                    .isEqualTo(imported.keyFingerprint());
            Ec2Exception duplicate = catchThrowableOfType(Ec2Exception.class,
                    () -> ec2.createKeyPair(r -> r.keyName("made")));
            assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("InvalidKeyPair.Duplicate");
            // key pairs belong to the user
            assertThat(other.describeKeyPairs().keyPairs()).isEmpty();
            Ec2Exception missing = catchThrowableOfType(Ec2Exception.class,
                    () -> other.describeKeyPairs(r -> r.keyNames("made")));
            assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidKeyPair.NotFound");
            ec2.deleteKeyPair(r -> r.keyName("made"));
            assertThat(ec2.describeKeyPairs().keyPairs()).extracting(KeyPairInfo::keyName).containsExactly("brought");
        }
    }

    @EachEngine
    void queryProtocolRefusals(String engine) throws Exception {
        on(engine);
        String auth = "AWS4-HMAC-SHA256 Credential=demo:demo/20240101/nova/ec2/aws4_request, "
                + "SignedHeaders=host, Signature=00";
        HttpResponse<String> unknown = post("Action=Frobnicate&Version=2016-11-15", auth);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<Response><Errors><Error><Code>InvalidAction</Code>")
                .contains("<RequestID>req-");
        HttpResponse<String> noAction = post("Version=2016-11-15", auth);
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(noAction.body()).contains("<Code>MissingAction</Code>");
        HttpResponse<String> anonymous = post("Action=DescribeRegions&Version=2016-11-15", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("<Code>MissingAuthenticationToken</Code>");
        // the query-string forms: SigV2 parameters and SigV4's X-Amz-*
        String sigV2 = "?Action=DescribeRegions&Version=2016-11-15&AWSAccessKeyId=demo%3Ademo"
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Signature=x";
        HttpResponse<String> v2 = get(sigV2 + "&Timestamp=" + sigV2Time(Instant.now()));
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(v2.body()).contains("<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
                .contains("<regionName>nova</regionName>");
        HttpResponse<String> v4 = get("?Action=DescribeAvailabilityZones&Version=2014-10-01"
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=demo%3Ademo%2F20240101%2Fnova%2Fec2%2Faws4_request"
                + "&X-Amz-Date=20240101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00");
        assertThat(v4.statusCode()).isEqualTo(200);
        assertThat(v4.body()).contains("xmlns=\"http://ec2.amazonaws.com/doc/2014-10-01/\"")
                .contains("<availabilityZoneInfo><item><zoneName>");
    }

    /** As nova, a SigV2 request's Timestamp must be within 5 minutes of now, its Expires not passed. */
    @EachEngine
    void sigV2RequestsOutOfTimeAreRefused(String engine) throws Exception {
        on(engine);
        String sigV2 = "?Action=DescribeRegions&Version=2016-11-15&AWSAccessKeyId=demo%3Ademo"
                + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Signature=x";
        Instant now = Instant.now();
        for (String time : List.of("Timestamp=" + sigV2Time(now.minus(Duration.ofMinutes(6))),
                "Timestamp=" + sigV2Time(now.plus(Duration.ofMinutes(6))),
                "Timestamp=2024-01-01T00%3A00%3A00Z", "Timestamp=not-a-time",
                "Expires=" + sigV2Time(now.minus(Duration.ofMinutes(1))))) {
            HttpResponse<String> refused = get(sigV2 + "&" + time);
            assertThat(refused.statusCode()).as(time).isEqualTo(403);
            assertThat(refused.body()).contains("<Code>RequestExpired</Code>")
                    .contains("<Message>Timestamp failed validation.</Message>");
        }
        assertThat(get(sigV2 + "&Expires=" + sigV2Time(now.plus(Duration.ofMinutes(10)))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> both = get(sigV2 + "&Timestamp=" + sigV2Time(now) + "&Expires="
                + sigV2Time(now.plus(Duration.ofMinutes(10))));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("<Code>InvalidParameterCombination</Code>");
    }

    /** A SigV2 time, URL-encoded, with milliseconds as the AWS SDK for Java wrote it. */
    private static String sigV2Time(Instant time) {
        return java.net.URLEncoder.encode(java.time.format.DateTimeFormatter.ofPattern(
                "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(time),
                StandardCharsets.UTF_8);
    }

    private String metadata(String fixedIp, String item) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metadataUrl
                + "/latest/meta-data/" + item)).header("X-Forwarded-For", fixedIp).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ec2Url + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ec2Url + "/" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> instanceIds(DescribeInstancesResponse response) {
        return response.reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId)
                .toList();
    }

    /** A fresh RSA public key as an OpenSSH line. */
    static String sshRsaPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        byte[] type = "ssh-rsa".getBytes(StandardCharsets.US_ASCII);
        byte[] e = key.getPublicExponent().toByteArray();
        byte[] n = key.getModulus().toByteArray();
        ByteBuffer blob = ByteBuffer.allocate(12 + type.length + e.length + n.length);
        blob.putInt(type.length).put(type).putInt(e.length).put(e).putInt(n.length).put(n);
        return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.array()) + " test@jnova";
    }
}
