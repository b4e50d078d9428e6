package org.jnova.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each service in worker processes (oslo's ProcessLauncher): child JVMs started from a
 * {@link WorkerCommand}, all binding the service's port with SO_REUSEPORT. A child that dies
 * is replaced, no faster than the seeds' rule allows. SIGTERM/SIGINT stop the children and
 * wait for them; SIGHUP reads the configuration again and replaces every child, starting the
 * new ones (and waiting until they listen) before stopping the old ones.
 */
public final class ProcessLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLauncher.class);
    private static final long READY_TIMEOUT_SECONDS = 120;
    private static final long EXIT_GRACE_SECONDS = 10;

    private final WorkerCommand command;
    private final Supplier<ConfigOpts> config;
    private final List<String> serviceNames;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Map<String, ServiceWorkers> services = new LinkedHashMap<>();
    private int gracefulShutdownTimeout;

    private record SignalCaught(Signals.Kind kind) {
    }

    private record ChildExited(Child child) {
    }

    /** One worker process and what the launcher knows of it. */
    private static final class Child {
        final Process process;
        final ServiceWorkers service;
        final CompletableFuture<Integer> ready = new CompletableFuture<>();
        volatile boolean retiring;

        Child(Process process, ServiceWorkers service) {
            this.process = process;
            this.service = service;
        }
    }

    /** The seeds' ServiceWrapper: a service, how many workers it wants, its children and fork times. */
    private static final class ServiceWorkers {
        final String name;
        int workers;
        final Set<Child> children = new LinkedHashSet<>();
        final Deque<Long> forkTimes = new ArrayDeque<>();

        ServiceWorkers(String name, int workers) {
            this.name = name;
            this.workers = workers;
        }

        long serving() {
            return children.stream().filter(child -> !child.retiring).count();
        }
    }

    /**
     * @param command how to start a worker process
     * @param config reads the configuration afresh (worker counts, shutdown timeout); called at
     *     start and on SIGHUP
     * @param serviceNames the services to run, e.g. the enabled_apis
     */
    public ProcessLauncher(WorkerCommand command, Supplier<ConfigOpts> config, List<String> serviceNames) {
        this.command = Objects.requireNonNull(command, "command is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.serviceNames = List.copyOf(Objects.requireNonNull(serviceNames, "serviceNames is null"));
    }

    /** Routes SIGTERM, SIGINT and SIGHUP of this process to {@link #signal}. */
    public void installSignalHandlers() {
        Signals.install(this::signal, Signals.Kind.TERM, Signals.Kind.INT, Signals.Kind.HUP);
    }

    /** Acts on a signal as if the process had received it. */
    public void signal(Signals.Kind kind) {
        events.add(new SignalCaught(Objects.requireNonNull(kind, "kind is null")));
    }

    /** Starts the workers and supervises them until SIGTERM or SIGINT; returns the exit status, 0. */
    public int run() throws InterruptedException {
        ConfigOpts conf = config.get();
        gracefulShutdownTimeout = conf.get(ServiceOpts.GRACEFUL_SHUTDOWN_TIMEOUT);
        for (String name : serviceNames) {
            ServiceWorkers service = new ServiceWorkers(name, ServiceSettings.of(conf, name).workers());
            services.put(name, service);
            LOG.info("Starting {} workers", service.workers);
            while (service.serving() < service.workers) {
                startChild(service);
            }
        }
        while (true) {
            Object event = events.take();
            if (event instanceof ChildExited exited) {
                childExited(exited.child());
            } else if (event instanceof SignalCaught caught && caught.kind() == Signals.Kind.HUP) {
                LOG.info("Caught SIGHUP, replacing children with the reloaded configuration");
                reload();
            } else if (event instanceof SignalCaught caught) {
                LOG.info("Caught {}, stopping children", caught.kind().signalName());
                break;
            }
        }
        stopChildren();
        return 0;
    }

    private void childExited(Child child) throws InterruptedException {
        ServiceWorkers service = child.service;
        service.children.remove(child);
        LOG.info("Child {} exited with status {}", child.process.pid(), child.process.exitValue());
        if (child.retiring) {
            return;
        }
        while (service.serving() < service.workers) {
            startChild(service);
        }
    }

    private Child startChild(ServiceWorkers service) throws InterruptedException {
        if (service.forkTimes.size() > service.workers) {
            // At most one process a second over workers seconds: quick start-up, but children
            // that die at once are not re-forked in a tight loop.
            if (System.currentTimeMillis() - service.forkTimes.peekFirst() < service.workers * 1000L) {
                LOG.info("Forking too fast, sleeping");
                Thread.sleep(1000);
            }
            service.forkTimes.pollFirst();
        }
        service.forkTimes.addLast(System.currentTimeMillis());
        Process process;
        try {
            process = new ProcessBuilder(command.forService(service.name))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a worker for " + service.name + ": " + e.getMessage(), e);
        }
        Child child = new Child(process, service);
        service.children.add(child);
        LOG.info("Started child {}", process.pid());
        Thread.ofVirtual().name("child-" + process.pid() + "-output").start(() -> relayOutput(child));
        process.onExit().thenRun(() -> {
            child.ready.completeExceptionally(new IllegalStateException("child " + process.pid() + " exited"));
            events.add(new ChildExited(child));
        });
        return child;
    }

    /** Copies the child's standard output to ours, noting its ready line. */
    private static void relayOutput(Child child) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(WorkerMain.READY_MARKER)) {
                    child.ready.complete(Integer.valueOf(line.substring(WorkerMain.READY_MARKER.length()).trim()));
                } else {
                    System.out.println(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            child.ready.completeExceptionally(e);
        }
    }

    /** New children first, old ones stopped once every new one listens. */
    private void reload() throws InterruptedException {
        ConfigOpts conf;
        Map<String, Integer> workers = new LinkedHashMap<>();
        try {
            conf = config.get();
            for (String name : serviceNames) {
                workers.put(name, ServiceSettings.of(conf, name).workers());
            }
        } catch (RuntimeException e) {
            LOG.error("Reloading the configuration failed, the children stay: {}", e.toString());
            return;
        }
        List<Child> old = new ArrayList<>();
        List<Child> fresh = new ArrayList<>();
        Map<String, Integer> previousWorkers = new LinkedHashMap<>();
        for (ServiceWorkers service : services.values()) {
            previousWorkers.put(service.name, service.workers);
            old.addAll(service.children);
            service.children.forEach(child -> child.retiring = true);
            service.workers = workers.get(service.name);
            while (service.serving() < service.workers) {
                fresh.add(startChild(service));
            }
        }
        boolean allReady = true;
        for (Child child : fresh) {
            allReady &= awaitReady(child);
        }
        if (!allReady) {
            LOG.error("New children did not start; keeping the old ones");
            for (Child child : fresh) {
                child.retiring = true;
                child.process.toHandle().destroy();
            }
            old.forEach(child -> child.retiring = false);
            services.values().forEach(service -> service.workers = previousWorkers.get(service.name));
            return;
        }
        gracefulShutdownTimeout = conf.get(ServiceOpts.GRACEFUL_SHUTDOWN_TIMEOUT);
        for (Child child : old) {
            child.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our pipes
        }
    }

    private static boolean awaitReady(Child child) throws InterruptedException {
        try {
            child.ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Child {} did not start listening: {}", child.process.pid(), e.toString());
            return false;
        }
    }

    private void stopChildren() throws InterruptedException {
        List<Child> children = new ArrayList<>();
        services.values().forEach(service -> children.addAll(service.children));
        for (Child child : children) {
            child.retiring = true;
            child.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our pipes
        }
        if (children.isEmpty()) {
            return;
        }
        LOG.info("Waiting on {} children to exit", children.size());
        for (Child child : children) {
            if (gracefulShutdownTimeout == 0) {
                child.process.waitFor();
            } else if (!child.process.waitFor(gracefulShutdownTimeout + EXIT_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Child {} did not exit in time, killing it", child.process.pid());
                child.process.destroyForcibly().waitFor();
            }
        }
    }
}
