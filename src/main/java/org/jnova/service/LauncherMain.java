package org.jnova.service;

import java.util.Arrays;
import java.util.List;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.exception.NovaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the enabled APIs as nova-api did: {@code LauncherMain <factory class> [config
 * arguments...]}. When every enabled API has one worker they run in this process
 * ({@link ServiceLauncher}); otherwise each runs in its own worker processes
 * ({@link ProcessLauncher}). Exits with the launcher's status, or 1 on a start-up error.
 */
public final class LauncherMain {
    private static final Logger LOG = LoggerFactory.getLogger(LauncherMain.class);

    private LauncherMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LauncherMain <factory class> [config arguments...]");
            System.exit(2);
        }
        int status;
        try {
            ServiceFactory factory = WorkerMain.instantiate(args[0]);
            status = launch(factory, args[0], Arrays.asList(args).subList(1, args.length));
        } catch (ConfigError | NovaException e) {
            LOG.error("{}", e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the enabled APIs until SIGTERM/SIGINT; the factory class must be loadable by name. */
    public static int launch(ServiceFactory factory, String factoryClass, List<String> configArgs)
            throws InterruptedException {
        ConfigOpts conf = factory.loadConfig(configArgs);
        List<String> apis = conf.get(ServiceOpts.ENABLED_APIS);
        boolean inProcess = true;
        for (String api : apis) {
            inProcess &= ServiceSettings.of(conf, api).workers() == 1;
        }
        if (inProcess) {
            ServiceLauncher launcher = new ServiceLauncher(() -> factory.loadConfig(configArgs), factory::create, apis);
            launcher.installSignalHandlers();
            return launcher.run();
        }
        ProcessLauncher launcher = new ProcessLauncher(WorkerCommand.ofCurrentJvm(factoryClass, configArgs),
                () -> factory.loadConfig(configArgs), apis);
        launcher.installSignalHandlers();
        return launcher.run();
    }
}
