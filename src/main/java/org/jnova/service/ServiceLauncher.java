package org.jnova.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jnova.conf.cfg.ConfigOpts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the services inside this process (oslo's ServiceLauncher, used when every service has
 * one worker). SIGTERM/SIGINT stop them gracefully; SIGHUP reads the configuration again,
 * starts new services beside the old ones (SO_REUSEPORT lets both listen) and then stops the
 * old ones gracefully, so no connection is refused during the swap.
 */
public final class ServiceLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

    private final Supplier<ConfigOpts> config;
    private final BiFunction<ConfigOpts, String, ApiService> serviceBuilder;
    private final List<String> serviceNames;
    private final BlockingQueue<Signals.Kind> signals = new LinkedBlockingQueue<>();
    private volatile List<ApiService> running = List.of();

    /**
     * @param config reads the configuration afresh; called at start and on every SIGHUP
     * @param serviceBuilder builds a named service from a configuration
     * @param serviceNames the services to run, e.g. the enabled_apis
     */
    public ServiceLauncher(Supplier<ConfigOpts> config, BiFunction<ConfigOpts, String, ApiService> serviceBuilder,
            List<String> serviceNames) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.serviceBuilder = Objects.requireNonNull(serviceBuilder, "serviceBuilder is null");
        this.serviceNames = List.copyOf(Objects.requireNonNull(serviceNames, "serviceNames is null"));
    }

    /** Routes SIGTERM, SIGINT and SIGHUP of this process to {@link #signal}. */
    public void installSignalHandlers() {
        Signals.install(this::signal, Signals.Kind.TERM, Signals.Kind.INT, Signals.Kind.HUP);
    }

    /** Acts on a signal as if the process had received it. */
    public void signal(Signals.Kind kind) {
        signals.add(Objects.requireNonNull(kind, "kind is null"));
    }

    /** The services currently serving. */
    public List<ApiService> services() {
        return running;
    }

    /** Starts the services and serves until SIGTERM or SIGINT; returns the exit status, 0. */
    public int run() throws InterruptedException {
        running = startAll(config.get());
        while (true) {
            Signals.Kind kind = signals.take();
            if (kind == Signals.Kind.HUP) {
                LOG.info("Caught SIGHUP, restarting services with the reloaded configuration");
                restart();
            } else {
                LOG.info("Caught {}, exiting", kind.signalName());
                stopAll(running);
                running = List.of();
                return 0;
            }
        }
    }

    private void restart() {
        List<ApiService> replacements;
        try {
            replacements = startAll(config.get());
        } catch (RuntimeException e) {
            LOG.error("Reloading failed, the running services stay: {}", e.toString());
            return;
        }
        List<ApiService> old = running;
        running = replacements;
        stopAll(old);
    }

    private List<ApiService> startAll(ConfigOpts conf) {
        List<ApiService> started = new ArrayList<>();
        try {
            for (String name : serviceNames) {
                ApiService service = serviceBuilder.apply(conf, name);
                service.start();
                started.add(service);
            }
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        }
        return List.copyOf(started);
    }

    /** Stops the services side by side, each waiting for its requests in flight. */
    private static void stopAll(List<ApiService> services) {
        List<Thread> stoppers = new ArrayList<>();
        for (ApiService service : services) {
            stoppers.add(Thread.ofVirtual().name("stop-" + service.name()).start(service::stop));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
