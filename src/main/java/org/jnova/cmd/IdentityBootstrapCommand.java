package org.jnova.cmd;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.db.Databases;
import org.jnova.identity.IdentityBootstrap;

/**
 * {@code nova-manage identity bootstrap}, after {@code keystone-manage bootstrap}: the admin
 * user, project and roles, and the catalog's identity endpoints ({@code --bootstrap-*-url})
 * and compute endpoints ({@code --compute-*-url}).
 */
final class IdentityBootstrapCommand {
    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    private IdentityBootstrapCommand() {
    }

    static int run(Databases dbs, List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--")) {
                err.println("unexpected argument: " + arg);
                return 2;
            }
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else {
                err.println("missing value for " + arg);
                return 2;
            }
        }
        String password = options.getOrDefault("bootstrap-password", System.getenv("OS_BOOTSTRAP_PASSWORD"));
        if (password == null || password.isEmpty()) {
            err.println("Either --bootstrap-password argument or OS_BOOTSTRAP_PASSWORD must be set.");
            return 1;
        }
        Map<String, IdentityBootstrap.ServiceEndpoints> services = new LinkedHashMap<>();
        endpoints(options, "bootstrap", options.getOrDefault("bootstrap-service-name", "keystone"))
                .ifPresent(e -> services.put("identity", e));
        endpoints(options, "compute", options.getOrDefault("compute-service-name", "nova"))
                .ifPresent(e -> services.put("compute", e));
        IdentityBootstrap.Settings settings = new IdentityBootstrap.Settings(
                options.getOrDefault("bootstrap-username", "admin"), password,
                options.getOrDefault("bootstrap-project-name", "admin"),
                options.getOrDefault("bootstrap-role-name", "admin"),
                options.getOrDefault("bootstrap-region-id", "RegionOne"), services);
        CompositionRoot.identityBootstrap(dbs).run(settings);
        return 0;
    }

    /**
     * {@code nova-manage identity rotate_keys [--max-active-keys N]} (default 3, as Keystone's
     * {@code [fernet_tokens] max_active_keys}): a new signing key, the oldest beyond N deleted.
     */
    static int rotateKeys(Databases dbs, List<String> args, PrintStream out, PrintStream err) {
        int keep = 3;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            if (arg.startsWith("--max-active-keys=")) {
                value = arg.substring("--max-active-keys=".length());
            } else if (arg.equals("--max-active-keys") && i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                err.println("unexpected argument: " + arg);
                return 2;
            }
            try {
                keep = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                keep = 0;
            }
            if (keep < 1) {
                err.println("--max-active-keys must be a whole number of at least 1: " + value);
                return 2;
            }
        }
        CompositionRoot.identitySigningKeys(dbs).rotate(keep);
        return 0;
    }

    private static java.util.Optional<IdentityBootstrap.ServiceEndpoints> endpoints(Map<String, String> options,
            String prefix, String name) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String iface : INTERFACES) {
            String url = options.get(prefix + "-" + iface + "-url");
            if (url != null) {
                urls.put(iface, url);
            }
        }
        return urls.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new IdentityBootstrap.ServiceEndpoints(name, urls));
    }
}
