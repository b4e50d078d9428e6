package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.MappingValues;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Image;
import org.jnova.utils.JsonMappers;

/**
 * An image's {@code block_device_mapping} property (a JSON list, nova's legacy or v2 form) as
 * EC2 shows it: {@code deviceName} with {@code ebs} ({@code snapshotId} as {@code snap-},
 * {@code volumeSize}, {@code deleteOnTermination}) for volumes, {@code virtualName} for
 * instance-store devices; mappings with {@code no_device} are left out, as nova did. The root
 * device is {@code ebs} when its mapping is a volume.
 */
final class ImageMappings {
    /** nova's DEFAULT_ROOT_DEV_NAME, shown for an image that names no root device. */
    static final String DEFAULT_ROOT_DEVICE = "/dev/sda1";
    private static final ObjectMapper JSON = JsonMappers.standard();
    private final Ec2Ids ids;

    ImageMappings(Ec2Ids ids) {
        this.ids = requireNonNull(ids, "ids is null");
    }

    String rootDeviceName(Image image) {
        return image.properties().getOrDefault("root_device_name", DEFAULT_ROOT_DEVICE);
    }

    /** {@code ebs} when the root device's mapping is a volume, {@code instance-store} otherwise. */
    String rootDeviceType(Image image) {
        String root = MappingValues.stripDev(rootDeviceName(image));
        for (JsonNode m : mappings(image)) {
            if (root.equals(MappingValues.stripDev(m.path("device_name").asText(""))) && isVolume(m)
                    && !m.path("no_device").asBoolean(false)) {
                return "ebs";
            }
        }
        return "instance-store";
    }

    /** The mappings EC2 shows. */
    List<Object> view(Image image) {
        List<Object> out = new ArrayList<>();
        for (JsonNode m : mappings(image)) {
            if (m.path("no_device").asBoolean(false) || m.path("device_name").asText("").isEmpty()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deviceName", m.path("device_name").asText());
            if (isVolume(m)) {
                Map<String, Object> ebs = new LinkedHashMap<>();
                if (m.hasNonNull("snapshot_id")) {
                    ebs.put("snapshotId", ids.snapshotId(m.path("snapshot_id").asText()));
                } else if (m.hasNonNull("volume_id")) {
                    ebs.put("snapshotId", ids.volumeId(m.path("volume_id").asText()));
                }
                if (m.hasNonNull("volume_size")) {
                    ebs.put("volumeSize", m.path("volume_size").asInt());
                }
                ebs.put("deleteOnTermination", m.path("delete_on_termination").asBoolean(false));
                item.put("ebs", ebs);
            } else if (m.hasNonNull("virtual_name")) {
                item.put("virtualName", m.path("virtual_name").asText());
            } else {
                continue;
            }
            out.add(item);
        }
        return out;
    }

    /** A volume: v2's destination volume, or a legacy mapping with a snapshot or volume. */
    private static boolean isVolume(JsonNode m) {
        return "volume".equals(m.path("destination_type").asText(null)) || m.hasNonNull("snapshot_id")
                || m.hasNonNull("volume_id");
    }

    private static List<JsonNode> mappings(Image image) {
        String text = image.properties().get("block_device_mapping");
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode list = JSON.readTree(text);
            List<JsonNode> out = new ArrayList<>();
            if (list != null && list.isArray()) {
                list.forEach(m -> {
                    if (m.isObject()) {
                        out.add(m);
                    }
                });
            }
            return out;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
