package org.jnova.api.middleware;

import java.util.Map;
import java.util.Objects;
import org.jnova.exception.ConfigError;
import org.jnova.paste.FilterFactory;
import org.jnova.wsgi.Middleware;

/**
 * Stands for keystonemiddleware's {@code auth_token} and nova's {@code NovaKeystoneContext}
 * until jnova validates Keystone tokens: the names are known so nova's paste files load, but
 * building either filter (a {@code keystone} pipeline) stops start-up with a clear
 * {@link ConfigError}. Nothing is ever let through unauthenticated.
 */
public final class KeystoneUnavailable implements FilterFactory {
    private final String filterName;

    public KeystoneUnavailable(String filterName) {
        this.filterName = Objects.requireNonNull(filterName, "filterName is null");
    }

    @Override
    public Middleware create(Map<String, String> globalConf, Map<String, String> localConf) {
        throw new ConfigError("Keystone authentication is not available yet in jnova (the paste pipeline needs "
                + filterName + "); set [api] auth_strategy = noauth2 for development and tests");
    }
}
