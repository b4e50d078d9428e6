package org.jnova.policy;

import java.util.List;
import java.util.Objects;
import org.jnova.conf.PolicyOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * The {@code [oslo_policy]} values an {@link Enforcer} works with.
 *
 * @param policyFile the policy file name, relative (found by the enforcer's file finder) or absolute
 * @param policyDirs directories of further policy files, read after the policy file
 * @param enforceScope whether a token of the wrong scope is refused
 * @param enforceNewDefaults false to OR each rule's deprecated default in
 * @param defaultRule the rule used when a {@code rule:} check names an unknown rule
 */
public record PolicySettings(String policyFile, List<String> policyDirs, boolean enforceScope,
        boolean enforceNewDefaults, String defaultRule) {

    public PolicySettings {
        Objects.requireNonNull(policyFile, "policyFile is null");
        policyDirs = List.copyOf(policyDirs);
        Objects.requireNonNull(defaultRule, "defaultRule is null");
    }

    /** oslo.policy's defaults as current nova uses them: policy.yaml, policy.d, both enforcements on. */
    public static PolicySettings defaults() {
        return new PolicySettings("policy.yaml", List.of("policy.d"), true, true, "default");
    }

    public static PolicySettings from(ConfigOpts conf) {
        List<String> dirs = conf.get(PolicyOpts.POLICY_DIRS);
        return new PolicySettings(conf.get(PolicyOpts.POLICY_FILE), dirs == null ? List.of() : dirs,
                conf.get(PolicyOpts.ENFORCE_SCOPE), conf.get(PolicyOpts.ENFORCE_NEW_DEFAULTS),
                conf.get(PolicyOpts.POLICY_DEFAULT_RULE));
    }

    public PolicySettings withEnforceNewDefaults(boolean value) {
        return new PolicySettings(policyFile, policyDirs, enforceScope, value, defaultRule);
    }

    public PolicySettings withEnforceScope(boolean value) {
        return new PolicySettings(policyFile, policyDirs, value, enforceNewDefaults, defaultRule);
    }

    public PolicySettings withPolicyFile(String file) {
        return new PolicySettings(file, policyDirs, enforceScope, enforceNewDefaults, defaultRule);
    }
}
