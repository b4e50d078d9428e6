package org.jnova.cmd;

import java.util.Arrays;
import java.util.List;
import org.jnova.conf.cfg.CommandLine;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.conf.cfg.ParsedArgs;
import org.jnova.exception.ConfigError;
import org.jnova.exception.NovaException;
import org.jnova.service.LauncherMain;
import org.jnova.service.report.GuruMeditation;
import org.jnova.service.report.GuruMeditationReport;
import org.jnova.service.report.SignalHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's {@code nova.cmd.api.main}: parse the command line and configuration, set up
 * logging and the guru-meditation report, then launch one service per {@code enabled_apis}
 * entry and wait. Shared by {@code nova-api} and the all-in-one {@code jnova}.
 */
final class ApiCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ApiCommand.class);

    private ApiCommand() {
    }

    static int run(String prog, String[] argv, ApiServiceFactory factory) {
        List<Opt<?>> options = NovaOptions.all();
        try {
            ParsedArgs parsed = CommandLine.parse(argv, "nova", prog, options);
            if (CommandLine.printHelpOrVersion(parsed, options, Version.STRING, System.out)) {
                return 0;
            }
            List<String> args = Arrays.asList(argv);
            ConfigOpts conf = factory.loadConfig(args);
            conf.warnings().forEach(warning -> LOG.warn("{}", warning));
            LOG.debug("Full set of CONF:");
            conf.logOptValues(LOG);
            factory.checkDatabase(conf);
            try (GuruMeditation report = GuruMeditation.setupAutorun(
                    new GuruMeditationReport(prog, Version.STRING, () -> conf), conf, new SignalHandlers())) {
                return LauncherMain.launch(factory, factory.getClass().getName(), args);
            }
        } catch (ConfigError | NovaException e) {
            System.err.println(prog + ": " + e.getMessage());
            LOG.error("{}", e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A service that cannot start (its port taken, say) ends the process with 1: left to
            // the JVM, the broker's and the pools' threads would keep alive a process that serves
            // nothing and, its signal handlers waiting on a launcher that is gone, ignores SIGTERM.
            System.err.println(prog + ": " + e.getMessage());
            LOG.error("{} could not start", prog, e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
