package org.jnova.console;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jnova.objects.ConsoleAuthToken;
import org.jnova.db.ConsoleAuthTokenStore;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;

/**
 * Hands out console URLs (nova's compute API get_*_console plus the compute manager's checks):
 * the console type must be enabled and match the protocol, the server must be on a host; a
 * fresh token is stored and appended to the protocol's proxy URL as nova's
 * ConsoleAuthToken.access_url does. Connection details are those of nova's fake driver.
 */
public final class ConsolesApi {
    /** The options that shape console URLs. */
    public record Settings(boolean vncEnabled, String novncBaseUrl, boolean spiceEnabled, String spiceBaseUrl,
            String spiceDirectBaseUrl, boolean serialEnabled, String serialBaseUrl, boolean mksEnabled, String mksBaseUrl, int tokenTtl) {
    }

    private final ConsoleAuthTokenStore tokens;
    private final Settings settings;

    public ConsolesApi(ConsoleAuthTokenStore tokens, Settings settings) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * A console URL for the server.
     *
     * @param protocol vnc, spice, serial or mks
     * @param consoleType novnc, spice-html5, spice-direct, serial or webmks (others are refused as nova does)
     * @param action the API action named in a conflict message ("create" for remote-consoles)
     */
    public String consoleUrl(Instance server, String protocol, String consoleType, String action) {
        String task = server.taskState();
        if ("deleting".equals(task) || "migrating".equals(task)) {
            throw new Conflict("Cannot '" + action + "' instance " + server.uuid() + " while it is in task_state "
                    + task);
        }
        // nova's check_instance_host; a running guest is not required (its fake driver answers for any)
        if (server.host() == null) {
            throw new Conflict("Instance " + server.uuid() + " is not ready");
        }
        String base = switch (protocol) {
            case "vnc" -> check(settings.vncEnabled(), "novnc", consoleType, settings.novncBaseUrl());
            case "spice" -> "spice-direct".equals(consoleType)
                    ? check(settings.spiceEnabled(), "spice-direct", consoleType, settings.spiceDirectBaseUrl())
                    : check(settings.spiceEnabled(), "spice-html5", consoleType, settings.spiceBaseUrl());
            case "serial" -> check(settings.serialEnabled(), "serial", consoleType, settings.serialBaseUrl());
            case "mks" -> check(settings.mksEnabled(), "webmks", consoleType, settings.mksBaseUrl());
            default -> throw new Invalid("Unavailable console type " + protocol + ".");
        };
        String token = UUID.randomUUID().toString();
        long expires = Instant.now().getEpochSecond() + settings.tokenTtl();
        // nova's fake driver: SPICE consoles also have a TLS port; spice-direct has no access path
        tokens.save(token, new ConsoleAuthToken(consoleType, fakeHost(protocol), 6969,
                "spice".equals(protocol) ? Integer.valueOf(6970) : null,
                "spice-direct".equals(consoleType) ? null : "FAKE", server.uuid(), expires), base);
        return accessUrl(base, consoleType, token);
    }

    /** The unexpired token's connection details. */
    public Optional<ConsoleAuthToken> validate(String token) {
        return tokens.find(token);
    }

    private static String check(boolean enabled, String supported, String consoleType, String base) {
        if (!enabled) {
            throw new Invalid("Unavailable console type " + consoleType + ".");
        }
        if (!supported.equals(consoleType)) {
            throw new Invalid("Invalid console type " + consoleType);
        }
        return base;
    }

    /** The console host nova's fake driver reports for each protocol. */
    private static String fakeHost(String protocol) {
        return switch (protocol) {
            case "vnc" -> "fakevncconsole.com";
            case "spice" -> "fakespiceconsole.com";
            case "serial" -> "fakerdpconsole.com";
            default -> "fakemksconsole.com";
        };
    }

    /** noVNC gets the token inside an encoded "path" parameter; every other console a plain "token". */
    static String accessUrl(String base, String consoleType, String token) {
        if ("novnc".equals(consoleType)) {
            return base + "?path=" + URLEncoder.encode("?token=" + token, StandardCharsets.UTF_8);
        }
        return base + "?token=" + token;
    }
}
