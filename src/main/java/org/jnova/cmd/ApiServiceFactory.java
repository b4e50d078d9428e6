package org.jnova.cmd;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.cfg.ConfigLoader;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.db.Databases;
import org.jnova.log.LoggingSetup;
import org.jnova.paste.PasteLoader;
import org.jnova.policy.Enforcer;
import org.jnova.policy.KeystonePolicies;
import org.jnova.policy.PolicySettings;
import org.jnova.service.ApiService;
import org.jnova.service.ServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nova-api's wiring for the launcher and for each worker process: reads the configuration,
 * sets up logging, assembles this process's {@link CompositionRoot} once, and builds each API service
 * from the paste file. The seed's {@code WSGIService(name)} with its loader.
 */
public class ApiServiceFactory implements ServiceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServiceFactory.class);
    /**
     * System property naming jnova's install directory, whose {@code etc/nova} is searched last
     * (the working directory's when unset).
     */
    public static final String HOME_PROPERTY = "jnova.home";

    private final String prog;
    private final boolean embedded;
    private final Optional<Path> bundledConfigDir;
    private CompositionRoot root;
    private ConfigOpts pasteConf;
    private PasteLoader paste;

    public ApiServiceFactory() {
        this("nova-api", false);
    }

    protected ApiServiceFactory(String prog, boolean embedded) {
        this.prog = prog;
        this.embedded = embedded;
        this.bundledConfigDir = Optional.of(Path.of(System.getProperty(HOME_PROPERTY, System.getProperty("user.dir")),
                "etc", "nova"));
    }

    @Override
    public ConfigOpts loadConfig(List<String> configArgs) {
        ConfigOpts conf = ConfigLoader.load(NovaOptions.all(), configArgs.toArray(String[]::new), "nova", prog);
        applyDefaults(conf);
        LoggingSetup.setup(conf, prog);
        return conf;
    }

    /**
     * Refuses to start nova-api on a database nova-manage has not synced (the all-in-one
     * syncs its own when it starts).
     */
    public void checkDatabase(ConfigOpts conf) {
        if (embedded) {
            return;
        }
        try (Databases dbs = Databases.open(conf)) {
            dbs.requireSynced();
        }
    }

    /** Where an entry point's defaults differ from nova-api's (oslo's set_defaults). */
    protected void applyDefaults(ConfigOpts conf) {
    }

    @Override
    public synchronized ApiService create(ConfigOpts conf, String serviceName) {
        if (root == null) {
            root = CompositionRoot.open(conf);
            try {
                root.startApiBackend(embedded);
            } catch (RuntimeException e) {
                root.close();
                root = null;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeBackend, "backend-close"));
        }
        if (paste == null || pasteConf != conf) {
            // one registry (router, controllers, schemas, policy) per configuration, shared by the APIs
            Enforcer enforcer = Enforcer.nova(PolicySettings.from(conf), name -> findFile(name, conf));
            Enforcer identityEnforcer = KeystonePolicies.enforcer(PolicySettings.from(conf), name -> findFile(name, conf));
            paste = PasteLoader.fromConfig(conf, name -> findFile(name, conf), root.pasteApps(enforcer, identityEnforcer));
            pasteConf = conf;
        }
        ApiService service = new ApiService(serviceName, conf, paste::loadApp);
        warnIfOpenWithoutAuthentication(conf, service);
        return service;
    }

    /**
     * noauth2 believes whatever user and project the caller names, admin included: on an
     * address other machines can reach, that is a cloud anyone can administer.
     */
    private static void warnIfOpenWithoutAuthentication(ConfigOpts conf, ApiService service) {
        if (!"noauth2".equals(conf.get(ApiOpts.AUTH_STRATEGY)) || "metadata".equals(service.name())
                || isLoopback(service.settings().host())) {
            return;
        }
        LOG.warn("************************************************************************************");
        LOG.warn("{} listens on {} with [api] auth_strategy = noauth2: ANYONE WHO CAN REACH THIS ADDRESS IS "
                + "ADMIN. Use auth_strategy = keystone, or listen on 127.0.0.1.", service.name(),
                service.settings().host());
        LOG.warn("************************************************************************************");
    }

    static boolean isLoopback(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(literal);
            return addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** This process's composition root once a service was created; null before. */
    public synchronized CompositionRoot root() {
        return root;
    }

    /** Stops this process's compute services and closes its database pools. */
    public synchronized void closeBackend() {
        if (root != null) {
            root.close();
            root = null;
        }
    }

    private Optional<Path> findFile(String name, ConfigOpts conf) {
        return conf.findFile(name).or(() -> bundledConfigDir.map(dir -> dir.resolve(name)).filter(Files::isRegularFile));
    }
}
