package org.jnova.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jnova.context.RequestContext;
import org.jnova.exception.ConfigError;
import org.jnova.exception.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a caller may do something, as nova's {@code policy.authorize} on top of
 * oslo.policy's enforcer: the rule must be registered; a token of a scope the rule is not
 * meant for is refused when {@code enforce_scope} is on; then the rule in force (the
 * operator's override, else the default, with the deprecated default OR-ed in when
 * {@code enforce_new_defaults} is off) is evaluated against the caller's credentials and
 * the target. Refusals are {@link Forbidden} with nova's message
 * {@code Policy doesn't allow <rule> to be performed.}
 *
 * <p>The policy files are looked at again at most once a second; when one of them changed
 * (modification time or size), appeared or went away, the rules are rebuilt. A file that
 * cannot be read then keeps the previous rules in force and is logged; at construction it is a
 * {@link ConfigError}. Thread-safe.
 */
public final class Enforcer {
    private static final Logger LOG = LoggerFactory.getLogger(Enforcer.class);
    private static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);

    private final PolicySettings settings;
    private final List<RuleDefault> defaults;
    private final Map<String, RuleDefault> registered = new LinkedHashMap<>();
    private final PolicyFiles files;
    private final InstantSource clock;
    /** Rules whose scope mismatch was already logged: once each, as Python's warnings do. */
    private final Set<String> scopeWarned = ConcurrentHashMap.newKeySet();

    private volatile Loaded loaded;

    private record Loaded(RuleTable table, List<PolicyFiles.Stamp> stamps, Instant checkedAt) {
    }

    /**
     * @param settings the {@code [oslo_policy]} values
     * @param defaults the registered rules ({@link NovaPolicies#defaults()} for nova's)
     * @param finder finds a relative policy file or directory name as oslo.config's {@code find_file}
     *               does (beside the configuration files); empty when there is none
     */
    public Enforcer(PolicySettings settings, List<RuleDefault> defaults, Function<String, Optional<Path>> finder) {
        this(settings, defaults, finder, InstantSource.system());
    }

    public Enforcer(PolicySettings settings, List<RuleDefault> defaults, Function<String, Optional<Path>> finder,
            InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.defaults = List.copyOf(defaults);
        for (RuleDefault rule : this.defaults) {
            if (registered.putIfAbsent(rule.name(), rule) != null) {
                throw new IllegalArgumentException("Policy " + rule.name() + " is registered twice");
            }
            CheckParser.parse(rule.checkString());
            rule.deprecatedRule().ifPresent(old -> CheckParser.parse(old.checkString()));
        }
        this.files = new PolicyFiles(settings.policyFile(), settings.policyDirs(), finder);
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.loaded = load(files.current());
    }

    /** nova's enforcer: nova's registered rules under these settings. */
    public static Enforcer nova(PolicySettings settings, Function<String, Optional<Path>> finder) {
        Enforcer enforcer = new Enforcer(settings, NovaPolicies.defaults(), finder);
        if (!settings.policyFile().equals(PolicySettings.defaults().policyFile())
                && enforcer.loaded.stamps().isEmpty()) {
            LOG.warn("Policy file {} not found; nova's default rules apply", settings.policyFile());
        }
        return enforcer;
    }

    /**
     * Refuses with {@link Forbidden} unless the caller may perform the rule on the target.
     *
     * @throws PolicyNotRegistered when the rule is not registered
     */
    public void authorize(RequestContext context, String rule, Map<String, Object> target) {
        if (!allowed(context, rule, target)) {
            throw new Forbidden("Policy doesn't allow " + rule + " to be performed.");
        }
    }

    /** {@link #authorize(RequestContext, String, Map)} with nova's default target: the caller's own project and user. */
    public void authorize(RequestContext context, String rule) {
        authorize(context, rule, defaultTarget(context));
    }

    /** Whether the caller may perform the rule on the target (nova's {@code context.can(..., fatal=False)}). */
    public boolean allowed(RequestContext context, String rule, Map<String, Object> target) {
        Objects.requireNonNull(context, "context is null");
        return allowed(Credentials.of(context), rule, target);
    }

    /**
     * Whether credentials shaped as oslo.policy receives them (ids, {@code roles},
     * {@code system_scope}, nested values such as {@code token.domain.id}) pass the rule on the
     * target, whose keys are flat ({@code target.project.id}).
     *
     * @throws PolicyNotRegistered when the rule is not registered
     */
    public boolean allowed(Map<String, Object> credentials, String rule, Map<String, Object> target) {
        Objects.requireNonNull(credentials, "credentials is null");
        Objects.requireNonNull(target, "target is null");
        RuleDefault registeredRule = registered.get(rule);
        if (registeredRule == null) {
            throw new PolicyNotRegistered(rule);
        }
        if (!scopeAllows(registeredRule, credentials)) {
            return false;
        }
        boolean passes = current().passes(rule, target, credentials);
        if (!passes) {
            LOG.debug("Policy check for {} failed with credentials {}", rule, credentials);
        }
        return passes;
    }

    /**
     * Whether the caller passes {@code context_is_admin}, as nova computes
     * {@code RequestContext.is_admin}; the context's own {@code isAdmin} is not consulted.
     */
    public boolean isAdmin(RequestContext context) {
        RequestContext notYetAdmin = new RequestContext(context.userId(), context.projectId(), context.roles(), false,
                context.requestId(), context.globalRequestId(), context.systemScope(), context.authToken(),
                context.userDomainId(), context.projectDomainId(), context.isAdminProject());
        return allowed(notYetAdmin, NovaPolicies.CONTEXT_IS_ADMIN, defaultTarget(context));
    }

    /** The rules in force now, file rules first, as {@code oslopolicy-policy-generator} prints them. */
    public Map<String, String> effectiveRules() {
        return current().effective();
    }

    public Optional<RuleDefault> registered(String rule) {
        return Optional.ofNullable(registered.get(rule));
    }

    public List<RuleDefault> registeredRules() {
        return defaults;
    }

    /** nova's {@code default_target}: the caller's project and user. */
    public static Map<String, Object> defaultTarget(RequestContext context) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", context.projectId().orElse(null));
        target.put("user_id", context.userId());
        return target;
    }

    private boolean scopeAllows(RuleDefault rule, Map<String, Object> credentials) {
        if (rule.scopeTypes().isEmpty()) {
            return true;
        }
        String scope = Credentials.tokenScope(credentials);
        if (rule.scopeTypes().contains(scope)) {
            return true;
        }
        if (settings.enforceScope()) {
            LOG.debug("Policy check for {} failed with scope check: the token is {} scoped, the rule needs {}",
                    rule.name(), scope, rule.scopeTypes());
            return false;
        }
        if (scopeWarned.add(rule.name())) {
            LOG.warn("Policy {} failed scope check. The token used to make the request was {} scoped but the "
                    + "policy requires {} scope. This behavior may change in the future where using the intended "
                    + "scope is required", rule.name(), scope, rule.scopeTypes());
        }
        return true;
    }

    private RuleTable current() {
        Loaded now = loaded;
        Instant instant = clock.instant();
        if (Duration.between(now.checkedAt(), instant).compareTo(RECHECK_INTERVAL) < 0) {
            return now.table();
        }
        synchronized (this) {
            now = loaded;
            if (Duration.between(now.checkedAt(), instant).compareTo(RECHECK_INTERVAL) < 0) {
                return now.table();
            }
            List<PolicyFiles.Stamp> stamps = files.current();
            if (stamps.equals(now.stamps())) {
                loaded = new Loaded(now.table(), now.stamps(), instant);
            } else {
                try {
                    loaded = load(stamps);
                    LOG.info("Policy rules reloaded from {}", stamps.stream().map(PolicyFiles.Stamp::path).toList());
                } catch (ConfigError e) {
                    LOG.error("Keeping the previous policy rules: {}", e.getMessage());
                    loaded = new Loaded(now.table(), stamps, instant);
                }
            }
            return loaded.table();
        }
    }

    private Loaded load(List<PolicyFiles.Stamp> stamps) {
        RuleTable table = RuleTable.build(defaults, PolicyFiles.read(stamps), settings.enforceNewDefaults(),
                settings.defaultRule());
        return new Loaded(table, stamps, clock.instant());
    }
}
