package org.jnova.api.ec2.instances;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.MappingValues;
import org.jnova.api.ec2.protocol.SnapshotLookup;
import org.jnova.compute.BlockDeviceRequest;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.ImageBlockDevices;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.volume.VolumeApi;

/**
 * RunInstances' {@code BlockDeviceMapping.N} as the compute API's block_device_mapping_v2:
 * {@code Ebs.SnapshotId} a volume made from the snapshot, {@code Ebs.VolumeSize} alone a blank
 * volume, {@code VirtualName} ({@code ephemeralN}) a blank local disk, {@code NoDevice} a
 * mapping without source that suppresses the image's mapping of that device. A mapping naming
 * a device the image maps is merged with it, as nova's later EC2 API (ec2-api) merged them: what
 * it does not say (snapshot, size, DeleteOnTermination) is the image's, so the root volume of
 * an EBS image can be made larger or kept after termination. The compute API merges the result
 * with the image's other mappings.
 */
public final class RunBlockDevices {
    private static final Set<String> FIELDS = Set.of("DeviceName", "NoDevice", "VirtualName", "Ebs.SnapshotId",
            "Ebs.VolumeSize", "Ebs.DeleteOnTermination", "Ebs.VolumeType", "Ebs.Encrypted");
    /** AWS's volume types: accepted and ignored, as nova's EC2 API dropped them (the volume service has one). */
    private static final Set<String> VOLUME_TYPES = Set.of("standard", "gp2", "gp3", "io1", "io2", "st1", "sc1");
    private static final Pattern EPHEMERAL = Pattern.compile("ephemeral([0-9]|1[0-9]|2[0-3])");
    /** The compute API's root device when the image names none. */
    private static final String COMPUTE_ROOT = "vda";
    /** nova's DEFAULT_ROOT_DEV_NAME, what DescribeImages shows when the image names none. */
    private static final String SHOWN_ROOT = "sda1";

    private final ImagesApi images;
    private final VolumeApi volumes;
    private final Ec2Ids ids;

