package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.VersionRange;

/**
 * The schemas of one request body or query string across microversions, loaded once from
 * {@code schemas/<name>.json} or {@code schemas/<name>.v<X.Y>.json} next to a controller
 * class. A versioned file serves from its version to the one before the next file's, so
 * there are no gaps or overlaps by construction. A version may instead be written as
 * {@code <name>.v<X.Y>.patch.json}, a JSON Patch (RFC 6902) against the schema of the version
 * before it, the way nova derives each schema from its predecessor; patches are applied here,
 * once. Checked at load: an unversioned file may
 * not sit beside versioned ones, and every object schema that lists properties must state
 * additionalProperties (nova's Schemas invariants).
 */
public final class VersionedSchemas {
    private static final int HIGHEST_MINOR_PROBED = 200;
    private static final String PATCH_SUFFIX = ".patch.json";

    private final String name;
    private final List<Entry> entries;

    /** One file and the versions it serves. */
    public record Entry(VersionRange range, JsonNode schema, boolean servesLegacyV2) {
        public Entry {
            Objects.requireNonNull(range, "range is null");
            Objects.requireNonNull(schema, "schema is null");
        }
    }

    public VersionedSchemas(String name, List<Entry> entries) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.entries = List.copyOf(entries);
    }

    /** Loads {@code schemas/<name>*.json} relative to {@code owner}; fails if there is none. */
    public static VersionedSchemas load(Class<?> owner, String name, ObjectMapper json) {
        return load(owner, name, json, SchemaDirectory.fileNames(owner));
    }

    /**
     * As {@link #load(Class, String, ObjectMapper)}, with the folder's file names already listed
     * by {@link SchemaDirectory#fileNames} (a controller with several schemas lists it once).
     */
    public static VersionedSchemas load(Class<?> owner, String name, ObjectMapper json,
            Optional<Set<String>> present) {
        Optional<JsonNode> unversioned = read(owner, present, name + ".json", json);
        List<ApiVersionRequest> versions = new ArrayList<>();
        List<JsonNode> schemas = new ArrayList<>();
        String where = owner.getName() + " schemas/" + name;
        for (int minor = 0; minor <= HIGHEST_MINOR_PROBED; minor++) {
            String file = name + ".v2." + minor;
            Optional<JsonNode> schema = read(owner, present, file + ".json", json);
            Optional<JsonNode> patch = read(owner, present, file + PATCH_SUFFIX, json);
            if (schema.isPresent() && patch.isPresent()) {
                throw new IllegalStateException(where + ": both " + file + ".json and " + file + PATCH_SUFFIX);
            }
            if (patch.isPresent()) {
                if (schemas.isEmpty()) {
                    throw new IllegalStateException(where + ": " + file + PATCH_SUFFIX + " has no earlier version to patch");
                }
                schema = Optional.of(applyPatch(schemas.getLast(), patch.get(), where + ": " + file + PATCH_SUFFIX));
            }
            if (schema.isPresent()) {
                versions.add(new ApiVersionRequest(2, minor));
                schemas.add(schema.get());
            }
        }
        if (unversioned.isPresent() && !versions.isEmpty()) {
            throw new IllegalStateException(where + ": an unversioned schema beside versioned ones");
        }
        List<Entry> entries = new ArrayList<>();
        if (unversioned.isPresent()) {
            entries.add(new Entry(VersionRange.ALL, unversioned.get(), true));
        }
        for (int i = 0; i < versions.size(); i++) {
            ApiVersionRequest max = i + 1 < versions.size()
                    ? new ApiVersionRequest(2, versions.get(i + 1).minor() - 1)
                    : ApiVersionRequest.NULL;
            boolean legacy = versions.get(i).minor() == 0;
            entries.add(new Entry(new VersionRange(versions.get(i), max), schemas.get(i), legacy));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(where + ": no schema file (" + name + ".json or " + name + ".v2.N.json)");
        }
        for (Entry entry : entries) {
            List<String> problems = new ArrayList<>();
            checkAdditionalProperties(entry.schema(), "#", problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(where + " " + entry.range() + ": object schemas without additionalProperties at "
                        + problems);
            }
        }
        return new VersionedSchemas(name, entries);
    }

    /**
     * The previous version's schema with an RFC 6902 JSON Patch applied (a new tree); removing
     * or replacing what is not there fails, as the RFC says.
     */
    private static JsonNode applyPatch(JsonNode previous, JsonNode patch, String where) {
        try {
            return JsonPatch.apply(patch, previous, EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT));
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code schemas/<file>}; a file the directory listing lacks is not looked up. */
    private static Optional<JsonNode> read(Class<?> owner, Optional<Set<String>> present, String file,
            ObjectMapper json) {
        if (present.isPresent() && !present.get().contains(file)) {
            return Optional.empty();
        }
        String resource = "schemas/" + file;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + owner.getPackageName() + "/" + resource, e);
        }
    }

    private static void checkAdditionalProperties(JsonNode schema, String at, List<String> problems) {
        if (schema.isObject()) {
            if (schema.has("properties") && !schema.has("additionalProperties")) {
                problems.add(at);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkAdditionalProperties(field.getValue(), at + "/" + field.getKey(), problems);
            }
        } else if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                checkAdditionalProperties(schema.get(i), at + "/" + i, problems);
            }
        }
    }

    /** The schema for this request, if any applies (legacy /v2 uses the 2.0 or unversioned one). */
    public Optional<JsonNode> forVersion(ApiVersionRequest version, boolean legacyV2) {
        for (Entry entry : entries) {
            if (legacyV2 ? entry.servesLegacyV2() : entry.range().contains(version)) {
                return Optional.of(entry.schema());
            }
        }
        return Optional.empty();
    }

    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return entries;
    }
}
