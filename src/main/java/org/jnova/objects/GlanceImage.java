package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An image of the catalog with the fields only glance's Image v2 shows: formats, the
 * checksums of its data ({@code checksum} md5, {@code os_hash_algo} and {@code os_hash_value}),
 * protection, tags and whether it is hidden from default lists ({@code os_hidden}). Null fields
 * are glance's nulls.
 */
public record GlanceImage(Image image, String diskFormat, String containerFormat, String checksum,
        String osHashAlgo, String osHashValue, boolean isProtected, List<String> tags, boolean osHidden) {

    public GlanceImage {
        requireNonNull(image, "image is null");
        tags = List.copyOf(tags);
    }

    public String id() {
        return image.id();
    }
}
