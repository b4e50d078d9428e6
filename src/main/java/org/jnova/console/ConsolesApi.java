package org.jnova.console;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;

/**
 * Hands out console URLs (nova's compute API get_*_console plus the compute manager's checks):
 * the console type must be enabled and match the protocol, the server must be running on a
 * host; a fresh token is stored and appended to the protocol's proxy URL.
 */
public final class ConsolesApi {
    /** The options that shape console URLs. */
    public record Settings(boolean vncEnabled, String novncBaseUrl, boolean spiceEnabled, String spiceBaseUrl,
            boolean serialEnabled, String serialBaseUrl, boolean mksEnabled, String mksBaseUrl, int tokenTtl) {
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
     * @param consoleType novnc, spice-html5, serial or webmks (others are refused as nova does)
     * @param action the API action named in a conflict message ("create" for remote-consoles)
     */
    public String consoleUrl(Instance server, String protocol, String consoleType, String action) {
        String task = server.taskState();
        if ("deleting".equals(task) || "migrating".equals(task)) {
            throw new Conflict("Cannot '" + action + "' instance " + server.uuid() + " while it is in task_state "
                    + task);
        }
        if (server.host() == null || !VmStates.ACTIVE.equals(server.vmState())) {
            throw new Conflict("Instance " + server.uuid() + " is not ready");
        }
        String base = switch (protocol) {
            case "vnc" -> check(settings.vncEnabled(), "novnc", consoleType, settings.novncBaseUrl());
            case "spice" -> check(settings.spiceEnabled(), "spice-html5", consoleType, settings.spiceBaseUrl());
            case "serial" -> check(settings.serialEnabled(), "serial", consoleType, settings.serialBaseUrl());
            case "mks" -> check(settings.mksEnabled(), "webmks", consoleType, settings.mksBaseUrl());
            default -> throw new Invalid("Unavailable console type " + protocol + ".");
        };
        String token = UUID.randomUUID().toString();
        long expires = Instant.now().getEpochSecond() + settings.tokenTtl();
        tokens.save(token, new ConsoleAuthToken(consoleType, server.host(), port(protocol),
                null, server.uuid(), expires), base);
        return withToken(base, token);
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

    /** Where the fake hypervisor listens for each console (fixed, as nova's fake driver). */
    private static int port(String protocol) {
        return switch (protocol) {
            case "vnc" -> 5900;
            case "spice" -> 5901;
            case "serial" -> 10000;
            default -> 902;
        };
    }

    /** Adds the token as nova does: into the query, or a "?token=" for the ws:// serial URL too. */
    static String withToken(String base, String token) {
        int hash = base.indexOf('#');
        String fragment = hash >= 0 ? base.substring(hash) : "";
        String head = hash >= 0 ? base.substring(0, hash) : base;
        String sep = head.contains("?") ? "&" : "?";
        return head + sep + "token=" + token + fragment;
    }
}
