package org.jnova.policy;

import java.util.List;

/**
 * nova's registered policy rules (Zed, 26.0.0): all 201 of them with their defaults, scope
 * types, descriptions and deprecated older defaults. The facts live in the data file
 * {@code nova-policy-defaults.json} beside this class, generated from nova's sample policy
 * file by {@code tools/generate_policy_defaults.py}.
 */
public final class NovaPolicies {
    /** The rule nova's {@code RequestContext} uses to decide {@code is_admin}. */
    public static final String CONTEXT_IS_ADMIN = "context_is_admin";

    private NovaPolicies() {
    }

    /** Every rule, in nova's registration order. */
    public static List<RuleDefault> defaults() {
        return PolicyDefaults.read(NovaPolicies.class, "nova-policy-defaults.json");
    }
}
