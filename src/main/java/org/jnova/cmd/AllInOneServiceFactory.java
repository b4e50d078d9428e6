package org.jnova.cmd;

import org.jnova.conf.ApiOpts;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * The all-in-one wiring behind {@code bin/jnova}: nova-api's, with a compute host, the
 * schema and the seed data in the same process, and defaults that need nothing installed:
 * one worker per API (one JVM already uses every core), noauth2, the in-process transport.
 * The database default is nova's own, {@code sqlite:///nova.sqlite}. With noauth2 every
 * caller may claim to be admin, so both APIs then listen on 127.0.0.1 unless the
 * configuration names an address ({@code osapi_compute_listen}, {@code metadata_listen},
 * {@code image_listen} and {@code ec2_listen} when those APIs are enabled).
 */
public final class AllInOneServiceFactory extends ApiServiceFactory {
    private static final String NOAUTH2 = "noauth2";
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
        conf.setDefault(ApiOpts.AUTH_STRATEGY, "noauth2");
        conf.setDefault(ComputeOpts.TRANSPORT_URL, "fake://");
        conf.setDefault(ComputeOpts.ALLOW_RESIZE_TO_SAME_HOST, "True");
        if (NOAUTH2.equals(conf.get(ApiOpts.AUTH_STRATEGY))) {
            conf.setDefault(ServiceOpts.OSAPI_COMPUTE_LISTEN, LOOPBACK);
            conf.setDefault(ServiceOpts.METADATA_LISTEN, LOOPBACK);
            conf.setDefault(ServiceOpts.IMAGE_LISTEN, LOOPBACK);
            conf.setDefault(ServiceOpts.EC2_LISTEN, LOOPBACK);
        }
    }
}