    public RunBlockDevices(ImagesApi images, VolumeApi volumes, Ec2Ids ids) {
        this.images = requireNonNull(images, "images is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /**
     * The v2 mappings to boot {@code imageUuid} with; empty when the request has no
     * BlockDeviceMapping.N (the compute API then applies the image's own as they are).
     */
    Optional<List<BlockDeviceRequest>> read(RequestContext ctx, List<Map<String, String>> requested,
            String imageUuid) {
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        Image image = images.find(ctx, imageUuid).orElseThrow(() -> new ComputeErrors.ImageNotFound(imageUuid));
        ImageDevices imageDevices = ImageDevices.of(image);
        List<BlockDeviceRequest> out = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        for (int n = 0; n < requested.size(); n++) {
            BlockDeviceRequest mapping = mapping(ctx, requested.get(n), "BlockDeviceMapping." + (n + 1) + ".",
                    imageDevices);
            if (!devices.add(MappingValues.stripDev(mapping.deviceName()))) {
                throw invalidMapping("The device '" + MappingValues.stripDev(mapping.deviceName())
                        + "' is used in more than one "
                        + "block-device mapping");
            }
            out.add(mapping);
        }
        if (!imageDevices.rootIsVolume()) {
            // what clients add for an imageRef boot in the v2 form: the image on the local root disk
            out.addFirst(BlockDeviceRequest.image(imageUuid));
        }
        return Optional.of(out);
    }

    private BlockDeviceRequest mapping(RequestContext ctx, Map<String, String> fields, String prefix,
            ImageDevices image) {
        for (String field : fields.keySet()) {
            if (!FIELDS.contains(field)) {
                throw Ec2Error.client("UnsupportedOperation", "The parameter " + prefix + field
                        + " is not supported.");
            }
        }
        String device = fields.get("DeviceName");
        if (device == null || device.isBlank()) {
            throw Ec2Error.missingParameter(prefix + "DeviceName");
        }
        String key = MappingValues.stripDev(device);
        if (image.instanceStoreRoots().contains(key)) {
            throw invalidMapping("The device " + device + " is the root device of an instance-store image and "
                    + "cannot be mapped");
        }
        boolean root = key.equals(image.rootKey());
        Optional<BlockDeviceRequest> imageMapping = image.mapping(key);
        // the image's spelling of the device, so the compute API's merge replaces its mapping
        String name = imageMapping.map(BlockDeviceRequest::deviceName).orElse(device);
        boolean ebs = fields.keySet().stream().anyMatch(f -> f.startsWith("Ebs."));
        boolean noDevice = fields.containsKey("NoDevice");
        boolean virtual = fields.containsKey("VirtualName");
        if ((ebs ? 1 : 0) + (noDevice ? 1 : 0) + (virtual ? 1 : 0) != 1) {
            throw invalidMapping("The block device mapping of " + device + " needs exactly one of Ebs, NoDevice "
                    + "and VirtualName");
        }
        if (noDevice) {
            if (root) {
                throw invalidMapping("The root device " + device + " cannot be suppressed");
            }
            return new BlockDeviceRequest(null, null, null, null, null, null, null, name, false, null);
        }
        if (virtual) {
            String virtualName = fields.get("VirtualName");
            if (!EPHEMERAL.matcher(virtualName).matches()) {
                throw Ec2Error.invalidParameterValue("Invalid value '" + virtualName + "' for " + prefix
                        + "VirtualName: expecting ephemeral0 to ephemeral23");
            }
            if (root) {
                throw invalidMapping("The root device " + device + " cannot be an instance store volume");
            }
            return new BlockDeviceRequest("blank", "local", null, null, null, null, -1, name, true, null);
        }
        return ebs(ctx, fields, prefix, name, root, imageMapping.filter(BlockDeviceRequest::isVolume));
    }

    /** An Ebs mapping, over the image's volume mapping of the same device when there is one. */
    private BlockDeviceRequest ebs(RequestContext ctx, Map<String, String> fields, String prefix, String device,
            boolean root, Optional<BlockDeviceRequest> inherited) {
        String volumeType = fields.getOrDefault("Ebs.VolumeType", "standard");
        if (!VOLUME_TYPES.contains(volumeType)) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + volumeType + "' for " + prefix
                    + "Ebs.VolumeType");
        }
        if (fields.containsKey("Ebs.Encrypted")
                && MappingValues.flag(prefix + "Ebs.Encrypted", fields.get("Ebs.Encrypted"))) {
            throw Ec2Error.client("UnsupportedOperation", "Encrypted volumes (" + prefix
                    + "Ebs.Encrypted) are not supported.");
        }
        Integer size = fields.containsKey("Ebs.VolumeSize")
                ? MappingValues.volumeSize(prefix, fields.get("Ebs.VolumeSize")) : null;
        boolean deleteOnTermination = fields.containsKey("Ebs.DeleteOnTermination")
                ? MappingValues.flag(prefix + "Ebs.DeleteOnTermination", fields.get("Ebs.DeleteOnTermination"))
                : inherited.map(BlockDeviceRequest::deleteOnTermination).orElse(true);
        Integer bootIndex = root ? 0 : -1;
        String snapshotEc2Id = fields.get("Ebs.SnapshotId");
        if (snapshotEc2Id != null) {
            VolumeSnapshot snapshot = SnapshotLookup.find(volumes, ids, ctx, snapshotEc2Id);
            if (root && inherited.isPresent() && !snapshot.id().equals(inherited.get().snapshotId())) {
                throw invalidMapping("The snapshot of the root device " + device + " cannot be changed");
            }
            checkSize(device, size, snapshot.volumeSize());
            return new BlockDeviceRequest("snapshot", "volume", null, null, snapshot.id(), size, bootIndex, device,
                    deleteOnTermination, null);
        }
        if (inherited.isPresent()) {
            BlockDeviceRequest image = inherited.get();
            checkSize(device, size, image.volumeSize());
            return new BlockDeviceRequest(image.sourceType(), "volume", image.imageId(), image.volumeId(),
                    image.snapshotId(), size != null ? size : image.volumeSize(), bootIndex, device,
                    deleteOnTermination, image.tag());
        }
        if (size == null) {
            throw invalidMapping("The block device mapping of " + device + " needs Ebs.SnapshotId or "
                    + "Ebs.VolumeSize");
        }
        if (root) {
            throw invalidMapping("The root device " + device + " needs a volume made from a snapshot");
        }
        return new BlockDeviceRequest("blank", "volume", null, null, null, size, bootIndex, device,
                deleteOnTermination, null);
    }

    private static void checkSize(String device, Integer size, Integer least) {
        if (size != null && least != null && size < least) {
            throw invalidMapping("Volume of " + size + " GiB is smaller than expected for " + device
                    + ", expect size >= " + least + " GiB");
        }
    }

    /**
     * What RunInstances needs of the image's mappings: the compute API's reading of them, the
     * root device's name when it is a volume, and the names that are the root of an
     * instance-store image (the image's, or nova's default, and the compute API's vda).
     */
    private record ImageDevices(List<BlockDeviceRequest> defined, String rootKey, Set<String> instanceStoreRoots) {
        static ImageDevices of(Image image) {
            Optional<String> named = ImageBlockDevices.rootDeviceName(image);
            List<BlockDeviceRequest> defined = ImageBlockDevices.of(image, named.orElse(COMPUTE_ROOT));
            Optional<BlockDeviceRequest> rootVolume = defined.stream().filter(b -> b.isRoot() && b.isVolume())
                    .findFirst();
            if (rootVolume.isPresent()) {
                String device = rootVolume.get().deviceName();
                String rootKey = device != null ? MappingValues.stripDev(device) : named.map(MappingValues::stripDev)
                        .orElse(COMPUTE_ROOT);
                return new ImageDevices(defined, rootKey, Set.of());
            }
            return new ImageDevices(defined, null, Set.copyOf(List.of(named.map(MappingValues::stripDev)
                    .orElse(SHOWN_ROOT), COMPUTE_ROOT)));
        }

        boolean rootIsVolume() {
            return rootKey != null;
        }

        /** The image's mapping of a device (with a source: not a suppressed one). */
        Optional<BlockDeviceRequest> mapping(String key) {
            return defined.stream().filter(b -> b.sourceType() != null && b.deviceName() != null
                    && MappingValues.stripDev(b.deviceName()).equals(key)).findFirst();
        }
    }

    private static Ec2Error invalidMapping(String message) {
        return Ec2Error.client("InvalidBlockDeviceMapping", message);
    }
}
