package org.jnova.api.openstack.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A JSON-schema validator that reports errors exactly as python-jsonschema (4.x, Draft 4)
 * words them inside nova, so jnova's 400 messages match nova's. It walks a schema's keywords
 * in their written order and yields errors in jsonschema's order; nova reports the first.
 *
 * <p>Keywords: type (name or list), properties, required, additionalProperties (boolean or
 * schema), patternProperties, enum, const, minLength, maxLength, pattern, minimum, maximum,
 * exclusiveMinimum/Maximum, items, prefixItems, minItems, maxItems, uniqueItems,
 * minProperties, maxProperties, oneOf, anyOf, allOf, not, $ref (within the document or into
 * a shared document of {@link SchemaRegistry}) and format. Thread-safe and reusable.
 */
public final class SchemaValidator {
    private final SchemaRegistry registry;
    private final SchemaDialect dialect;
    private final boolean relaxAdditionalProperties;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /**
     * @param relaxAdditionalProperties nova's legacy-v2 mode: unknown properties are dropped
     *     from the instance (which is modified) instead of failing, unless patternProperties apply
     */
    public SchemaValidator(SchemaRegistry registry, SchemaDialect dialect, boolean relaxAdditionalProperties) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
        this.dialect = Objects.requireNonNull(dialect, "dialect is null");
        this.relaxAdditionalProperties = relaxAdditionalProperties;
    }

    /** Every error of {@code instance} against {@code schema} (a node of {@code document}), in order. */
    public List<SchemaError> errors(JsonNode document, JsonNode schema, JsonNode instance) {
        List<SchemaError> out = new ArrayList<>();
        validate(new Scope(document), schema, instance, out);
        return out;
    }

    /** The error nova reports: the first one. */
    public Optional<SchemaError> firstError(JsonNode document, JsonNode schema, JsonNode instance) {
        List<SchemaError> errors = errors(document, schema, instance);
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0));
    }

    public boolean isValid(JsonNode document, JsonNode schema, JsonNode instance) {
        return errors(document, schema, instance).isEmpty();
    }

    private record Scope(JsonNode document) {
    }

    private void validate(Scope scope, JsonNode schema, JsonNode instance, List<SchemaError> out) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(SchemaError.of("false", instance, "False schema does not allow " + PyRepr.repr(instance)));
            }
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        if (dialect == SchemaDialect.NOVA && schema.has("$ref")) {
            ref(scope, schema.get("$ref").asText(), instance, out);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            apply(scope, keyword.getKey(), keyword.getValue(), schema, instance, out);
        }
    }

    private void ref(Scope scope, String ref, JsonNode instance, List<SchemaError> out) {
        SchemaRegistry.Resolved target = registry.resolve(scope.document(), ref);
        validate(new Scope(target.document()), target.schema(), instance, out);
    }

    private void descend(Scope scope, JsonNode schema, JsonNode instance, Object step, List<SchemaError> out) {
        List<SchemaError> inner = new ArrayList<>();
        validate(scope, schema, instance, inner);
        for (SchemaError error : inner) {
            out.add(error.under(step));
        }
    }

    private void apply(Scope scope, String keyword, JsonNode value, JsonNode schema, JsonNode instance,
            List<SchemaError> out) {
        switch (keyword) {
            case "$ref" -> ref(scope, value.asText(), instance, out);
            case "type" -> type(keyword, value, instance, schema, out);
            case "properties" -> {
                if (instance.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> properties = value.fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        if (instance.has(property.getKey())) {
                            descend(scope, property.getValue(), instance.get(property.getKey()), property.getKey(), out);
                        }
                    }
                }
            }
            case "patternProperties" -> {
                if (instance.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                    while (entries.hasNext()) {
                        Map.Entry<String, JsonNode> entry = entries.next();
                        Pattern pattern = pattern(entry.getKey());
                        for (String name : names(instance)) {
                            if (pattern.matcher(name).find()) {
                                descend(scope, entry.getValue(), instance.get(name), name, out);
                            }
                        }
                    }
                }
            }
            case "additionalProperties" -> additionalProperties(scope, value, schema, instance, out);
            case "required" -> {
                if (instance.isObject() && value.isArray()) {
                    for (JsonNode name : value) {
                        if (!instance.has(name.asText())) {
                            out.add(SchemaError.of(keyword, instance, PyRepr.repr(name) + " is a required property"));
                        }
                    }
                }
            }
            case "enum" -> {
                boolean found = false;
                for (JsonNode option : value) {
                    found |= JsonEquality.equal(instance, option);
                }
                if (!found) {
                    out.add(SchemaError.of(keyword, instance, PyRepr.repr(instance) + " is not one of " + PyRepr.repr(value)));
                }
            }
            case "const" -> {
                if (!JsonEquality.equal(instance, value)) {
                    out.add(SchemaError.of(keyword, instance, PyRepr.repr(value) + " was expected"));
                }
            }
            case "minLength", "maxLength" -> {
                if (instance.isTextual()) {
                    int length = instance.textValue().codePointCount(0, instance.textValue().length());
                    boolean min = keyword.equals("minLength");
                    if (min ? length < value.asInt() : length > value.asInt()) {
                        out.add(SchemaError.of(keyword, instance, PyRepr.repr(instance) + (min ? " is too short" : " is too long")));
                    }
                }
            }
            case "pattern" -> {
                if (instance.isTextual() && !pattern(value.asText()).matcher(instance.textValue()).find()) {
                    out.add(SchemaError.of(keyword, instance,
                            PyRepr.repr(instance) + " does not match " + PyRepr.repr(value.asText())));
                }
            }
            case "minimum", "maximum" -> bound(keyword, value, schema, instance, out);
            case "exclusiveMinimum", "exclusiveMaximum" -> {
                if (value.isNumber()) {
                    exclusiveBound(keyword, value, instance, out);
                }
            }
            case "items" -> items(scope, value, schema, instance, out);
            case "prefixItems" -> prefixItemsAsSet(scope, value, instance, out);
            case "minItems", "maxItems" -> {
                if (instance.isArray()) {
                    boolean min = keyword.equals("minItems");
                    if (min ? instance.size() < value.asInt() : instance.size() > value.asInt()) {
                        out.add(SchemaError.of(keyword, instance, PyRepr.repr(instance) + (min ? " is too short" : " is too long")));
                    }
                }
            }
            case "uniqueItems" -> {
                if (value.asBoolean() && instance.isArray() && !JsonEquality.unique(instance)) {
                    out.add(SchemaError.of(keyword, instance, PyRepr.repr(instance) + " has non-unique elements"));
                }
            }
            case "minProperties", "maxProperties" -> {
                if (instance.isObject()) {
                    boolean min = keyword.equals("minProperties");
                    if (min ? instance.size() < value.asInt() : instance.size() > value.asInt()) {
                        out.add(SchemaError.of(keyword, instance,
                                PyRepr.repr(instance) + (min ? " does not have enough properties" : " has too many properties")));
                    }
                }
            }
            case "allOf" -> {
                for (JsonNode branch : value) {
                    validate(scope, branch, instance, out);
                }
            }
            case "anyOf" -> anyOf(scope, value, instance, out);
            case "oneOf" -> oneOf(scope, value, instance, out);
            case "not" -> {
                if (errorsOf(scope, value, instance).isEmpty()) {
                    out.add(SchemaError.of(keyword, instance, PyRepr.repr(value) + " is not allowed for " + PyRepr.repr(instance)));
                }
            }
            case "format" -> {
                if (dialect == SchemaDialect.NOVA || value.asText().equals("ipv4") || value.asText().equals("ipv6")) {
                    Formats.check(value.asText(), instance).ifPresent(failure -> out.add(new SchemaError(keyword, List.of(),
                            instance, PyRepr.repr(instance) + " is not a " + PyRepr.repr(value.asText()), List.of(),
                            failure.cause())));
                }
            }
            case "nullable" -> {
                // OpenAPI 3.0 spelling; handled together with "type"
            }
            default -> {
                // annotations (description, x-openstack, discriminator, ...) validate nothing
            }
        }
    }

    private List<SchemaError> errorsOf(Scope scope, JsonNode schema, JsonNode instance) {
        List<SchemaError> errors = new ArrayList<>();
        validate(scope, schema, instance, errors);
        return errors;
    }

    private void type(String keyword, JsonNode value, JsonNode instance, JsonNode schema, List<SchemaError> out) {
        List<String> types = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(t -> types.add(t.asText()));
        } else {
            types.add(value.asText());
        }
        if (instance.isNull() && schema.path("nullable").asBoolean(false)) {
            return;
        }
        for (String type : types) {
            if (isType(instance, type)) {
                return;
            }
        }
        StringBuilder names = new StringBuilder();
        for (String type : types) {
            names.append(names.isEmpty() ? "" : ", ").append(PyRepr.repr(type));
        }
        out.add(SchemaError.of(keyword, instance, PyRepr.repr(instance) + " is not of type " + names));
    }

    private boolean isType(JsonNode instance, String type) {
        return switch (type) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            case "number" -> instance.isNumber();
            case "integer" -> instance.isIntegralNumber()
                    || (dialect == SchemaDialect.OPENAPI && instance.isNumber()
                            && instance.doubleValue() == Math.rint(instance.doubleValue()));
            default -> true;
        };
    }

    private void additionalProperties(Scope scope, JsonNode value, JsonNode schema, JsonNode instance,
            List<SchemaError> out) {
        if (!instance.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        List<Pattern> patternList = new ArrayList<>();
        schema.path("patternProperties").fieldNames().forEachRemaining(p -> patternList.add(pattern(p)));
        List<String> extras = new ArrayList<>();
        for (String name : names(instance)) {
            if (properties.has(name) || patternList.stream().anyMatch(p -> p.matcher(name).find())) {
                continue;
            }
            extras.add(name);
        }
        if (extras.isEmpty()) {
            return;
        }
        if (value.isObject()) {
            for (String extra : extras) {
                descend(scope, value, instance.get(extra), extra, out);
            }
            return;
        }
        if (value.asBoolean(true)) {
            return;
        }
        if (relaxAdditionalProperties && patternList.isEmpty()) {
            extras.forEach(((ObjectNode) instance)::remove);
            return;
        }
        if (!relaxAdditionalProperties && schema.has("patternProperties")) {
            Set<String> sortedExtras = new TreeSet<>(extras);
            Set<String> sortedPatterns = new TreeSet<>();
            schema.path("patternProperties").fieldNames().forEachRemaining(sortedPatterns::add);
            out.add(SchemaError.of("additionalProperties", instance, reprList(sortedExtras) + " "
                    + (extras.size() == 1 ? "does" : "do") + " not match any of the regexes: " + reprList(sortedPatterns)));
            return;
        }
        out.add(SchemaError.of("additionalProperties", instance, "Additional properties are not allowed ("
                + reprList(extras) + " " + (extras.size() == 1 ? "was" : "were") + " unexpected)"));
    }

    private static String reprList(Iterable<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(out.isEmpty() ? "" : ", ").append(PyRepr.repr(name));
        }
        return out.toString();
    }

    private void bound(String keyword, JsonNode limit, JsonNode schema, JsonNode instance, List<SchemaError> out) {
        JsonNode number = instance;
        if (dialect == SchemaDialect.NOVA) {
            Optional<JsonNode> converted = JsonEquality.numberFromPython(instance);
            if (converted.isEmpty()) {
                return;
            }
            number = converted.get();
        }
        if (!number.isNumber()) {
            return;
        }
        boolean minimum = keyword.equals("minimum");
        String exclusiveKeyword = minimum ? "exclusiveMinimum" : "exclusiveMaximum";
        boolean exclusive = schema.path(exclusiveKeyword).isBoolean() && schema.path(exclusiveKeyword).booleanValue();
        int comparison = JsonEquality.compare(number, limit);
        boolean failed = minimum ? (exclusive ? comparison <= 0 : comparison < 0) : (exclusive ? comparison >= 0 : comparison > 0);
        if (failed) {
            String relation = (minimum ? "less than" : "greater than") + (exclusive ? " or equal to" : "");
            out.add(SchemaError.of(keyword, instance, PyRepr.repr(number) + " is " + relation + " the "
                    + (minimum ? "minimum" : "maximum") + " of " + PyRepr.repr(limit)));
        }
    }

    private void exclusiveBound(String keyword, JsonNode limit, JsonNode instance, List<SchemaError> out) {
        if (!instance.isNumber()) {
            return;
        }
        boolean minimum = keyword.equals("exclusiveMinimum");
        int comparison = JsonEquality.compare(instance, limit);
        if (minimum ? comparison <= 0 : comparison >= 0) {
            out.add(SchemaError.of(keyword, instance, PyRepr.repr(instance) + " is " + (minimum ? "less" : "greater")
                    + " than or equal to the " + (minimum ? "minimum" : "maximum") + " of " + PyRepr.repr(limit)));
        }
    }

    private void items(Scope scope, JsonNode items, JsonNode schema, JsonNode instance, List<SchemaError> out) {
        if (!instance.isArray()) {
            return;
        }
        if (items.isArray()) {
            for (int i = 0; i < Math.min(items.size(), instance.size()); i++) {
                descend(scope, items.get(i), instance.get(i), i, out);
            }
            return;
        }
        int start = schema.has("prefixItems") ? schema.get("prefixItems").size() : 0;
        for (int i = start; i < instance.size(); i++) {
            descend(scope, items, instance.get(i), i, out);
        }
    }

    /**
     * prefixItems read as a set (nova does not keep the order of link arrays, see the errata
     * of the OpenAPI file): each item must match one of the schemas and each schema one item.
     */
    private void prefixItemsAsSet(Scope scope, JsonNode prefixItems, JsonNode instance, List<SchemaError> out) {
        if (!instance.isArray()) {
            return;
        }
        Set<Integer> matchedSchemas = new LinkedHashSet<>();
        for (int i = 0; i < instance.size(); i++) {
            boolean matched = false;
            for (int s = 0; s < prefixItems.size(); s++) {
                if (errorsOf(scope, prefixItems.get(s), instance.get(i)).isEmpty()) {
                    matchedSchemas.add(s);
                    matched = true;
                }
            }
            if (!matched && i < prefixItems.size()) {
                out.add(SchemaError.of("prefixItems", instance.get(i),
                        PyRepr.repr(instance.get(i)) + " matches none of the prefixItems schemas").under(i));
            }
        }
        if (instance.size() >= prefixItems.size() && matchedSchemas.size() < prefixItems.size()) {
            out.add(SchemaError.of("prefixItems", instance, PyRepr.repr(instance) + " does not contain an item for each of the "
                    + prefixItems.size() + " prefixItems schemas"));
        }
    }

    private void anyOf(Scope scope, JsonNode branches, JsonNode instance, List<SchemaError> out) {
        List<SchemaError> all = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            List<SchemaError> errors = errorsOf(scope, branches.get(i), instance);
            if (errors.isEmpty()) {
                return;
            }
            for (SchemaError error : errors) {
                all.add(error.inBranch(i));
            }
        }
        out.add(new SchemaError("anyOf", List.of(), instance,
                PyRepr.repr(instance) + " is not valid under any of the given schemas", all, Optional.empty()));
    }

    private void oneOf(Scope scope, JsonNode branches, JsonNode instance, List<SchemaError> out) {
        List<SchemaError> all = new ArrayList<>();
        int firstValid = -1;
        for (int i = 0; i < branches.size(); i++) {
            List<SchemaError> errors = errorsOf(scope, branches.get(i), instance);
            if (errors.isEmpty()) {
                firstValid = i;
                break;
            }
            for (SchemaError error : errors) {
                all.add(error.inBranch(i));
            }
        }
        if (firstValid < 0) {
            out.add(new SchemaError("oneOf", List.of(), instance,
                    PyRepr.repr(instance) + " is not valid under any of the given schemas", all, Optional.empty()));
            return;
        }
        List<JsonNode> moreValid = new ArrayList<>();
        for (int i = firstValid + 1; i < branches.size(); i++) {
            if (errorsOf(scope, branches.get(i), instance).isEmpty()) {
                moreValid.add(branches.get(i));
            }
        }
        if (!moreValid.isEmpty()) {
            moreValid.add(branches.get(firstValid));
            StringBuilder reprs = new StringBuilder();
            for (JsonNode schema : moreValid) {
                reprs.append(reprs.isEmpty() ? "" : ", ").append(PyRepr.repr(schema));
            }
            out.add(SchemaError.of("oneOf", instance, PyRepr.repr(instance) + " is valid under each of " + reprs));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }
}
