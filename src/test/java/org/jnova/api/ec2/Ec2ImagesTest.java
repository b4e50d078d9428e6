package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jnova.testing.Ec2Clients.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jnova.compute.SeedData;
import org.jnova.image.GlanceTestServer;
import org.jnova.testing.EachEngine;
import org.jnova.testing.Ec2Clients;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.GetPasswordDataResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;

/**
 * The EC2 API's image calls (RegisterImage, DeregisterImage, CreateImage,
 * DescribeImageAttribute, ModifyImageAttribute) and GetPasswordData on a real socket, spoken
 * to by the AWS SDK for Java v2 with noauth2 (the access key names user:project; user admin
 * is an administrator), on every database engine; and once against the operator's Glance.
 */
class Ec2ImagesTest {
    /** The metadata service finds the instance by the forwarded address, as behind nova's proxy. */
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[api]", "use_forwarded_for = true");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @EachEngine
    void registerDescribeAndDeregister(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "reg-" + engine;
        try (Ec2Client ec2 = client(jnova, "owner:" + project); Ec2Client other = client(jnova, "stranger:" + project
                + "-other")) {
            String snapshot = snapshot(ec2, 2);
            String imageId = ec2.registerImage(r -> r.name("web root (1)").description("the web tier")
                    .architecture("x86_64").rootDeviceName("/dev/vda").blockDeviceMappings(
                            fromSnapshot("/dev/vda", snapshot, null, false),
                            BlockDeviceMapping.builder().deviceName("/dev/vdb")
                                    .ebs(EbsBlockDevice.builder().volumeSize(3).build()).build())).imageId();
            assertThat(imageId).matches("ami-[0-9a-f]{8}");

            Image image = ec2.describeImages(r -> r.imageIds(imageId)).images().getFirst();
            assertThat(image.name()).isEqualTo("web root (1)");
            assertThat(image.description()).isEqualTo("the web tier");
            assertThat(image.state()).isEqualTo(ImageState.AVAILABLE);
            assertThat(image.ownerId()).isEqualTo(project);
            assertThat(image.publicLaunchPermissions()).isFalse();
            assertThat(image.rootDeviceTypeAsString()).isEqualTo("ebs");
            assertThat(image.rootDeviceName()).isEqualTo("/dev/vda");
            assertThat(image.blockDeviceMappings()).hasSize(2);
            BlockDeviceMapping root = image.blockDeviceMappings().getFirst();
            assertThat(root.deviceName()).isEqualTo("/dev/vda");
            assertThat(root.ebs().snapshotId()).isEqualTo(snapshot);
            assertThat(root.ebs().volumeSize()).isEqualTo(2);
            assertThat(root.ebs().deleteOnTermination()).isFalse();
            BlockDeviceMapping data = image.blockDeviceMappings().get(1);
            assertThat(data.deviceName()).isEqualTo("/dev/vdb");
            assertThat(data.ebs().snapshotId()).isNull();
            assertThat(data.ebs().volumeSize()).isEqualTo(3);
            assertThat(data.ebs().deleteOnTermination()).isTrue();
            assertThat(imageIds(ec2.describeImages().images())).contains(imageId);
            assertThat(imageIds(ec2.describeImages(r -> r.filters(filter("root-device-type", "ebs"))).images()))
                    .containsExactly(imageId);
            assertThat(imageIds(ec2.describeImages(r -> r.filters(filter("name", "web root*"))).images()))
                    .containsExactly(imageId);

            // the compute API's image catalog has it too, with the mapping nova writes
            JsonNode computeImage = computeImage(jnova, "owner:" + project, "web root (1)");
            assertThat(computeImage.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(computeImage.path("metadata").path("bdm_v2").asText()).isEqualTo("True");
            assertThat(computeImage.path("metadata").path("block_device_mapping").asText()).contains("\"snapshot\"");

            // what RegisterImage refuses
            assertCode("UnsupportedOperation", () -> ec2.registerImage(r -> r.name("bundle")
                    .imageLocation("bucket/image.manifest.xml")));
            assertCode("MissingParameter", () -> ec2.registerImage(r -> r.rootDeviceName("/dev/vda")
                    .blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));
            assertCode("InvalidAMIName.Malformed", () -> ec2.registerImage(r -> r.name("ab").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));
            assertCode("InvalidAMIName.Malformed", () -> ec2.registerImage(r -> r.name("no!bang")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));
            assertCode("InvalidAMIName.Duplicate", () -> ec2.registerImage(r -> r.name("web root (1)")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));
            assertCode("MissingParameter", () -> ec2.registerImage(r -> r.name("no root")
                    .blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));
            assertCode("MissingParameter", () -> ec2.registerImage(r -> r.name("no mappings")
                    .rootDeviceName("/dev/vda")));
            assertCode("InvalidBlockDeviceMapping", () -> ec2.registerImage(r -> r.name("root elsewhere")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vdc", snapshot, null, true))));
            assertCode("InvalidBlockDeviceMapping", () -> ec2.registerImage(r -> r.name("too small")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, 1, true))));
            assertCode("InvalidSnapshot.NotFound", () -> ec2.registerImage(r -> r.name("no snapshot")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", "snap-7ffffff0", null,
                            true))));
            assertCode("InvalidSnapshotID.Malformed", () -> ec2.registerImage(r -> r.name("bad snapshot")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", "vol-1", null, true))));
            assertCode("UnsupportedOperation", () -> ec2.registerImage(r -> r.name("with kernel")
                    .kernelId("aki-00000001").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));

            // another project neither sees the image nor may use the snapshot
            assertThat(imageIds(other.describeImages().images())).doesNotContain(imageId);
            assertCode("InvalidAMIID.NotFound", () -> other.describeImages(r -> r.imageIds(imageId)));
            assertCode("InvalidAMIID.NotFound", () -> other.deregisterImage(r -> r.imageId(imageId)));
            assertCode("InvalidAMIID.NotFound", () -> other.describeImageAttribute(r -> r.imageId(imageId)
                    .attribute("launchPermission")));
            assertCode("InvalidAMIID.NotFound", () -> other.modifyImageAttribute(r -> r.imageId(imageId)
                    .launchPermission(p -> p.remove(all()))));
            assertCode("InvalidSnapshot.NotFound", () -> other.registerImage(r -> r.name("stolen")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))));
            assertThat(imageIds(ec2.describeImages(r -> r.imageIds(imageId)).images())).containsExactly(imageId);

            // deregistered: gone, the snapshot stays
            ec2.deregisterImage(r -> r.imageId(imageId));
            assertCode("InvalidAMIID.NotFound", () -> ec2.describeImages(r -> r.imageIds(imageId)));
            assertCode("InvalidAMIID.NotFound", () -> ec2.deregisterImage(r -> r.imageId(imageId)));
            assertCode("InvalidAMIID.Malformed", () -> ec2.deregisterImage(r -> r.imageId("img-1")));
            assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshot)).snapshots()).hasSize(1);
        }
    }

    @EachEngine
    void imageAttributes(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "attr-" + engine;
        try (Ec2Client ec2 = client(jnova, "owner:" + project); Ec2Client other = client(jnova, "stranger:" + project
                + "-other"); Ec2Client admin = client(jnova, "admin:admin")) {
            String snapshot = snapshot(ec2, 1);
            String imageId = ec2.registerImage(r -> r.name("attributes").description("described")
                    .rootDeviceName("/dev/vda").blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true)))
                    .imageId();

            DescribeImageAttributeResponse permission = ec2.describeImageAttribute(r -> r.imageId(imageId)
                    .attribute("launchPermission"));
            assertThat(permission.imageId()).isEqualTo(imageId);
            assertThat(permission.launchPermissions()).isEmpty();
            assertThat(ec2.describeImageAttribute(r -> r.imageId(imageId).attribute("description")).description()
                    .value()).isEqualTo("described");
            List<BlockDeviceMapping> mappings = ec2.describeImageAttribute(r -> r.imageId(imageId)
                    .attribute("blockDeviceMapping")).blockDeviceMappings();
            assertThat(mappings).extracting(BlockDeviceMapping::deviceName).containsExactly("/dev/vda");
            assertThat(mappings.getFirst().ebs().snapshotId()).isEqualTo(snapshot);
            assertThat(ec2.describeImageAttribute(r -> r.imageId(imageId).attribute("kernel")).kernelId()).isNull();
            assertThat(ec2.describeImageAttribute(r -> r.imageId(imageId).attribute("ramdisk")).ramdiskId())
                    .isNull();
            // rootDeviceName is not in the SDK's model: read from the XML
            HttpResponse<String> rootDevice = post(jnova, "owner:" + project, "Action=DescribeImageAttribute"
                    + "&Version=2016-11-15&ImageId=" + imageId + "&Attribute=rootDeviceName");
            assertThat(rootDevice.statusCode()).isEqualTo(200);
            assertThat(rootDevice.body()).contains("<imageId>" + imageId + "</imageId>")
                    .contains("<rootDeviceName>/dev/vda</rootDeviceName>");
            assertCode("InvalidParameterValue", () -> ec2.describeImageAttribute(r -> r.imageId(imageId)
                    .attribute("sriovNetSupport")));
            assertCode("InvalidAMIID.NotFound", () -> ec2.describeImageAttribute(r -> r.imageId("ami-7ffffff0")
                    .attribute("kernel")));

            // the owner may not make it public: glance's publicize_image is an admin's
            Ec2Exception publicize = catchThrowableOfType(Ec2Exception.class, () -> ec2.modifyImageAttribute(r -> r
                    .imageId(imageId).launchPermission(p -> p.add(all()))));
            assertThat(publicize.statusCode()).isEqualTo(403);
            assertThat(publicize.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(isPublic(ec2, imageId)).isFalse();
            assertThat(imageIds(other.describeImages().images())).doesNotContain(imageId);

            // an admin may; then every project sees it, and launchPermission is group all
            admin.modifyImageAttribute(r -> r.imageId(imageId).launchPermission(p -> p.add(all())));
            assertThat(isPublic(ec2, imageId)).isTrue();
            assertThat(ec2.describeImageAttribute(r -> r.imageId(imageId).attribute("launchPermission"))
                    .launchPermissions()).extracting(LaunchPermission::group).containsExactly(PermissionGroup.ALL);
            assertThat(imageIds(other.describeImages().images())).contains(imageId);
            assertThat(imageIds(ec2.describeImages(r -> r.filters(filter("is-public", "true"))).images()))
                    .contains(imageId);

            // another project sees it but may change nothing
            Ec2Exception notOwner = catchThrowableOfType(Ec2Exception.class, () -> other.modifyImageAttribute(r -> r
                    .imageId(imageId).launchPermission(p -> p.remove(all()))));
            assertThat(notOwner.statusCode()).isEqualTo(403);
            assertThat(notOwner.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            Ec2Exception deregister = catchThrowableOfType(Ec2Exception.class,
                    () -> other.deregisterImage(r -> r.imageId(imageId)));
            assertThat(deregister.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(isPublic(other, imageId)).isTrue();

            // the owner makes it private again, in the older form (Attribute, OperationType, UserGroup.N)
            ec2.modifyImageAttribute(r -> r.imageId(imageId).attribute("launchPermission")
                    .operationType(OperationType.REMOVE).userGroups("all"));
            assertThat(isPublic(ec2, imageId)).isFalse();
            assertThat(imageIds(other.describeImages().images())).doesNotContain(imageId);
            ec2.modifyImageAttribute(r -> r.imageId(imageId).launchPermission(p -> p.remove(all())));
            assertThat(isPublic(ec2, imageId)).isFalse();

            // only group all, only launchPermission
            assertCode("InvalidParameterValue", () -> ec2.modifyImageAttribute(r -> r.imageId(imageId)
                    .launchPermission(p -> p.add(LaunchPermission.builder().userId("someone").build()))));
            assertCode("InvalidParameterValue", () -> ec2.modifyImageAttribute(r -> r.imageId(imageId)
                    .attribute("launchPermission").operationType(OperationType.ADD).userGroups("friends")));
            assertCode("InvalidParameterValue", () -> ec2.modifyImageAttribute(r -> r.imageId(imageId)
                    .attribute("description").value("new")));
            assertCode("MissingParameter", () -> ec2.modifyImageAttribute(r -> r.imageId(imageId)));
            assertCode("InvalidAMIID.NotFound", () -> ec2.modifyImageAttribute(r -> r.imageId("ami-7ffffff0")
                    .launchPermission(p -> p.add(all()))));
        }
    }

    @EachEngine
    void createImageOfARunningInstance(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "snap-" + engine;
        String token = "owner:" + project;
        try (Ec2Client ec2 = client(jnova, token); Ec2Client other = client(jnova, "stranger:" + project + "-other")) {
            String cirros = ec2.describeImages(r -> r.filters(filter("name", "cirros*"))).images().getFirst()
                    .imageId();
            String id = ec2.runInstances(r -> r.imageId(cirros).minCount(1).maxCount(1).instanceType("m1.tiny"))
                    .instances().getFirst().instanceId();
            waitFor(ec2, id, InstanceStateName.RUNNING);

            // by default the instance is stopped for the snapshot and started again
            String imageId = ec2.createImage(r -> r.instanceId(id).name("snap of web").description("nightly"))
                    .imageId();
            assertThat(imageId).matches("ami-[0-9a-f]{8}");
            Image image = waitForImage(ec2, imageId, ImageState.AVAILABLE);
            assertThat(image.name()).isEqualTo("snap of web");
            assertThat(image.description()).isEqualTo("nightly");
            assertThat(image.ownerId()).isEqualTo(project);
            assertThat(image.publicLaunchPermissions()).isFalse();
            assertThat(image.rootDeviceTypeAsString()).isEqualTo("instance-store");
            waitFor(ec2, id, InstanceStateName.RUNNING);
            String serverId = EngineServers.call(jnova, "GET", "/servers", null, "2.1", 200, token).path("servers")
                    .get(0).path("id").asText();
            assertThat(actions(jnova, token, serverId)).containsSubsequence("start", "createImage", "stop", "create");

            // NoReboot: the instance keeps running
            String quick = ec2.createImage(r -> r.instanceId(id).name("quick").noReboot(true)).imageId();
            waitForImage(ec2, quick, ImageState.AVAILABLE);
            assertThat(actions(jnova, token, serverId)).containsSubsequence("createImage", "start", "createImage")
                    .filteredOn("stop"::equals).hasSize(1);
            assertThat(waitFor(ec2, id, InstanceStateName.RUNNING).state().name()).isEqualTo(InstanceStateName.RUNNING);

            // an instance can be launched from the new image
            Instance launched = ec2.runInstances(r -> r.imageId(imageId).minCount(1).maxCount(1)
                    .instanceType("m1.tiny")).instances().getFirst();
            assertThat(launched.imageId()).isEqualTo(imageId);

            assertCode("InvalidAMIName.Duplicate", () -> ec2.createImage(r -> r.instanceId(id).name("quick")
                    .noReboot(true)));
            assertCode("InvalidAMIName.Malformed", () -> ec2.createImage(r -> r.instanceId(id).name("x")));
            assertCode("UnsupportedOperation", () -> ec2.createImage(r -> r.instanceId(id).name("mapped")
                    .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/vdb").noDevice("").build())));
            assertCode("InvalidInstanceID.NotFound", () -> ec2.createImage(r -> r.instanceId("i-7ffffff0")
                    .name("nothing")));
            assertCode("InvalidInstanceID.Malformed", () -> ec2.createImage(r -> r.instanceId("vm-1")
                    .name("nothing")));

            // another project can neither snapshot the instance nor see or remove the image
            assertCode("InvalidInstanceID.NotFound", () -> other.createImage(r -> r.instanceId(id).name("theirs")));
            assertCode("InvalidAMIID.NotFound", () -> other.describeImages(r -> r.imageIds(imageId)));
            assertCode("InvalidAMIID.NotFound", () -> other.deregisterImage(r -> r.imageId(imageId)));
            ec2.deregisterImage(r -> r.imageId(quick));
            assertThat(imageIds(ec2.describeImages().images())).contains(imageId).doesNotContain(quick);
        }
    }

    @EachEngine
    void createImageOfAVolumeBackedInstance(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String project = "vbsnap-" + engine;
        String token = "owner:" + project;
        try (Ec2Client ec2 = client(jnova, token)) {
            EngineServers.call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"vb\", \"flavorRef\": \"1\", "
                    + "\"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \""
                    + SeedData.CIRROS_IMAGE_ID + "\", \"destination_type\": \"volume\", \"volume_size\": 1, "
                    + "\"boot_index\": 0, \"delete_on_termination\": true}]}}", "2.1", 202, token);
            String id = waitForOnly(ec2, InstanceStateName.RUNNING).instanceId();

            String imageId = ec2.createImage(r -> r.instanceId(id).name("volume backed").noReboot(true)).imageId();
            Image image = ec2.describeImages(r -> r.imageIds(imageId)).images().getFirst();
            assertThat(image.state()).isEqualTo(ImageState.AVAILABLE);
            assertThat(image.rootDeviceTypeAsString()).isEqualTo("ebs");
            assertThat(image.rootDeviceName()).isEqualTo("/dev/vda");
            assertThat(image.blockDeviceMappings()).hasSize(1);
            String snapshot = image.blockDeviceMappings().getFirst().ebs().snapshotId();
            assertThat(snapshot).matches("snap-[0-9a-f]{8}");
            assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshot)).snapshots()).hasSize(1);
            assertThat(waitFor(ec2, id, InstanceStateName.RUNNING).state().name()).isEqualTo(InstanceStateName.RUNNING);

            // a stopped instance is snapshotted as it is and stays stopped
            ec2.stopInstances(r -> r.instanceIds(id));
            waitFor(ec2, id, InstanceStateName.STOPPED);
            String stopped = ec2.createImage(r -> r.instanceId(id).name("while stopped")).imageId();
            assertThat(ec2.describeImages(r -> r.imageIds(stopped)).images().getFirst().rootDeviceTypeAsString())
                    .isEqualTo("ebs");
            assertThat(waitFor(ec2, id, InstanceStateName.STOPPED).state().name()).isEqualTo(InstanceStateName.STOPPED);
        }
    }

    @EachEngine
    void passwordData(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String metadataUrl = jnova.startMetadata();
        String project = "pw-" + engine;
        try (Ec2Client ec2 = client(jnova, "owner:" + project); Ec2Client other = client(jnova, "stranger:" + project
                + "-other")) {
            String cirros = ec2.describeImages(r -> r.filters(filter("name", "cirros*"))).images().getFirst()
                    .imageId();
            String id = ec2.runInstances(r -> r.imageId(cirros).minCount(1).maxCount(1).instanceType("m1.tiny"))
                    .instances().getFirst().instanceId();
            Instance running = waitFor(ec2, id, InstanceStateName.RUNNING);

            GetPasswordDataResponse none = ec2.getPasswordData(r -> r.instanceId(id));
            assertThat(none.instanceId()).isEqualTo(id);
            assertThat(none.passwordData()).isNullOrEmpty();
            assertThat(none.timestamp()).isNotNull();

            // the guest posts its encrypted password to the metadata service
            String encrypted = "c2VjcmV0IGVuY3J5cHRlZCB3aXRoIHRoZSBrZXkgcGFpcg==".repeat(8);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(metadataUrl
                    + "/openstack/latest/password")).header("X-Forwarded-For", running.privateIpAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(encrypted)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            GetPasswordDataResponse data = ec2.getPasswordData(r -> r.instanceId(id));
            assertThat(data.passwordData()).isEqualTo(encrypted);
            assertThat(data.timestamp()).isNotNull();

            assertCode("InvalidInstanceID.NotFound", () -> other.getPasswordData(r -> r.instanceId(id)));
            assertCode("InvalidInstanceID.NotFound", () -> ec2.getPasswordData(r -> r.instanceId("i-7ffffff0")));
            assertCode("MissingParameter", () -> ec2.getPasswordData(r -> { }));
        }
    }

    /**
     * With {@code [glance] api_servers} the images live in the operator's Glance (Debian's
     * glance-api on loopback, without authentication): RegisterImage creates the image there,
     * ModifyImageAttribute patches its visibility, DeregisterImage deletes it. Glance decides who
     * may publicize: its default (admins only) refuses the unauthenticated caller, so it runs
     * with a policy that lets anyone.
     */
    @Test
    void imagesInTheOperatorsGlance() throws Exception {
        java.nio.file.Path policy = java.nio.file.Files.createTempFile("glance-policy", ".yaml");
        java.nio.file.Files.writeString(policy, "\"publicize_image\": \"\"\n");
        policy.toFile().deleteOnExit();
        try (GlanceTestServer glance = GlanceTestServer.start(List.of("[paste_deploy]", "flavor =", "[oslo_policy]",
                "policy_file = " + policy));
                JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]", "api_servers = " + glance.url());
                Ec2Client ec2 = client(jnova, "owner:glance")) {
            String snapshot = snapshot(ec2, 1);
            String imageId = ec2.registerImage(r -> r.name("in glance").rootDeviceName("/dev/vda")
                    .blockDeviceMappings(fromSnapshot("/dev/vda", snapshot, null, true))).imageId();
            JsonNode listed = glance.json("GET", "/v2/images?name=in%20glance", null, null, 200).path("images");
            assertThat(listed).hasSize(1);
            String uuid = listed.get(0).path("id").asText();
            assertThat(listed.get(0).path("visibility").asText()).isEqualTo("private");
            assertThat(listed.get(0).path("status").asText()).isEqualTo("active");
            assertThat(listed.get(0).path("bdm_v2").asText()).isEqualTo("True");
            assertThat(listed.get(0).path("root_device_name").asText()).isEqualTo("/dev/vda");
            assertThat(listed.get(0).path("block_device_mapping").asText()).contains("\"snapshot\"");
            Image image = ec2.describeImages(r -> r.imageIds(imageId)).images().getFirst();
            assertThat(image.rootDeviceTypeAsString()).isEqualTo("ebs");
            assertThat(image.blockDeviceMappings().getFirst().ebs().snapshotId()).isEqualTo(snapshot);

            ec2.modifyImageAttribute(r -> r.imageId(imageId).launchPermission(p -> p.add(all())));
            assertThat(glance.json("GET", "/v2/images/" + uuid, null, null, 200).path("visibility").asText())
                    .isEqualTo("public");
            assertThat(ec2.describeImageAttribute(r -> r.imageId(imageId).attribute("launchPermission"))
                    .launchPermissions()).extracting(LaunchPermission::group).containsExactly(PermissionGroup.ALL);
            ec2.modifyImageAttribute(r -> r.imageId(imageId).launchPermission(p -> p.remove(all())));
            assertThat(glance.json("GET", "/v2/images/" + uuid, null, null, 200).path("visibility").asText())
                    .isEqualTo("private");

            ec2.deregisterImage(r -> r.imageId(imageId));
            assertThat(glance.call("GET", "/v2/images/" + uuid, null, null).statusCode()).isEqualTo(404);
            assertCode("InvalidAMIID.NotFound", () -> ec2.describeImages(r -> r.imageIds(imageId)));
        }
    }

    private static Ec2Client client(JnovaTestServer jnova, String accessKey) {
        return Ec2Clients.noauth(jnova.startEc2(), accessKey);
    }

    /** A snapshot of a new volume of {@code size} GiB. */
    private static String snapshot(Ec2Client ec2, int size) {
        String volume = ec2.createVolume(r -> r.size(size)).volumeId();
        return ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
    }

    private static BlockDeviceMapping fromSnapshot(String device, String snapshot, Integer size, boolean delete) {
        return BlockDeviceMapping.builder().deviceName(device).ebs(EbsBlockDevice.builder().snapshotId(snapshot)
                .volumeSize(size).deleteOnTermination(delete).build()).build();
    }

    private static LaunchPermission all() {
        return LaunchPermission.builder().group(PermissionGroup.ALL).build();
    }

    private static boolean isPublic(Ec2Client ec2, String imageId) {
        return ec2.describeImages(r -> r.imageIds(imageId)).images().getFirst().publicLaunchPermissions();
    }

    private static List<String> imageIds(List<Image> images) {
        return images.stream().map(Image::imageId).toList();
    }

    private static void assertCode(String code, Executable call) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call::execute);
        assertThat(e).as("expected " + code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    /** The compute API's view of the project's image named {@code name}. */
    private static JsonNode computeImage(JnovaTestServer jnova, String token, String name) throws Exception {
        JsonNode images = EngineServers.call(jnova, "GET", "/images/detail?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), null, "2.1", 200, token).path("images");
        assertThat(images).hasSize(1);
        return images.get(0);
    }

    /** The server's instance actions, newest first. */
    private static List<String> actions(JnovaTestServer jnova, String token, String serverId) throws Exception {
        JsonNode actions = EngineServers.call(jnova, "GET", "/servers/" + serverId + "/os-instance-actions", null,
                "2.1", 200, token).path("instanceActions");
        return java.util.stream.StreamSupport.stream(actions.spliterator(), false).map(a -> a.path("action")
                .asText()).toList();
    }

    private HttpResponse<String> post(JnovaTestServer jnova, String accessKey, String form) throws Exception {
        String auth = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20240101/nova/ec2/aws4_request, "
                + "SignedHeaders=host, Signature=00";
        return http.send(HttpRequest.newBuilder(URI.create(jnova.startEc2() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Image waitForImage(Ec2Client ec2, String imageId, ImageState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Image image = ec2.describeImages(r -> r.imageIds(imageId)).images().getFirst();
            if (image.state() == state || System.nanoTime() > deadline) {
                assertThat(image.state()).isEqualTo(state);
                return image;
            }
            Thread.sleep(50);
        }
    }

    private static Instance waitFor(Ec2Client ec2, String id, InstanceStateName state) throws InterruptedException {
        return waitUntil(ec2, r -> r.instanceIds(id), state);
    }

    /** The project's one instance once it reaches {@code state}. */
    private static Instance waitForOnly(Ec2Client ec2, InstanceStateName state) throws InterruptedException {
        return waitUntil(ec2, r -> { }, state);
    }

    private static Instance waitUntil(Ec2Client ec2,
            java.util.function.Consumer<software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest.Builder>
                    request, InstanceStateName state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Predicate<Instance> reached = i -> i.state().name() == state;
        while (true) {
            List<Instance> found = ec2.describeInstances(request).reservations().stream()
                    .flatMap(r -> r.instances().stream()).toList();
            if (found.size() == 1 && reached.test(found.getFirst()) || System.nanoTime() > deadline) {
                assertThat(found).hasSize(1);
                assertThat(found.getFirst().state().name()).isEqualTo(state);
                return found.getFirst();
            }
            Thread.sleep(50);
        }
    }
}
