package org.jnova.compute;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jnova.objects.Image;

/**
 * nova's get_system_metadata_from_image: what a server keeps of its image in system
 * metadata, each key prefixed "image_": the image's properties (but the block device
 * mapping ones, values cut to 255 characters), min_ram and min_disk, and the base image.
 */
public final class ImageSystemMetadata {
    public static final String PREFIX = "image_";
    private static final Set<String> SKIPPED = Set.of("mappings", "block_device_mapping", "img_mappings",
            "img_block_device_mapping");
    private static final int MAX_VALUE = 255;

    private ImageSystemMetadata() {
    }

    public static Map<String, String> of(Image image) {
        Map<String, String> out = new HashMap<>();
        image.properties().forEach((key, value) -> {
            // a key too long for the system metadata column is left out rather than failing the boot
            if (!SKIPPED.contains(key) && value != null && PREFIX.length() + key.length() <= MAX_VALUE) {
                out.put(PREFIX + key, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        });
        out.put("image_base_image_ref", image.id());
        out.put("image_min_ram", String.valueOf(image.minRam()));
        out.put("image_min_disk", String.valueOf(image.minDisk()));
        return out;
    }
}
