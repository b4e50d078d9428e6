package org.jnova.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.exception.Invalid;
import org.jnova.objects.Image;
import org.jnova.utils.BoolFromString;
import org.jnova.utils.JsonMappers;

/**
 * nova's _get_image_defined_bdms: the block device mappings an image lists in its
 * {@code block_device_mapping} property (createImage of a volume-backed server, EC2
 * RegisterImage), in nova's v2 form when {@code bdm_v2} is set, else converted from the legacy
 * form with the image's root device booting. A mapping with {@code no_device} has no source type.
 */
public final class ImageBlockDevices {
    private static final ObjectMapper JSON = JsonMappers.standard();

    private ImageBlockDevices() {
    }

    /** nova's properties_root_device_name with prepend_dev: the image's root device, when it names one. */
    public static Optional<String> rootDeviceName(Image image) {
        String root = image.properties().get("root_device_name");
        if (root == null || root.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("/dev/" + BootDevices.stripDev(root));
    }

    /** The image's mappings; {@code rootDevice} is the name the legacy form's boot device has. */
    public static List<BlockDeviceRequest> of(Image image, String rootDevice) {
        String text = image.properties().get("block_device_mapping");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode list;
        try {
            list = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalidFormat("Unrecognized legacy format.");
        }
        if (list == null || !list.isArray()) {
            throw invalidFormat("Unrecognized legacy format.");
        }
        // nova tests the property's truth: any non-empty text means the v2 form
        String v2 = image.properties().get("bdm_v2");
        boolean legacy = v2 == null || v2.isEmpty();
        List<BlockDeviceRequest> out = new ArrayList<>();
        for (JsonNode m : list) {
            if (!m.isObject()) {
                throw invalidFormat("Unrecognized legacy format.");
            }
            out.add(legacy ? fromLegacy(m, rootDevice) : fromV2(m));
        }
        return out;
    }

    private static BlockDeviceRequest fromV2(JsonNode m) {
        String device = text(m, "device_name");
        if (truthy(m.path("no_device"))) {
            return new BlockDeviceRequest(null, null, null, null, null, null, null, device, false, null);
        }
        String source = text(m, "source_type");
        String destination = text(m, "destination_type");
        if (source == null || !List.of("image", "volume", "snapshot", "blank").contains(source)) {
            throw invalidFormat("Some required fields are missing");
        }
        return new BlockDeviceRequest(source, destination == null ? "volume" : destination,
                "image".equals(source) ? text(m, "image_id") : null,
                "volume".equals(source) ? text(m, "volume_id") : null,
                "snapshot".equals(source) ? text(m, "snapshot_id") : null,
                integer(m.path("volume_size"), "Invalid volume_size."),
                integer(m.path("boot_index"), "Boot index is invalid."), device,
                truthy(m.path("delete_on_termination")), text(m, "tag"));
    }

    /** nova's from_legacy_mapping without an image: the device named like the root boots. */
    private static BlockDeviceRequest fromLegacy(JsonNode m, String rootDevice) {
        String device = text(m, "device_name");
        Integer size = integer(m.path("volume_size"), "Invalid volume_size.");
        boolean namedRoot = device != null && BootDevices.stripDev(device).equals(BootDevices.stripDev(rootDevice));
        String virtualName = text(m, "virtual_name");
        if (virtualName != null && (virtualName.equals("swap") || virtualName.matches("^ephemeral(\\d|[1-9]\\d+)$"))) {
            return new BlockDeviceRequest("blank", "local", null, null, null, size, -1, device, true, null);
        }
        String snapshot = text(m, "snapshot_id");
        if (snapshot != null && !snapshot.isEmpty()) {
            return new BlockDeviceRequest("snapshot", "volume", null, null, snapshot, size, namedRoot ? 0 : -1,
                    device, truthy(m.path("delete_on_termination")), null);
        }
        String volume = text(m, "volume_id");
        if (volume != null && !volume.isEmpty()) {
            return new BlockDeviceRequest("volume", "volume", null, volume, null, size, namedRoot ? 0 : -1,
                    device, truthy(m.path("delete_on_termination")), null);
        }
        if (truthy(m.path("no_device"))) {
            return new BlockDeviceRequest(null, null, null, null, null, null, null, device, false, null);
        }
        throw invalidFormat("Unrecognized legacy format.");
    }

    private static Integer integer(JsonNode n, String error) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            BigInteger value = n.bigIntegerValue();
            return value.bitLength() < Integer.SIZE ? Integer.valueOf(value.intValue()) : Integer.valueOf(-1);
        }
        String text = n.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw invalidFormat(error);
        }
    }

    private static boolean truthy(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return BoolFromString.isConfigTrue(n);
    }

    private static String text(JsonNode m, String field) {
        JsonNode n = m.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static Invalid invalidFormat(String details) {
        return new Invalid("Block Device Mapping is Invalid: " + details);
    }
}
