package org.jnova.cmd;

import org.jnova.conf.ComputeOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.rpc.FakeTransport;
import org.jnova.rpc.Transport;
import org.jnova.rpc.rabbit.RabbitSettings;
import org.jnova.rpc.rabbit.RabbitTransport;
import org.jnova.rpc.rabbit.RabbitUrl;

/** Picks the transport named by {@code transport_url}. */
public final class Transports {
    private Transports() {
    }

    /**
     * {@code fake://} gives the in-process transport; {@code rabbit://} the RabbitMQ one with
     * oslo.messaging's default options.
     */
    public static Transport fromUrl(String url) {
        if (url != null && url.startsWith("rabbit:")) {
            return new RabbitTransport(RabbitSettings.defaults(url));
        }
        return fake(url);
    }

    /** The transport of {@code [DEFAULT] transport_url}, configured by the messaging options of {@code conf}. */
    public static Transport fromConfig(ConfigOpts conf) {
        String url = conf.get(ComputeOpts.TRANSPORT_URL);
        if (url != null && url.startsWith("rabbit:")) {
            return new RabbitTransport(RabbitSettings.from(url, conf));
        }
        return fake(url);
    }

    /** Whether {@code url} names the in-process transport, which cannot reach another process. */
    public static boolean isInProcess(String url) {
        return url == null || url.startsWith("fake:");
    }

    private static Transport fake(String url) {
        if (isInProcess(url)) {
            return new FakeTransport();
        }
        throw new ConfigError("Unsupported transport_url scheme: " + RabbitUrl.masked(url));
    }
}
