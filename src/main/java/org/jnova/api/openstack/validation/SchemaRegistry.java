package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shared schema documents a {@code $ref} can point into, by name: {@code
 * "parameter-types.json#/definitions/name"} reaches nova's shared parameter types;
 * {@code "#/..."} stays in the current document. Immutable once built.
 */
public final class SchemaRegistry {
    /** The name of nova's shared parameter types (nova/api/validation/parameter_types.py). */
    public static final String PARAMETER_TYPES = "parameter-types.json";

    private final Map<String, JsonNode> documents;

    public SchemaRegistry(Map<String, JsonNode> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** A registry with jnova's shared parameter types. */
    public static SchemaRegistry withParameterTypes(ObjectMapper json) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        try (InputStream in = SchemaRegistry.class.getResourceAsStream(PARAMETER_TYPES)) {
            Objects.requireNonNull(in, PARAMETER_TYPES + " is missing from the classpath");
            documents.put(PARAMETER_TYPES, json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaRegistry(documents);
    }

    /** A document and the schema a reference names in it. */
    public record Resolved(JsonNode document, JsonNode schema) {
    }

    public Resolved resolve(JsonNode currentDocument, String ref) {
        int hash = ref.indexOf('#');
        String name = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode document = name.isEmpty() ? currentDocument : documents.get(name);
        if (document == null) {
            throw new IllegalArgumentException("$ref to unknown schema document " + ref);
        }
        JsonNode schema = pointer.isEmpty() ? document : document.at(pointer);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " names nothing");
        }
        return new Resolved(document, schema);
    }

    public boolean has(String name) {
        return documents.containsKey(name);
    }
}
