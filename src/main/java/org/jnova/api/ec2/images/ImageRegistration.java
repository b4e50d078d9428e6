package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.MappingValues;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.SnapshotLookup;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.utils.JsonMappers;
import org.jnova.volume.VolumeApi;

/**
 * RegisterImage and DeregisterImage. There is no S3 object store, so an image cannot be
 * registered from a bundle manifest ({@code ImageLocation}); what can be registered is a
 * volume-backed image: {@code RootDeviceName} and {@code BlockDeviceMapping.N} whose root
 * device is made from a snapshot ({@code Ebs.SnapshotId}). The image holds no data and is
 * active at once; its {@code block_device_mapping} property lists the mappings as the images
 * createImage makes of volume-backed servers do.
 */
final class ImageRegistration {
    private static final ObjectMapper JSON = JsonMappers.standard();
    /** Parameters of RegisterImage it cannot honour: refused rather than ignored. */
    private static final List<String> UNSUPPORTED = List.of("KernelId", "RamdiskId", "BillingProduct",
            "SriovNetSupport", "EnaSupport", "BootMode", "TpmSupport", "UefiData", "ImdsSupport", "TagSpecification");
    /** The fields of one BlockDeviceMapping.N it reads. */
    private static final Set<String> MAPPING_FIELDS = Set.of("DeviceName", "NoDevice", "Ebs.SnapshotId",
            "Ebs.VolumeSize", "Ebs.DeleteOnTermination", "Ebs.VolumeType");

    private final ImagesApi images;
    private final VolumeApi volumes;
    private final Ec2Ids ids;
    private final ImageLookup lookup;
    private final ImageNames names;

    ImageRegistration(ImagesApi images, VolumeApi volumes, Ec2Ids ids, ImageLookup lookup, ImageNames names) {
        this.images = requireNonNull(images, "images is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.names = requireNonNull(names, "names is null");
    }

    Map<String, ?> register(Ec2Request call) {
        RequestContext ctx = call.context();
        if (call.param("ImageLocation").isPresent()) {
            throw Ec2Error.client("UnsupportedOperation", "Registering an image from a manifest (ImageLocation) is "
                    + "not supported: this cloud has no S3 object store. Register a volume-backed image with "
                    + "RootDeviceName and BlockDeviceMapping.N.Ebs.SnapshotId instead.");
        }
        for (String key : call.params().keySet()) {
            if (UNSUPPORTED.stream().anyMatch(p -> key.equals(p) || key.startsWith(p + "."))) {
                throw unsupported(key);
            }
        }
        String name = call.required("Name");
        names.check(ctx, name);
        String virtualization = call.param("VirtualizationType").orElse("hvm");
        if (!virtualization.equals("hvm")) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + virtualization + "' for VirtualizationType: "
                    + "only hvm is supported");
        }
        String root = call.required("RootDeviceName");
        if (root.isBlank()) {
            throw Ec2Error.invalidParameterValue("RootDeviceName must not be empty");
        }
        List<Map<String, String>> requested = call.structures("BlockDeviceMapping");
        if (requested.isEmpty()) {
            throw Ec2Error.missingParameter("BlockDeviceMapping");
        }
        List<Map<String, Object>> mappings = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        boolean rootFromSnapshot = false;
        for (int n = 0; n < requested.size(); n++) {
            Map<String, Object> mapping = mapping(ctx, requested.get(n), n + 1, root);
            String device = MappingValues.stripDev((String) mapping.get("device_name"));
            if (!devices.add(device)) {
                throw invalidMapping("The device name " + mapping.get("device_name") + " is used more than once");
            }
            if (device.equals(MappingValues.stripDev(root))) {
                rootFromSnapshot = mapping.get("snapshot_id") != null;
            }
            mappings.add(mapping);
        }
        if (!rootFromSnapshot) {
            throw invalidMapping("The root device " + root + " needs a block device mapping with Ebs.SnapshotId");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("root_device_name", root);
        properties.put("block_device_mapping", json(mappings));
        properties.put("bdm_v2", "True");
        call.param("Architecture").ifPresent(a -> properties.put("architecture", a));
        call.param("Description").ifPresent(d -> properties.put("description", d));
        Image blank = new Image(UUID.randomUUID().toString(), name, "active", 0, 0, 0, properties, null, null);
        Image image = images.createSnapshot(ctx, ctx.requireProjectId(), blank);
        return Map.of("imageId", lookup.ec2Id(image));
    }

