package org.jnova.api.openstack.compute.flavorextraspecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jnova.api.openstack.QueryValues;
import org.jnova.exception.Invalid;
import org.jnova.utils.BoolFromString;

/**
 * Microversion 2.86 extra spec validation: a name nova knows gets its value checked (enum,
 * format, integer range, boolean); an unknown name in a namespace nova owns ("hw:",
 * "quota:", ...) is refused; anything else passes. The registry is data
 * ({@code extra-specs.json}).
 */
public final class ExtraSpecValidator {
    private record Spec(String name, Pattern nameRegex, String type, List<String> enumValues, String pattern,
            Long min, Long max) {
    }

    private final Map<String, Spec> byName = new LinkedHashMap<>();
    private final List<Pattern> namespaces = new ArrayList<>();

    /** Loads the registry from the class path. */
    public static ExtraSpecValidator load(ObjectMapper json) {
        try (InputStream in = ExtraSpecValidator.class.getResourceAsStream("extra-specs.json")) {
            return new ExtraSpecValidator(json.readTree(Objects.requireNonNull(in, "extra-specs.json is missing")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExtraSpecValidator(JsonNode registry) {
        registry.get("namespaces").forEach(n -> namespaces.add(Pattern.compile(n.asText())));
        for (JsonNode v : registry.get("validators")) {
            List<String> values = new ArrayList<>();
            if (v.has("enum")) {
                v.get("enum").forEach(e -> values.add(e.asText()));
            }
            byName.put(v.get("name").asText(), new Spec(v.get("name").asText(),
                    Pattern.compile(v.get("nameRegex").asText()), v.get("type").asText(),
                    v.has("enum") ? values : null, v.has("pattern") ? v.get("pattern").asText() : null,
                    v.has("min") ? v.get("min").asLong() : null, v.has("max") ? v.get("max").asLong() : null));
        }
    }

    /** Throws Invalid (400) with nova's message when the spec is not acceptable. */
    public void validate(String name, String value) {
        Spec spec = byName.get(name);
        if (spec == null) {
            spec = byName.values().stream().filter(s -> s.nameRegex().matcher(name).matches()).findFirst()
                    .orElse(null);
        }
        if (spec != null) {
            check(spec, value);
            return;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return;
        }
        String namespace = name.substring(0, colon);
        if (namespaces.stream().anyMatch(p -> p.matcher(namespace).matches())) {
            throw new Invalid("Validation failed; extra spec '" + name + "' does not appear to be a valid extra spec.");
        }
    }

    private static void check(Spec spec, String value) {
        switch (spec.type()) {
            case "int" -> {
                java.math.BigInteger n = QueryValues.pythonInt(value).orElseThrow(
                        () -> new Invalid("Validation failed; '" + value + "' is not a valid integer value."));
                if (spec.max() != null && n.compareTo(java.math.BigInteger.valueOf(spec.max())) > 0) {
                    throw new Invalid("Validation failed; '" + n + "' is greater than the max value of '"
                            + spec.max() + "'.");
                }
                if (spec.min() != null && n.compareTo(java.math.BigInteger.valueOf(spec.min())) < 0) {
                    throw new Invalid("Validation failed; '" + n + "' is less than the min value of '"
                            + spec.min() + "'.");
                }
            }
            case "bool" -> {
                if (!BoolFromString.isBoolean(value.strip())) {
                    throw new Invalid("Validation failed; '" + value + "' is not a valid boolean-like value.");
                }
            }
            default -> {
                if (spec.pattern() != null) {
                    if (!Pattern.compile(spec.pattern()).matcher(value).matches()) {
                        throw new Invalid("Validation failed; '" + value + "' is not of the format '"
                                + spec.pattern() + "'.");
                    }
                } else if (spec.enumValues() != null && !spec.enumValues().contains(value)) {
                    throw new Invalid("Validation failed; '" + value + "' is not one of: "
                            + String.join(", ", spec.enumValues()) + ".");
                }
            }
        }
    }
}
