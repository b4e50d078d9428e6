package org.jnova.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of a worker process: {@code WorkerMain <factory class> <service name>
 * [config arguments...]}. Serves one service until SIGTERM or SIGINT, then stops gracefully
 * and exits 0. Tells the launcher it is listening with a {@link #READY_MARKER} line on
 * standard output, and stops by itself when its standard input closes (the launcher is gone).
 */
public final class WorkerMain {
    /** The line prefix, followed by the port, a worker prints once it listens. */
    public static final String READY_MARKER = "JNOVA-WORKER-READY ";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private WorkerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: WorkerMain <factory class> <service name> [config arguments...]");
            System.exit(2);
        }
        int status;
        try {
            status = run(args[0], args[1], Arrays.asList(args).subList(2, args.length));
        } catch (Throwable e) {
            LOG.error("Worker for {} failed: {}", args[1], e.toString(), e);
            status = 1;
        }
        System.exit(status);
    }

    private static int run(String factoryClass, String serviceName, List<String> configArgs) throws Exception {
        ServiceFactory factory = instantiate(factoryClass);
        CountDownLatch stop = new CountDownLatch(1);
        Signals.install(kind -> {
            if (kind == Signals.Kind.HUP) {
                LOG.info("Caught SIGHUP; the launcher replaces workers, ignoring");
            } else {
                LOG.info("Caught {}, exiting", kind.signalName());
                stop.countDown();
            }
        }, Signals.Kind.TERM, Signals.Kind.INT, Signals.Kind.HUP);
        ApiService service = factory.create(factory.loadConfig(configArgs), serviceName);
        service.start();
        System.out.println(READY_MARKER + service.port());
        System.out.flush();
        Thread.ofPlatform().daemon().name("launcher-watch").start(() -> {
            awaitEndOfInput(System.in);
            LOG.info("Launcher is gone, exiting");
            stop.countDown();
        });
        stop.await();
        service.stop();
        return 0;
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The launcher writes nothing; we only wait for the pipe to close.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of input.
        }
    }

    static ServiceFactory instantiate(String factoryClass) throws ReflectiveOperationException {
        Class<?> type = Class.forName(factoryClass);
        return (ServiceFactory) type.getDeclaredConstructor().newInstance();
    }
}
