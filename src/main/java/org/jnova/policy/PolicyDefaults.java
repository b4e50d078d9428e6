package org.jnova.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.utils.JsonMappers;

/**
 * Reads a policy defaults data file: {@code {"rules": [{name, check_str, description,
 * operations, scope_types, deprecated_rule, ...}]}}, as the tools under {@code tools/} write
 * them from a service's registered rules.
 */
final class PolicyDefaults {
    private PolicyDefaults() {
    }

    /** The rules of the class-path resource {@code resource} beside {@code owner}, in file order. */
    static List<RuleDefault> read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + resource + " is missing from the class path");
            }
            JsonNode root = JsonMappers.standard().readTree(in);
            List<RuleDefault> rules = new ArrayList<>();
            for (JsonNode rule : root.path("rules")) {
                rules.add(rule(rule));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static RuleDefault rule(JsonNode node) {
        List<RuleDefault.Operation> operations = new ArrayList<>();
        for (JsonNode operation : node.path("operations")) {
            operations.add(new RuleDefault.Operation(operation.path("method").asText(),
                    operation.path("path").asText()));
        }
        List<String> scopes = new ArrayList<>();
        node.path("scope_types").forEach(scope -> scopes.add(scope.asText()));
        JsonNode deprecated = node.path("deprecated_rule");
        Optional<RuleDefault.DeprecatedRule> deprecatedRule = deprecated.isObject()
                ? Optional.of(new RuleDefault.DeprecatedRule(deprecated.path("name").asText(),
                        deprecated.path("check_str").asText(), deprecated.path("deprecated_reason").asText(),
                        deprecated.path("deprecated_since").asText()))
                : Optional.empty();
        return new RuleDefault(node.path("name").asText(), node.path("check_str").asText(),
                node.path("description").asText(""), operations, scopes, deprecatedRule,
                node.path("deprecated_for_removal").asBoolean(false), text(node, "deprecated_reason"),
                text(node, "deprecated_since"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
