package org.jnova.cmd;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jnova.compute.manager.ComputeManager;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.cfg.CommandLine;
import org.jnova.conf.cfg.ConfigLoader;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.conf.cfg.ParsedArgs;
import org.jnova.db.Databases;
import org.jnova.exception.ConfigError;
import org.jnova.exception.NovaException;
import org.jnova.log.LoggingSetup;
import org.jnova.rpc.Transport;
import org.jnova.service.Signals;
import org.jnova.service.report.GuruMeditation;
import org.jnova.service.report.GuruMeditationReport;
import org.jnova.service.report.SignalHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/nova-compute}: one compute host with the fake driver in its own process. It
 * registers its service and node in the (shared) database, consumes {@code compute} and
 * {@code compute.<host>} on the message broker, and runs until SIGTERM or SIGINT, then stops
 * taking messages, lets those being handled finish and exits 0. It neither migrates the schema
 * nor seeds data: the API side ({@code nova-manage db sync} or the all-in-one) does that.
 */
public final class NovaComputeMain {
    private static final Logger LOG = LoggerFactory.getLogger(NovaComputeMain.class);
    private static final String PROG = "nova-compute";

    private NovaComputeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the service; the process exit status. */
    static int run(String[] argv) {
        List<Opt<?>> options = NovaOptions.all();
        try {
            ParsedArgs parsed = CommandLine.parse(argv, "nova", PROG, options);
            if (CommandLine.printHelpOrVersion(parsed, options, Version.STRING, System.out)) {
                return 0;
            }
            ConfigOpts conf = ConfigLoader.load(options, parsed);
            LoggingSetup.setup(conf, PROG);
            conf.warnings().forEach(warning -> LOG.warn("{}", warning));
            String url = conf.get(ComputeOpts.TRANSPORT_URL);
            if (Transports.isInProcess(url)) {
                throw new ConfigError("nova-compute needs a message broker: transport_url " + url
                        + " is in-process and cannot reach the API and conductor of another process; "
                        + "set [DEFAULT] transport_url = rabbit://user:password@host:5672/");
            }
            LOG.debug("Full set of CONF:");
            conf.logOptValues(LOG);
            try (GuruMeditation report = GuruMeditation.setupAutorun(
                    new GuruMeditationReport(PROG, Version.STRING, () -> conf), conf, new SignalHandlers())) {
                serve(conf);
            }
            return 0;
        } catch (ConfigError | NovaException e) {
            System.err.println(PROG + ": " + e.getMessage());
            LOG.error("{}", e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println(PROG + ": " + e);
            LOG.error("nova-compute failed", e);
            return 1;
        }
    }

    private static void serve(ConfigOpts conf) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<Signals.Kind> received = new AtomicReference<>();
        Signals.install(kind -> {
            received.compareAndSet(null, kind);
            stop.countDown();
        }, Signals.Kind.TERM, Signals.Kind.INT);
        try (Databases dbs = Databases.open(conf)) {
            dbs.requireMainSynced();
        }
        try (CompositionRoot root = CompositionRoot.open(conf)) {
            ComputeManager compute = root.computeHost();
            compute.start();
            LOG.info("nova-compute started (pid {})", ProcessHandle.current().pid());
            try {
                stop.await();
                LOG.info("Caught {}, stopping nova-compute", received.get().signalName());
            } finally {
                compute.stop();
            }
        }
        LOG.info("nova-compute stopped");
    }
}
