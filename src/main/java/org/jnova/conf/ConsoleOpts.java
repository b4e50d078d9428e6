package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * Remote console options: which console types are enabled ({@code [vnc]}, {@code [spice]},
 * {@code [serial_console]}, {@code [mks]} {@code enabled}), the proxy URLs handed to users, and
 * how long a console token lives ({@code [consoleauth] token_ttl}).
 */
public final class ConsoleOpts {
    public static final Opt<Boolean> VNC_ENABLED = Opt.bool("vnc", "enabled")
            .defaultValue(true)
            .help("Enable VNC related features: guests get a VNC console that users reach through the proxy.")
            .build();
    public static final Opt<String> NOVNCPROXY_BASE_URL = Opt.string("vnc", "novncproxy_base_url")
            .defaultValue("http://127.0.0.1:6080/vnc_auto.html")
            .help("Public address of the noVNC VNC console proxy; the token is appended to this URL.")
            .build();
    public static final Opt<Boolean> SPICE_ENABLED = Opt.bool("spice", "enabled")
            .defaultValue(false)
            .help("Enable SPICE related features.")
            .build();
    public static final Opt<String> HTML5PROXY_BASE_URL = Opt.string("spice", "html5proxy_base_url")
            .defaultValue("http://127.0.0.1:6082/spice_auto.html")
            .help("Location of the SPICE HTML5 console proxy; the token is appended to this URL.")
            .build();
    public static final Opt<String> SPICE_DIRECT_PROXY_BASE_URL = Opt.string("spice", "spice_direct_proxy_base_url")
            .defaultValue("http://127.0.0.1:13002/nova")
            .help("Location of a SPICE protocol native console proxy; a spice-direct console's token is appended "
                    + "to this URL.")
            .build();
    public static final Opt<Boolean> SERIAL_ENABLED = Opt.bool("serial_console", "enabled")
            .defaultValue(false)
            .help("Enable the serial console feature.")
            .build();
    public static final Opt<String> SERIAL_BASE_URL = Opt.string("serial_console", "base_url")
            .defaultValue("ws://127.0.0.1:6083/")
            .help("The URL an end user would use to connect to the serial console proxy.")
            .build();
    public static final Opt<Boolean> MKS_ENABLED = Opt.bool("mks", "enabled")
            .defaultValue(false)
            .help("Enables graphical console access for virtual machines (VMware MKS).")
            .build();
    public static final Opt<String> MKSPROXY_BASE_URL = Opt.string("mks", "mksproxy_base_url")
            .defaultValue("http://127.0.0.1:6090/")
            .help("Location of the MKS web console proxy.")
            .build();
    public static final Opt<Integer> TOKEN_TTL = Opt.integer("consoleauth", "token_ttl")
            .defaultValue(600).min(0)
            .help("The lifetime of a console auth token (in seconds).")
            .build();

    private ConsoleOpts() {
    }

    public static List<Opt<?>> all() {
        return List.of(VNC_ENABLED, NOVNCPROXY_BASE_URL, SPICE_ENABLED, HTML5PROXY_BASE_URL, SPICE_DIRECT_PROXY_BASE_URL,
                SERIAL_ENABLED,
                SERIAL_BASE_URL, MKS_ENABLED, MKSPROXY_BASE_URL, TOKEN_TTL);
    }
}
