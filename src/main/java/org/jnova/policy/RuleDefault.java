package org.jnova.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule registered in code with its default, as oslo.policy's {@code RuleDefault} /
 * {@code DocumentedRuleDefault}.
 *
 * @param name the rule name ({@code os_compute_api:servers:create})
 * @param checkString the default check, in the policy language
 * @param description what the rule governs, for operators
 * @param operations the API calls the rule guards ({@code POST /servers}); empty for base rules
 * @param scopeTypes the token scopes the rule is meant for; empty means any
 * @param deprecatedRule the older default OR-ed in while {@code enforce_new_defaults} is off
 * @param deprecatedForRemoval whether the rule itself goes away
 * @param deprecatedReason why it is deprecated, when it is
 * @param deprecatedSince the release that deprecated it, when it is
 */
public record RuleDefault(
        String name,
        String checkString,
        String description,
        List<Operation> operations,
        List<String> scopeTypes,
        Optional<DeprecatedRule> deprecatedRule,
        boolean deprecatedForRemoval,
        Optional<String> deprecatedReason,
        Optional<String> deprecatedSince) {

    public RuleDefault {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(checkString, "checkString is null");
        Objects.requireNonNull(description, "description is null");
        operations = List.copyOf(operations);
        scopeTypes = List.copyOf(scopeTypes);
        Objects.requireNonNull(deprecatedRule, "deprecatedRule is null");
        Objects.requireNonNull(deprecatedReason, "deprecatedReason is null");
        Objects.requireNonNull(deprecatedSince, "deprecatedSince is null");
    }

    /** A plain rule: no operations, any scope, not deprecated. */
    public static RuleDefault of(String name, String checkString, String description) {
        return new RuleDefault(name, checkString, description, List.of(), List.of(), Optional.empty(), false,
                Optional.empty(), Optional.empty());
    }

    /** The same rule with these scope types. */
    public RuleDefault withScopeTypes(List<String> scopes) {
        return new RuleDefault(name, checkString, description, operations, scopes, deprecatedRule,
                deprecatedForRemoval, deprecatedReason, deprecatedSince);
    }

    /** The same rule with this older default. */
    public RuleDefault withDeprecatedRule(DeprecatedRule deprecated) {
        return new RuleDefault(name, checkString, description, operations, scopeTypes, Optional.of(deprecated),
                deprecatedForRemoval, deprecatedReason, deprecatedSince);
    }

    /** One API call a rule guards. @param path the path, with the action name in parentheses for actions */
    public record Operation(String method, String path) {
        public Operation {
            Objects.requireNonNull(method, "method is null");
            Objects.requireNonNull(path, "path is null");
        }
    }

    /**
     * The default a rule had before, as oslo.policy's {@code DeprecatedRule}.
     *
     * @param name the old rule name (may equal the new one when only the check changed)
     * @param checkString the old check
     */
    public record DeprecatedRule(String name, String checkString, String reason, String since) {
        public DeprecatedRule {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(checkString, "checkString is null");
            Objects.requireNonNull(reason, "reason is null");
            Objects.requireNonNull(since, "since is null");
        }
    }
}
