package org.jnova.compute;

import java.util.Map;
import org.jnova.exception.Invalid;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.utils.BoolFromString;

/**
 * nova's auto_disk_config (the API's OS-DCF:diskConfig), kept in system metadata as "True" or
 * "False". Boot and rebuild take the requested value or else the image's auto_disk_config
 * property; resize takes the requested value or False; an image whose property is "disabled"
 * refuses AUTO.
 */
public final class AutoDiskConfig {
    /** The image's own property, kept beside the instance as nova keeps image properties. */
    static final String IMAGE_KEY = "image_auto_disk_config";

    private AutoDiskConfig() {
    }

    /** The value to store for a boot or rebuild from {@code image} (null: volume-backed, no image). */
    static String forImage(Boolean requested, Image image) {
        String fromImage = image == null ? null : image.properties().get("auto_disk_config");
        checkAllowed(requested, fromImage, image == null ? null : image.id());
        boolean value = requested != null ? requested : fromImage != null && BoolFromString.isTrue(fromImage.strip());
        return stored(value);
    }

    /** What a boot or rebuild writes into system metadata. */
    static Map<String, String> systemMetadata(Boolean requested, Image image) {
        String value = forImage(requested, image);
        String fromImage = image == null ? null : image.properties().get("auto_disk_config");
        return fromImage == null ? Map.of(Instance.AUTO_DISK_CONFIG_KEY, value)
                : Map.of(Instance.AUTO_DISK_CONFIG_KEY, value, IMAGE_KEY, fromImage);
    }

    /** The value to store for a resize of {@code instance}. */
    static String forResize(Boolean requested, Instance instance) {
        checkAllowed(requested, instance.systemMetadata().get(IMAGE_KEY),
                instance.systemMetadata().get("image_base_image_ref"));
        return stored(requested != null && requested);
    }

    /** The system metadata form of a requested value; null when none was requested. */
    public static String stored(Boolean value) {
        return value == null ? null : value ? "True" : "False";
    }

    /** The requested value a {@link #stored} text stands for (null: none). */
    static Boolean requested(String stored) {
        return stored == null ? null : "True".equals(stored);
    }

    private static void checkAllowed(Boolean requested, String fromImage, String imageRef) {
        if (Boolean.TRUE.equals(requested) && fromImage != null && fromImage.strip().equalsIgnoreCase("disabled")) {
            throw new Invalid("Requested image " + imageRef + " has automatic disk resize disabled.");
        }
    }
}
