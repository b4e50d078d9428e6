package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * oslo.policy's {@code [oslo_policy]} options as nova reads them. Scope checks and the new
 * defaults are on, as in current nova; turning {@code enforce_new_defaults} off gives Zed's
 * behaviour, where each rule's deprecated older default is OR-ed in.
 */
public final class PolicyOpts {
    public static final Opt<Boolean> ENFORCE_SCOPE = Opt.bool("oslo_policy", "enforce_scope")
            .defaultValue(true)
            .help("Whether to enforce scope when evaluating policies. If True, the scope of the request's token is "
                    + "compared with the scope_types of the policy being enforced and a mismatch is refused "
                    + "(InvalidScope, answered 403). If False, a mismatch is only logged.")
            .build();

    public static final Opt<Boolean> ENFORCE_NEW_DEFAULTS = Opt.bool("oslo_policy", "enforce_new_defaults")
            .defaultValue(true)
            .help("Whether to use only the new policy defaults. If False, each rule's deprecated check string is "
                    + "logically OR'd with its new default, which allows a graceful upgrade between releases with "
                    + "new policies.")
            .build();

    public static final Opt<String> POLICY_FILE = Opt.string("oslo_policy", "policy_file")
            .defaultValue("policy.yaml")
            .help("The relative or absolute path of a file (YAML or JSON) that maps rules to permissions. Relative "
                    + "paths are found beside the configuration files.")
            .build();

    public static final Opt<String> POLICY_DEFAULT_RULE = Opt.string("oslo_policy", "policy_default_rule")
            .defaultValue("default")
            .help("Default rule. Enforced when a requested rule is not found.")
            .build();

    public static final Opt<List<String>> POLICY_DIRS = Opt.list("oslo_policy", "policy_dirs")
            .defaultValue(List.of("policy.d"))
            .help("Directories where policy configuration files are stored, relative to the configuration "
                    + "directories or absolute. The file named by policy_file must exist for these directories to "
                    + "be searched. Missing or empty directories are ignored.")
            .build();

    private PolicyOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(ENFORCE_SCOPE, ENFORCE_NEW_DEFAULTS, POLICY_FILE, POLICY_DEFAULT_RULE, POLICY_DIRS);
    }
}
