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
 * nova's registered policy rules (Zed, 26.0.0): all 201 of them with their defaults, scope
 * types, descriptions and deprecated older defaults. The facts live in the data file
 * {@code nova-policy-defaults.json} beside this class, generated from nova's sample policy
 * file by {@code tools/generate_policy_defaults.py}.
 */
public final class NovaPolicies {
    /** The rule nova's {@code RequestContext} uses to decide {@code is_admin}. */
    public static final String CONTEXT_IS_ADMIN = "context_is_admin";

    private static final String RESOURCE = "nova-policy-defaults.json";

    private NovaPolicies() {
    }

    /** Every rule, in nova's registration order. */
    public static List<RuleDefault> defaults() {
        try (InputStream in = NovaPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the class path");
            }
            JsonNode root = JsonMappers.standard().readTree(in);
            List<RuleDefault> rules = new ArrayList<>();
            for (JsonNode rule : root.path("rules")) {
                rules.add(rule(rule));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
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
