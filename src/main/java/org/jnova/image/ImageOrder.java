package org.jnova.image;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jnova.objects.GlanceImage;

/** glance's image list ordering: the requested keys, then created_at and id as tie-breakers. */
final class ImageOrder {
    static final Set<String> KEYS = Set.of("name", "status", "container_format", "disk_format", "size", "id",
            "created_at", "updated_at");

    private ImageOrder() {
    }

    static Comparator<GlanceImage> of(List<String> keys, List<String> dirs) {
        Comparator<GlanceImage> order = null;
        List<String> all = new java.util.ArrayList<>(keys);
        if (!all.contains("created_at")) {
            all.add("created_at");
        }
        if (!all.contains("id")) {
            all.add("id");
        }
        for (int i = 0; i < all.size(); i++) {
            String key = all.get(i);
            if (!KEYS.contains(key)) {
                throw GlanceError.badRequest("Invalid sort key: " + key + ". It must be one of the following: "
                        + "name, status, container_format, disk_format, size, id, created_at, updated_at.");
            }
            // one direction goes for every key, tie-breakers included; else tie-breakers are desc
            String dir = dirs.size() == 1 ? dirs.get(0) : i < dirs.size() ? dirs.get(i) : "desc";
            if (!"asc".equals(dir) && !"desc".equals(dir)) {
                throw GlanceError.badRequest("Invalid sort direction: " + dir);
            }
            Comparator<GlanceImage> one = Comparator.comparing(value(key),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            one = "desc".equals(dir) ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<GlanceImage, Comparable> value(String key) {
        return g -> switch (key) {
            case "name" -> g.image().name();
            case "status" -> g.image().status();
            case "container_format" -> g.containerFormat();
            case "disk_format" -> g.diskFormat();
            case "size" -> g.image().size();
            case "id" -> g.id();
            case "created_at" -> g.image().createdAt();
            default -> g.image().updatedAt();
        };
    }
}