    /** One BlockDeviceMapping.N as a v2 mapping: a volume from a snapshot, a blank volume, or no device. */
    private Map<String, Object> mapping(RequestContext ctx, Map<String, String> fields, int n, String root) {
        String prefix = "BlockDeviceMapping." + n + ".";
        for (String field : fields.keySet()) {
            if (field.equals("VirtualName") || !MAPPING_FIELDS.contains(field)) {
                throw unsupported(prefix + field);
            }
        }
        String device = fields.get("DeviceName");
        if (device == null || device.isBlank()) {
            throw Ec2Error.missingParameter(prefix + "DeviceName");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_type", null);
        m.put("destination_type", null);
        m.put("snapshot_id", null);
        m.put("volume_id", null);
        m.put("image_id", null);
        m.put("volume_size", null);
        boolean isRoot = MappingValues.stripDev(device).equals(MappingValues.stripDev(root));
        m.put("boot_index", isRoot ? 0 : null);
        m.put("device_name", device);
        m.put("delete_on_termination", false);
        m.put("no_device", null);
        if (fields.containsKey("NoDevice")) {
            m.put("no_device", true);
            return m;
        }
        String snapshotEc2Id = fields.get("Ebs.SnapshotId");
        String sizeText = fields.get("Ebs.VolumeSize");
        if (snapshotEc2Id == null && sizeText == null) {
            throw invalidMapping("The block device mapping of " + device + " needs Ebs.SnapshotId or "
                    + "Ebs.VolumeSize");
        }
        String volumeType = fields.getOrDefault("Ebs.VolumeType", "standard");
        if (!volumeType.equals("standard")) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + volumeType + "' for " + prefix
                    + "Ebs.VolumeType: only standard is supported");
        }
        Integer size = sizeText == null ? null : MappingValues.volumeSize(prefix, sizeText);
        m.put("destination_type", "volume");
        m.put("delete_on_termination", MappingValues.flag(prefix + "Ebs.DeleteOnTermination",
                fields.getOrDefault("Ebs.DeleteOnTermination", "true")));
        if (snapshotEc2Id != null) {
            VolumeSnapshot snapshot = snapshot(ctx, snapshotEc2Id);
            if (size != null && size < snapshot.volumeSize()) {
                throw invalidMapping("Volume of " + size + " GiB is smaller than snapshot " + snapshotEc2Id
                        + ", expect size >= " + snapshot.volumeSize() + " GiB");
            }
            m.put("source_type", "snapshot");
            m.put("snapshot_id", snapshot.id());
            m.put("volume_size", size != null ? size : snapshot.volumeSize());
        } else {
            m.put("source_type", "blank");
            m.put("volume_size", size);
        }
        return m;
    }

    /** The caller's snapshot {@code snap-...} names. */
    private VolumeSnapshot snapshot(RequestContext ctx, String ec2Id) {
        return SnapshotLookup.find(volumes, ids, ctx, ec2Id);
    }

    /** DeregisterImage: the image service's delete, as the owner or an admin. */
    Map<String, ?> deregister(Ec2Request call) {
        RequestContext ctx = call.context();
        Image image = lookup.find(ctx, call.required("ImageId"));
        images.delete(ctx, image.id());
        return Map.of("return", true);
    }

    private static Ec2Error invalidMapping(String message) {
        return Ec2Error.client("InvalidBlockDeviceMapping", message);
    }

    private static Ec2Error unsupported(String parameter) {
        return Ec2Error.client("UnsupportedOperation", "The parameter " + parameter + " is not supported.");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
