package org.jnova.cmd;

import org.jnova.conf.ApiOpts;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.KeystoneAuthOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * The all-in-one wiring behind {@code bin/jnova}: nova-api's, with a compute host, the
 * schema and the seed data in the same process, and defaults that need nothing installed:
 * the Compute, metadata, Identity v3 and Image v2 APIs, one worker per API (one JVM already
 * uses every core), Keystone authentication against the built-in identity (validated
 * in-process, see {@link AllInOneCloud} for the users and the clouds.yaml it sets up), the
 * in-process transport. The database default is nova's own, {@code sqlite:///nova.sqlite}.
 * Every API listens on 127.0.0.1 unless the configuration names an address
 * ({@code osapi_compute_listen}, {@code metadata_listen}, {@code identity_listen},
 * {@code image_listen}, {@code ec2_listen} when enabled); with {@code auth_strategy = noauth2}, which must be asked for, every
 * caller may claim to be admin.
 */
public final class AllInOneServiceFactory extends ApiServiceFactory {
    private static final String LOOPBACK = "127.0.0.1";

    public AllInOneServiceFactory() {
        super("jnova", true);
    }

    @Override
    protected void applyDefaults(ConfigOpts conf) {
        conf.setDefault(ServiceOpts.OSAPI_COMPUTE_WORKERS, "1");
        conf.setDefault(ServiceOpts.METADATA_WORKERS, "1");
        conf.setDefault(ServiceOpts.IDENTITY_WORKERS, "1");
        conf.setDefault(ServiceOpts.IMAGE_WORKERS, "1");
        conf.setDefault(ServiceOpts.EC2_WORKERS, "1");
        conf.setDefault(ServiceOpts.ENABLED_APIS, "osapi_compute,metadata,identity,image");
        conf.setDefault(ApiOpts.AUTH_STRATEGY, "keystone");
        conf.setDefault(KeystoneAuthOpts.SERVICE_TOKEN_ROLES_REQUIRED, "True");
        conf.setDefault(ComputeOpts.TRANSPORT_URL, "fake://");
        conf.setDefault(ComputeOpts.ALLOW_RESIZE_TO_SAME_HOST, "True");
        conf.setDefault(ServiceOpts.OSAPI_COMPUTE_LISTEN, LOOPBACK);
        conf.setDefault(ServiceOpts.METADATA_LISTEN, LOOPBACK);
        conf.setDefault(ServiceOpts.IDENTITY_LISTEN, LOOPBACK);
        conf.setDefault(ServiceOpts.IMAGE_LISTEN, LOOPBACK);
        conf.setDefault(ServiceOpts.EC2_LISTEN, LOOPBACK);
    }
}
