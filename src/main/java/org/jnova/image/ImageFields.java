package org.jnova.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** glance's image schema rules for the fields a caller may set, with its 400/403 messages. */
final class ImageFields {
    static final Set<String> DISALLOWED = Set.of("direct_url", "self", "file", "schema", "stores");
    static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "size",
            "virtual_size", "direct_url", "self", "file", "schema", "id", "os_hash_algo", "os_hash_value");
    static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");
    static final Set<String> SETTABLE_BASE = Set.of("name", "visibility", "min_disk", "min_ram", "container_format",
            "disk_format", "protected", "tags", "owner", "os_hidden");
    static final Set<String> DISK_FORMATS = Set.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi",
            "iso", "ploop");
    static final Set<String> CONTAINER_FORMATS = Set.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker",
            "compressed");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ImageFields() {
    }

    static void checkNotReserved(String key) {
        if (RESERVED.contains(key) || key.startsWith("os_glance")) {
            throw GlanceError.forbidden("Attribute '" + key + "' is reserved.");
        }
    }

    static void checkCustomKey(String key) {
        if (key.length() > 255) {
            throw GlanceError.badRequest("Custom property should not be greater than 255 characters.");
        }
        checkNotReserved(key);
    }

    static String id(Object value) {
        if (!(value instanceof String s) || !UUID.matcher(s).matches()) {
            throw invalid("id", value + " does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}"
                    + "-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    static String name(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw invalid("name", value + " is not of type 'null', 'string'");
        }
        if (s.length() > 255) {
            throw invalid("name", "'" + s + "' is too long");
        }
        return s;
    }

    static String visibility(Object value) {
        if (!(value instanceof String s) || !org.jnova.objects.Image.VISIBILITIES.contains(s)) {
            throw invalid("visibility", "'" + value + "' is not one of ['community', 'public', 'private', 'shared']");
        }
        return s;
    }

    static int nonNegative(String field, Object value) {
        if (!(value instanceof Integer i)) {
            throw invalid(field, value + " is not of type 'integer'");
        }
        if (i < 0) {
            throw invalid(field, i + " is less than the minimum of 0");
        }
        return i;
    }

    static String format(String field, Object value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw invalid(field, "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
        }
        return s;
    }

    static boolean bool(String field, Object value) {
        if (!(value instanceof Boolean b)) {
            throw invalid(field, value + " is not of type 'boolean'");
        }
        return b;
    }

    static List<String> tags(Object value) {
        if (!(value instanceof List<?> list)) {
            throw invalid("tags", value + " is not of type 'array'");
        }
        List<String> tags = new ArrayList<>();
        for (Object tag : list) {
            if (!(tag instanceof String s) || s.length() > 255) {
                throw invalid("tags", tag + " is not of type 'string'");
            }
            if (!tags.contains(s)) {
                tags.add(s);
            }
        }
        return tags;
    }

    static String owner(Object value) {
        if (value != null && !(value instanceof String)) {
            throw invalid("owner", value + " is not of type 'null', 'string'");
        }
        return (String) value;
    }

    static String property(String key, Object value) {
        if (!(value instanceof String s)) {
            throw GlanceError.badRequest("Provided object does not match schema 'image': " + value
                    + " is not of type 'string'");
        }
        return s;
    }

    private static GlanceError invalid(String field, String why) {
        return GlanceError.badRequest("Provided object does not match schema 'image': " + why
                + " Failed validating '" + field + "' in schema");
    }
}
