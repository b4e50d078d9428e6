package org.jnova.api.ec2;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jnova.api.auth.IdentityClient;
import org.jnova.api.ec2.protocol.Ec2Executor;
import org.jnova.api.ec2.protocol.Ec2FaultWrapper;
import org.jnova.api.ec2.protocol.Ec2RequestLog;
import org.jnova.api.ec2.protocol.Ec2Requestify;
import org.jnova.api.ec2.protocol.Ec2Validator;
import org.jnova.api.auth.KeystoneAuthSettings;
import org.jnova.api.ec2.auth.Ec2CredentialsVerifier;
import org.jnova.api.ec2.auth.Ec2KeystoneAuth;
import org.jnova.api.ec2.auth.Ec2NoAuth;
import org.jnova.api.ec2.auth.KeystoneEc2Tokens;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.paste.AuthPipelineFactory;
import org.jnova.paste.FactoryRegistry;
import org.jnova.policy.Enforcer;

/**
 * The EC2 API's paste factories under nova's (Kilo) names, so {@code [composite:ec2]} loads:
 * {@code ec2faultwrap logrequest ec2noauth|ec2keystoneauth cloudrequest validator ec2executor},
 * chosen by {@code [api] auth_strategy} through nova's {@code pipeline_factory}.
 */
public final class Ec2Paste {
    public static final String PIPELINE_FACTORY = "nova.api.auth:pipeline_factory";
    public static final String FAULT_WRAPPER = "nova.api.ec2:FaultWrapper.factory";
    public static final String REQUEST_LOGGING = "nova.api.ec2:RequestLogging.factory";
    public static final String NO_AUTH = "nova.api.ec2:NoAuth.factory";
    public static final String KEYSTONE_AUTH = "nova.api.ec2:EC2KeystoneAuth.factory";
    public static final String REQUESTIFY = "nova.api.ec2:Requestify.factory";
    public static final String VALIDATOR = "nova.api.ec2:Validator.factory";
    public static final String EXECUTOR = "nova.api.ec2:Executor.factory";

    private Ec2Paste() {
    }

    /**
     * @param builtInIdentity checks signatures in-process when this process serves the identity
     *     API itself; empty: Keystone's {@code /v3/ec2tokens} over HTTP
     */
    public static void register(FactoryRegistry registry, ConfigOpts conf, Enforcer enforcer,
            Optional<Ec2CredentialsVerifier> builtInIdentity, Supplier<Ec2Executor> executor) {
        registry.registerComposite(PIPELINE_FACTORY, new AuthPipelineFactory(conf.get(MiddlewareOpts.AUTH_STRATEGY)));
        registry.registerFilter(FAULT_WRAPPER, (global, local) -> new Ec2FaultWrapper());
        registry.registerFilter(REQUEST_LOGGING,
                (global, local) -> new Ec2RequestLog(conf.get(MiddlewareOpts.USE_FORWARDED_FOR)));
        registry.registerFilter(NO_AUTH, (global, local) -> new Ec2NoAuth());
        registry.registerFilter(KEYSTONE_AUTH, (global, local) -> {
            if (builtInIdentity.isPresent()) {
                return new Ec2KeystoneAuth(builtInIdentity.get(), enforcer);
            }
            KeystoneAuthSettings settings = KeystoneAuthSettings.from(conf, local);
            return new Ec2KeystoneAuth(new KeystoneEc2Tokens(settings,
                    new IdentityClient(settings, Clock.systemUTC()), Clock.systemUTC()), enforcer);
        });
        registry.registerFilter(REQUESTIFY, (global, local) -> new Ec2Requestify());
        registry.registerFilter(VALIDATOR, (global, local) -> new Ec2Validator());
        registry.registerApp(EXECUTOR, (global, local) -> executor.get());
    }
}
