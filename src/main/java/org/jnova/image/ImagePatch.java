package org.jnova.image;

import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;
import org.jnova.objects.GlanceImage;
import org.jnova.objects.Image;

/** glance's operations on one image field or custom property: add, replace, remove. */
public final class ImagePatch {
    /** One operation of an {@code application/openstack-images-v2.1-json-patch} body. */
    public record Change(String op, String path, Object value) {
    }

    private ImagePatch() {
    }

    static GlanceImage apply(RequestContext ctx, GlanceImage image, Change change) {
        String root = root(change.path());
        if (ImageFields.READ_ONLY.contains(root)) {
            throw GlanceError.forbidden("Attribute '" + root + "' is read-only.");
        }
        ImageFields.checkNotReserved(root);
        boolean base = ImageFields.SETTABLE_BASE.contains(root);
        boolean present = image.image().properties().containsKey(root);
        return switch (change.op()) {
            case "add" -> set(ctx, image, root, change.value());
            case "replace" -> {
                if (!base && !present) {
                    throw GlanceError.conflict("Property " + root + " does not exist.");
                }
                yield set(ctx, image, root, change.value());
            }
            case "remove" -> {
                if (base) {
                    throw GlanceError.forbidden("Property " + root + " may not be removed.");
                }
                if (!present) {
                    throw GlanceError.conflict("Property " + root + " does not exist.");
                }
                yield withImage(image, properties(image.image(),
                        GlanceImagesApi.withProperty(image.image().properties(), root, null)));
            }
            default -> throw GlanceError.badRequest("Invalid operation: `" + change.op()
                    + "`. It must be one of the following: add, remove, replace.");
        };
    }

    /** Sets a field (create and add/replace) with glance's checks on its value. */
    static GlanceImage set(RequestContext ctx, GlanceImage g, String key, Object value) {
        Image i = g.image();
        return switch (key) {
            case "name" -> withImage(g, new Image(i.id(), ImageFields.name(value), i.status(), i.minDisk(), i.minRam(),
                    i.size(), i.properties(), i.createdAt(), i.updatedAt(), i.owner(), i.visibility()));
            case "visibility" -> {
                String v = ImageFields.visibility(value);
                if (Image.PUBLIC.equals(v) && !ctx.isAdmin()) {
                    throw GlanceError.forbidden("You are not authorized to complete publicize_image action.");
                }
                yield withImage(g, i.owned(i.owner(), v));
            }
            case "owner" -> {
                if (!ctx.isAdmin()) {
                    throw GlanceError.forbidden("Owner can't be updated by non admin.");
                }
                yield withImage(g, i.owned(ImageFields.owner(value), i.visibility()));
            }
            case "min_disk" -> withImage(g, new Image(i.id(), i.name(), i.status(),
                    ImageFields.nonNegative(key, value), i.minRam(), i.size(), i.properties(), i.createdAt(),
                    i.updatedAt(), i.owner(), i.visibility()));
            case "min_ram" -> withImage(g, new Image(i.id(), i.name(), i.status(), i.minDisk(),
                    ImageFields.nonNegative(key, value), i.size(), i.properties(), i.createdAt(), i.updatedAt(),
                    i.owner(), i.visibility()));
            case "disk_format" -> new GlanceImage(i, ImageFields.format(key, value, ImageFields.DISK_FORMATS),
                    g.containerFormat(), g.checksum(), g.osHashAlgo(), g.osHashValue(), g.isProtected(), g.tags(), g.osHidden());
            case "container_format" -> new GlanceImage(i, g.diskFormat(),
                    ImageFields.format(key, value, ImageFields.CONTAINER_FORMATS), g.checksum(), g.osHashAlgo(),
                    g.osHashValue(), g.isProtected(), g.tags(), g.osHidden());
            case "protected" -> new GlanceImage(i, g.diskFormat(), g.containerFormat(), g.checksum(), g.osHashAlgo(),
                    g.osHashValue(), ImageFields.bool(key, value), g.tags(), g.osHidden());
            case "os_hidden" -> new GlanceImage(i, g.diskFormat(), g.containerFormat(), g.checksum(), g.osHashAlgo(),
                    g.osHashValue(), g.isProtected(), g.tags(), ImageFields.bool(key, value));
            case "tags" -> new GlanceImage(i, g.diskFormat(), g.containerFormat(), g.checksum(), g.osHashAlgo(),
                    g.osHashValue(), g.isProtected(), ImageFields.tags(value), g.osHidden());
            default -> {
                if (ImageFields.READ_ONLY.contains(key)) {
                    throw GlanceError.forbidden("Attribute '" + key + "' is read-only.");
                }
                ImageFields.checkCustomKey(key);
                yield withImage(g, properties(i, GlanceImagesApi.withProperty(i.properties(), key,
                        ImageFields.property(key, value))));
            }
        };
    }

    private static String root(String path) {
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            throw GlanceError.badRequest("Json path should start with a '/', end with no '/', no 2 subsequent '/' "
                    + "are allowed.");
        }
        List<String> parts = List.of(path.substring(1).split("/", -1));
        if (parts.size() != 1 || parts.get(0).isEmpty()) {
            throw GlanceError.badRequest("Invalid JSON pointer for this resource: '" + path + "'");
        }
        return parts.get(0).replace("~1", "/").replace("~0", "~");
    }

    private static Image properties(Image i, Map<String, String> props) {
        return new Image(i.id(), i.name(), i.status(), i.minDisk(), i.minRam(), i.size(), props, i.createdAt(),
                i.updatedAt(), i.owner(), i.visibility());
    }

    private static GlanceImage withImage(GlanceImage g, Image image) {
        return new GlanceImage(image, g.diskFormat(), g.containerFormat(), g.checksum(), g.osHashAlgo(),
                g.osHashValue(), g.isProtected(), g.tags(), g.osHidden());
    }
}
