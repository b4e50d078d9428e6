package org.jnova.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Request bodies from a JSON schema: first a plausible instance (required fields, some
 * optional ones, real ids where a field names one), then one hostile change to it. Changes
 * that JSON trees cannot hold (invalid UTF-8, numbers beyond double, duplicate keys, deep
 * nesting) are written as raw text in place of a marker string.
 */
final class BodyFuzzer {
    static final List<String> MUTATIONS = List.of("wrong-type", "missing-field", "extra-field", "number",
            "long-string", "control-chars", "invalid-utf8", "deep-nesting", "duplicate-key", "array-for-object",
            "non-json", "valid");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final Function<JsonNode, JsonNode> resolver;
    private final RandomGenerator random;
    private final Function<String, String> hints;

    /**
     * @param resolver resolves {@code $ref}s
     * @param hints    a real value for a field name (imageRef, key_name...), or null
     */
    BodyFuzzer(Function<JsonNode, JsonNode> resolver, RandomGenerator random, Function<String, String> hints) {
        this.resolver = resolver;
        this.random = random;
        this.hints = hints;
    }

    /** A body and the name of what was done to it. */
    record Body(byte[] bytes, String mutation) {
    }

    /** One body for {@code schema} (null: the operation takes none) at {@code version}, with one hostile change. */
    Body next(JsonNode schema, String version) {
        String mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
        if (schema == null || mutation.equals("non-json")) {
            return new Body(Hostile.BODIES.get(random.nextInt(Hostile.BODIES.size())).getBytes(StandardCharsets.UTF_8),
                    "body:non-json");
        }
        JsonNode sample = sample(schema, version, "", 0);
        return new Body(mutate(sample, mutation), "body:" + mutation);
    }

    /** {@code sample}, a body that would be accepted, with one hostile change. */
    Body change(JsonNode sample) {
        String mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
        if (mutation.equals("non-json")) {
            return new Body(Hostile.BODIES.get(random.nextInt(Hostile.BODIES.size())).getBytes(StandardCharsets.UTF_8),
                    "body:non-json");
        }
        return new Body(mutate(sample.deepCopy(), mutation), "body:" + mutation);
    }

    /** A body as the schema wants it (as far as a generator can tell), for mutations elsewhere. */
    byte[] plausible(JsonNode schema, String version) {
        return schema == null ? null : write(sample(schema, version, "", 0), Map.of());
    }

