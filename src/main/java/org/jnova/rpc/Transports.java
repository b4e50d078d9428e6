package org.jnova.rpc;

import org.jnova.exception.ConfigError;

/** Picks the transport named by {@code transport_url}. */
public final class Transports {
    private Transports() {
    }

    /** {@code fake://} gives the in-process transport; {@code rabbit://} is not built yet. */
    public static Transport fromUrl(String url) {
        if (url == null || url.startsWith("fake:")) {
            return new FakeTransport();
        }
        if (url.startsWith("rabbit:")) {
            throw new ConfigError("transport_url rabbit:// is not supported by this build yet; use fake://");
        }
        throw new ConfigError("Unsupported transport_url scheme: " + url.replaceAll("://([^:/@]*):[^@]*@", "://$1:****@"));
    }
}
