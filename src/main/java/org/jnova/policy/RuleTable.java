package org.jnova.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force at one moment: the operator's file rules over the registered defaults,
 * each default with its deprecated older default handled as oslo.policy does. Immutable.
 */
final class RuleTable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleTable.class);
    /** Deeper {@code rule:} chains than this are taken as a loop and fail closed. */
    private static final int MAX_DEPTH = 64;

    private final Map<String, Check> rules;
    private final Map<String, Check> fileRules;
    private final String defaultRule;

    private RuleTable(Map<String, Check> rules, Map<String, Check> fileRules, String defaultRule) {
        this.rules = Collections.unmodifiableMap(rules);
        this.fileRules = Collections.unmodifiableMap(fileRules);
        this.defaultRule = defaultRule;
    }

    /**
     * @param defaults the registered rules
     * @param file the operator's rules (text or list form), in file order
     */
    static RuleTable build(List<RuleDefault> defaults, Map<String, Object> file, boolean enforceNewDefaults,
            String defaultRule) {
        Map<String, Check> fileChecks = new LinkedHashMap<>();
        file.forEach((name, rule) -> fileChecks.put(name, fileCheck(name, rule)));
        Map<String, Check> rules = new LinkedHashMap<>(fileChecks);
        for (RuleDefault rule : defaults) {
            if (!rules.containsKey(rule.name())) {
                rules.put(rule.name(), defaultCheck(rule, fileChecks, enforceNewDefaults));
            }
        }
        return new RuleTable(rules, fileChecks, defaultRule);
    }

    /**
     * A registered rule's check, as oslo.policy decides it: the operator's override of the
     * old name stands for the new rule when the new one is not overridden; with the new
     * defaults off, the old default is OR-ed in.
     */
    private static Check defaultCheck(RuleDefault rule, Map<String, Check> fileChecks, boolean enforceNewDefaults) {
        Check check = CheckParser.parse(rule.checkString());
        if (rule.deprecatedForRemoval() || rule.deprecatedRule().isEmpty()) {
            return check;
        }
        RuleDefault.DeprecatedRule old = rule.deprecatedRule().get();
        Check oldCheck = CheckParser.parse(old.checkString());
        Check overriddenOld = fileChecks.get(old.name());
        if (!old.name().equals(rule.name()) && overriddenOld != null
                && !overriddenOld.toString().equals(oldCheck.toString())
                && !overriddenOld.toString().equals("rule:" + rule.name())) {
            return overriddenOld;
        }
        if (!enforceNewDefaults && !old.checkString().equals(rule.checkString())) {
            return new Check.Or(List.of(check, oldCheck));
        }
        return check;
    }

    private static Check fileCheck(String name, Object rule) {
        try {
            if (rule instanceof String text) {
                return CheckParser.parse(text);
            }
            if (rule instanceof List<?> list) {
                return CheckParser.parseList(list);
            }
            throw new PolicySyntaxError("the rule is neither a string nor a list: " + rule);
        } catch (PolicySyntaxError e) {
            LOG.error("Policy rule \"{}\" is refused to everyone: {}", name, e.getMessage());
            return new Check.Never();
        }
    }

    /** Whether the rule passes; an unknown rule falls back to the default rule, else fails. */
    boolean passes(String name, Map<String, Object> target, Map<String, Object> credentials) {
        return new Evaluation(target, credentials).rule(name);
    }

    Optional<Check> check(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** The rules in force, file rules first, each written as oslo.policy writes a check. */
    Map<String, String> effective() {
        Map<String, String> out = new LinkedHashMap<>();
        rules.forEach((name, check) -> out.put(name, check.toString()));
        return out;
    }

    boolean overridden(String name) {
        return fileRules.containsKey(name);
    }

    private final class Evaluation implements Check.Evaluation {
        private final Map<String, Object> target;
        private final Map<String, Object> credentials;
        private int depth;

        Evaluation(Map<String, Object> target, Map<String, Object> credentials) {
            this.target = Objects.requireNonNull(target, "target is null");
            this.credentials = credentials;
        }

        @Override
        public Map<String, Object> target() {
            return target;
        }

        @Override
        public Map<String, Object> credentials() {
            return credentials;
        }

        @Override
        public boolean rule(String name) {
            Check check = rules.get(name);
            if (check == null && !name.equals(defaultRule)) {
                check = rules.get(defaultRule);
            }
            if (check == null) {
                return false;
            }
            if (depth >= MAX_DEPTH) {
                LOG.error("Policy rule \"{}\" refers to rules more than {} deep (a loop?); refused", name, MAX_DEPTH);
                return false;
            }
            depth++;
            try {
                return check.passes(this);
            } finally {
                depth--;
            }
        }
    }
}