    private byte[] mutate(JsonNode sample, String mutation) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        List<Location> locations = new ArrayList<>();
        collect(sample, locations);
        JsonNode root = sample;
        Location at = locations.isEmpty() ? null : locations.get(random.nextInt(locations.size()));
        switch (mutation) {
            case "wrong-type" -> root = replace(root, at, raw, pick(Hostile.JSON_OTHER_TYPES));
            case "missing-field" -> {
                List<Location> fields = locations.stream().filter(l -> l.field != null).toList();
                if (!fields.isEmpty()) {
                    Location l = fields.get(random.nextInt(fields.size()));
                    ((ObjectNode) l.parent).remove(l.field);
                }
            }
            case "extra-field" -> {
                List<ObjectNode> objects = new ArrayList<>();
                objects(root, objects);
                if (!objects.isEmpty()) {
                    String name = pick(List.of("fuzz", "", "\u0000", "x".repeat(1000), "__class__", "$ref",
                            "NAME", "id", "deleted", "project_id", "user_id", "host", "os:scheduler_hints"));
                    objects.get(random.nextInt(objects.size())).set(name, JSON.valueToTree(pick(Hostile.STRINGS)));
                }
            }
            case "number" -> root = replace(root, at, raw, pick(Hostile.JSON_NUMBERS));
            case "long-string" -> {
                int n = pick(List.of(256, 4096, 65536, 120000));
                String unit = random.nextBoolean() ? "a" : "\u00e9";
                root = replace(root, at, raw, JSON.valueToTree(unit.repeat(n)).toString());
            }
            case "control-chars" -> {
                if (random.nextBoolean()) {
                    root = replace(root, at, raw, JSON.valueToTree(pick(Hostile.STRINGS)).toString());
                } else {
                    char c = (char) random.nextInt(0x20);
                    root = replace(root, at, raw, "\"a" + c + "b\"");
                }
            }
            case "invalid-utf8" -> {
                ByteArrayOutputStream s = new ByteArrayOutputStream();
                s.writeBytes("\"a".getBytes(StandardCharsets.UTF_8));
                s.writeBytes(Hostile.INVALID_UTF8.get(random.nextInt(Hostile.INVALID_UTF8.size())));
                s.writeBytes("b\"".getBytes(StandardCharsets.UTF_8));
                root = replace(root, at, raw, s.toByteArray());
            }
            case "deep-nesting" -> {
                int depth = pick(List.of(64, 1001, 5000, 40000));
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                root = replace(root, at, raw, open.repeat(depth) + "1" + close.repeat(depth));
            }
            case "duplicate-key" -> {
                List<ObjectNode> objects = new ArrayList<>();
                objects(root, objects);
                objects.removeIf(o -> o.isEmpty());
                if (!objects.isEmpty()) {
                    ObjectNode o = objects.get(random.nextInt(objects.size()));
                    String first = o.fieldNames().next();
                    String text = new String(write(o, raw), StandardCharsets.UTF_8);
                    String dup = JSON.valueToTree(first).toString() + ":" + pick(Hostile.JSON_OTHER_TYPES);
                    String spliced = random.nextBoolean() ? "{" + dup + "," + text.substring(1)
                            : text.substring(0, text.length() - 1) + "," + dup + "}";
                    root = replaceNode(root, o, raw, spliced);
                }
            }
            case "array-for-object" -> {
                List<ObjectNode> objects = new ArrayList<>();
                objects(root, objects);
                ObjectNode o = objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
                if (o != null) {
                    String text = new String(write(o, raw), StandardCharsets.UTF_8);
                    root = replaceNode(root, o, raw, random.nextBoolean() ? "[" + text + "]" : "[]");
                }
            }
            default -> {
            }
        }
        return write(root, raw);
    }

    /** A field or element of a container. */
    private record Location(JsonNode parent, String field, int index) {
    }

    private static void collect(JsonNode node, List<Location> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Location(o, e.getKey(), -1));
                collect(e.getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Location(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.forEach(child -> objects(child, out));
    }

    private JsonNode replace(JsonNode root, Location at, Map<String, byte[]> raw, String text) {
        return replace(root, at, raw, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Puts raw text at {@code at} (the whole body when there is no location). */
    private JsonNode replace(JsonNode root, Location at, Map<String, byte[]> raw, byte[] text) {
        String marker = "@@RAW" + raw.size() + "@@";
        raw.put(marker, text);
        if (at == null) {
            return TextNode.valueOf(marker);
        }
        if (at.parent instanceof ObjectNode o) {
            o.set(at.field, TextNode.valueOf(marker));
        } else {
            ((ArrayNode) at.parent).set(at.index, TextNode.valueOf(marker));
        }
        return root;
    }

    /** Puts raw text where {@code node} is. */
    private JsonNode replaceNode(JsonNode root, JsonNode node, Map<String, byte[]> raw, String text) {
        if (root == node) {
            return replace(root, null, raw, text);
        }
        List<Location> all = new ArrayList<>();
        collect(root, all);
        for (Location l : all) {
            JsonNode value = l.field != null ? l.parent.get(l.field) : l.parent.get(l.index);
            if (value == node) {
                return replace(root, l, raw, text);
            }
        }
        return root;
    }

    /** The tree as JSON bytes with each marker (quotes included) replaced by its raw text. */
    private static byte[] write(JsonNode root, Map<String, byte[]> raw) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            bytes = splice(bytes, ("\"" + e.getKey() + "\"").getBytes(StandardCharsets.UTF_8), e.getValue());
        }
        return bytes;
    }

    private static byte[] splice(byte[] in, byte[] marker, byte[] replacement) {
        outer:
        for (int i = 0; i + marker.length <= in.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (in[i + j] != marker[j]) {
                    continue outer;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + replacement.length);
            out.write(in, 0, i);
            out.writeBytes(replacement);
            out.write(in, i + marker.length, in.length - i - marker.length);
            return out.toByteArray();
        }
        return in;
    }

    // ---- plausible instances ----

    private JsonNode sample(JsonNode schemaOrRef, String version, String name, int depth) {
        JsonNode schema = resolver.apply(schemaOrRef);
        if (schema == null || schema.isMissingNode()) {
            return NODES.nullNode();
        }
        String hint = name.isEmpty() ? null : hints.apply(name);
        if (hint != null) {
            return TextNode.valueOf(hint);
        }
        JsonNode choices = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            return sample(choose(choices, version), version, name, depth);
        }
        if (schema.has("allOf") && schema.get("allOf").isArray() && !schema.get("allOf").isEmpty()) {
            return sample(schema.get("allOf").get(0), version, name, depth);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            JsonNode e = schema.get("enum");
            return e.get(random.nextInt(e.size()));
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema, version, depth);
            case "array" -> array(schema, version, name, depth);
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> TextNode.valueOf(string(schema, name));
        };
    }

    /** The variant valid at {@code version} if x-openstack says so, else any. */
    private JsonNode choose(JsonNode choices, String version) {
        List<JsonNode> fitting = new ArrayList<>();
        for (JsonNode c : choices) {
            JsonNode r = resolver.apply(c);
            JsonNode x = r.path("x-openstack");
            String min = x.path("min-ver").asText("2.0");
            String max = x.path("max-ver").asText("9.9");
            if (compare(min, version) <= 0 && compare(version, max) <= 0) {
                fitting.add(c);
            }
        }
        List<JsonNode> from = fitting.isEmpty() ? list(choices) : fitting;
        return from.get(random.nextInt(from.size()));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return "null";
        }
        return t.asText();
    }

    private JsonNode object(JsonNode schema, String version, int depth) {
        ObjectNode o = NODES.objectNode();
        if (depth > MAX_DEPTH) {
            return o;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (required.contains(p.getKey()) || random.nextInt(3) == 0) {
                o.set(p.getKey(), sample(p.getValue(), version, p.getKey(), depth + 1));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> patterns = schema.path("patternProperties").fields();
        if (patterns.hasNext() && o.isEmpty()) {
            o.set("fuzzkey", sample(patterns.next().getValue(), version, "fuzzkey", depth + 1));
        }
        return o;
    }

    private JsonNode array(JsonNode schema, String version, String name, int depth) {
        ArrayNode a = NODES.arrayNode();
        JsonNode items = schema.get("items");
        if (items != null && items.isObject() && depth <= MAX_DEPTH) {
            int n = Math.max(1, schema.path("minItems").asInt(1));
            for (int i = 0; i < Math.min(n, 3); i++) {
                a.add(sample(items, version, name + "[]", depth + 1));
            }
        }
        return a;
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String s = switch (format) {
            case "uuid" -> "9c2b1f6e-4a4c-4d8e-8f0a-6b6f3c1d2e7f";
            case "date-time" -> "2020-01-01T00:00:00Z";
            case "ipv4" -> "10.0.0.9";
            case "ipv6" -> "fd00::9";
            case "uri" -> "http://example.com/x";
            case "cidr" -> "10.0.0.0/24";
            default -> "fuzz-" + name.replaceAll("[^a-z]", "");
        };
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (s.length() < min) {
            s = s + "x".repeat(min - s.length());
        }
        return s.length() > max ? s.substring(0, Math.max(min, max)) : s;
    }

    private <T> T pick(List<T> from) {
        return Draws.pick(random, from);
    }
}
