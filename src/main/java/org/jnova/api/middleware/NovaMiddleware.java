package org.jnova.api.middleware;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jnova.api.auth.AuthToken;
import org.jnova.api.auth.BuiltInIdentity;
import org.jnova.api.auth.KeystoneAuthSettings;
import org.jnova.api.auth.NovaKeystoneContext;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.paste.AuthPipelineFactory;
import org.jnova.paste.FactoryRegistry;
import org.jnova.paste.NovaFactoryNames;
import org.jnova.policy.Enforcer;

/**
 * Registers the Java counterpart of every filter nova's paste files name, and nova's
 * auth-strategy pipeline, so {@code api-paste.ini} from nova loads unchanged. The
 * applications (API router, versions, metadata) are registered by the composition root.
 */
public final class NovaMiddleware {
    private NovaMiddleware() {
    }

    /**
     * Adds nova's filters and {@code pipeline_factory_v21} (reading {@code [api] auth_strategy}).
     * Without a policy enforcer the Keystone filters cannot be built: a {@code keystone}
     * pipeline then stops start-up with a {@link ConfigError}; use
     * {@link #register(FactoryRegistry, ConfigOpts, Enforcer)}.
     */
    public static FactoryRegistry register(FactoryRegistry registry, ConfigOpts conf) {
        return register(registry, conf, () -> {
            throw new ConfigError("The keystone pipeline needs the policy enforcer (context_is_admin); register "
                    + "nova's middleware with NovaMiddleware.register(registry, conf, enforcer)");
        }, Optional.empty());
    }

    /**
     * Adds nova's filters; {@code authtoken} validates tokens with Keystone
     * ({@code [keystone_authtoken]}) and {@code keystonecontext} builds the request context,
     * deciding {@code isAdmin} with the enforcer's {@code context_is_admin}.
     */
    public static FactoryRegistry register(FactoryRegistry registry, ConfigOpts conf, Enforcer enforcer) {
        return register(registry, conf, enforcer, Optional.empty());
    }

    /**
     * As {@link #register(FactoryRegistry, ConfigOpts, Enforcer)}; with {@code builtInIdentity}
     * (this process serves the Identity API) {@code authtoken} validates tokens in-process.
     */
    public static FactoryRegistry register(FactoryRegistry registry, ConfigOpts conf, Enforcer enforcer,
            Optional<BuiltInIdentity> builtInIdentity) {
        Objects.requireNonNull(enforcer, "enforcer is null");
        return register(registry, conf, () -> enforcer, builtInIdentity);
    }

    private static FactoryRegistry register(FactoryRegistry registry, ConfigOpts conf, Supplier<Enforcer> enforcer,
            Optional<BuiltInIdentity> builtInIdentity) {
        Objects.requireNonNull(registry, "registry is null");
        Objects.requireNonNull(conf, "conf is null");
        registry.registerComposite(NovaFactoryNames.PIPELINE_FACTORY_V21,
                new AuthPipelineFactory(conf.get(MiddlewareOpts.AUTH_STRATEGY)));

        registry.registerFilter(NovaFactoryNames.REQUEST_ID, (global, local) -> RequestId.plain());
        registry.registerFilter(NovaFactoryNames.REQUEST_ID_LONG, (global, local) -> RequestId.plain());
        registry.registerFilter(NovaFactoryNames.COMPUTE_REQUEST_ID, (global, local) -> RequestId.compute());
        registry.registerFilter(NovaFactoryNames.FAULT_WRAPPER, (global, local) -> new FaultWrapper());
        registry.registerFilter(NovaFactoryNames.REQUEST_LOG,
                (global, local) -> new RequestLog(conf.get(MiddlewareOpts.USE_FORWARDED_FOR)));
        registry.registerFilter(NovaFactoryNames.SIZE_LIMIT, (global, local) -> sizeLimit(conf, local));
        registry.registerFilter(NovaFactoryNames.SIZE_LIMIT_LONG, (global, local) -> sizeLimit(conf, local));
        registry.registerFilter(NovaFactoryNames.HTTP_PROXY_TO_WSGI, (global, local) ->
                new HttpProxyToWsgi(new FilterOptions(conf, local).get(MiddlewareOpts.ENABLE_PROXY_HEADERS_PARSING),
                        conf.get(MiddlewareOpts.USE_FORWARDED_FOR)));
        registry.registerFilter(NovaFactoryNames.CORS, (global, local) -> cors(conf, local));
        registry.registerFilter(NovaFactoryNames.NOAUTH2, (global, local) -> new NoAuth2());
        registry.registerFilter(NovaFactoryNames.LEGACY_V2_COMPATIBLE, (global, local) -> new LegacyV2Compatible());
        // osprofiler is not part of jnova: nova without it installed passes requests straight through too
        registry.registerFilter(NovaFactoryNames.OSPROFILER, (global, local) -> next -> next);
        registry.registerFilter(NovaFactoryNames.KEYSTONE_AUTH_TOKEN,
                (global, local) -> builtInIdentity.map(identity -> new AuthToken(
                        KeystoneAuthSettings.builtIn(conf, local, identity.publicUri()), identity.tokens(),
                        Clock.systemUTC())).orElseGet(() -> new AuthToken(KeystoneAuthSettings.from(conf, local))));
        registry.registerFilter(NovaFactoryNames.KEYSTONE_CONTEXT,
                (global, local) -> new NovaKeystoneContext(enforcer.get()));
        return registry;
    }

    private static SizeLimit sizeLimit(ConfigOpts conf, Map<String, String> local) {
        return new SizeLimit(new FilterOptions(conf, local).get(MiddlewareOpts.MAX_REQUEST_BODY_SIZE));
    }

    private static Cors cors(ConfigOpts conf, Map<String, String> local) {
        if (!local.containsKey("allowed_origin") && !local.containsKey("oslo_config_project")) {
            throw new ConfigError("The cors filter needs allowed_origin or oslo_config_project in its paste section");
        }
        FilterOptions options = new FilterOptions(conf, local);
        Cors.Policy policy = new Cors.Policy(
                options.get(MiddlewareOpts.CORS_ALLOW_CREDENTIALS),
                options.get(MiddlewareOpts.CORS_EXPOSE_HEADERS),
                options.get(MiddlewareOpts.CORS_MAX_AGE),
                options.get(MiddlewareOpts.CORS_ALLOW_METHODS),
                options.get(MiddlewareOpts.CORS_ALLOW_HEADERS));
        return new Cors(options.get(MiddlewareOpts.CORS_ALLOWED_ORIGIN), policy);
    }
}
