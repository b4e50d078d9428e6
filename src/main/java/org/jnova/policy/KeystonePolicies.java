package org.jnova.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keystone's registered policy rules (22.0, Zed) with their defaults, scope types and
 * deprecated older defaults, for jnova's Identity v3 API. The data file
 * {@code keystone-policy-defaults.json} beside this class is written by
 * {@code tools/generate_keystone_policy_defaults.py} from the keystone package itself.
 */
public final class KeystonePolicies {
    /** Where an operator's overrides of Keystone's rules are looked for, beside the configuration files. */
    public static final String POLICY_FILE = "keystone-policy.yaml";

    private KeystonePolicies() {
    }

    /** Every rule, in Keystone's registration order. */
    public static List<RuleDefault> defaults() {
        return PolicyDefaults.read(KeystonePolicies.class, "keystone-policy-defaults.json");
    }

    /**
     * Keystone's enforcer under Keystone's own defaults of that release: the older defaults
     * still pass ({@code enforce_new_defaults = False}) and a token of another scope than a
     * rule intends is only logged ({@code enforce_scope = False}), so a project-scoped admin
     * manages the cloud as it does with Keystone.
     */
    public static Enforcer enforcer(PolicySettings settings, Function<String, Optional<Path>> finder) {
        return new Enforcer(new PolicySettings(POLICY_FILE, List.of(), false, false, settings.defaultRule()),
                defaults(), finder);
    }
}
