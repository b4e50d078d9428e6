package org.jnova.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.junit.jupiter.api.Test;

/** The in-process launcher (one worker) driven by signals delivered through its API. */
class ServiceLauncherTest {
    private final TestServiceFactory factory = new TestServiceFactory();

    private static ConfigOpts conf(int port, String greeting) {
        ConfigOpts conf = new ConfigOpts(TestServiceFactory.options());
        conf.set(ServiceOpts.ENABLED_APIS, "osapi_compute");
        conf.set(ServiceOpts.OSAPI_COMPUTE_LISTEN, "127.0.0.1");
        conf.set(ServiceOpts.OSAPI_COMPUTE_LISTEN_PORT, Integer.toString(port));
        conf.set(ServiceOpts.OSAPI_COMPUTE_WORKERS, "1");
        conf.set(TestServiceFactory.GREETING, greeting);
        return conf;
    }

    /** Runs the launcher in the background and waits until it serves on {@code port}; completes with its exit code. */
    private static CompletableFuture<Integer> startServing(ServiceLauncher launcher, int port) throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitServing(launcher, port);
        return exit;
    }

    private static void awaitServing(ServiceLauncher launcher, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                LauncherProcess.get(port, "/");
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void sighupRestartsWithTheReloadedConfigurationWithoutRefusingConnections() throws Exception {
        int port = LauncherProcess.freePort();
        AtomicReference<String> greeting = new AtomicReference<>("hello");
        ServiceLauncher launcher = new ServiceLauncher(() -> conf(port, greeting.get()), factory::create,
                List.of("osapi_compute"));
        CompletableFuture<Integer> exit = startServing(launcher, port);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        Thread client = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    String answer = LauncherProcess.get(port, "/").split(" ")[1];
                    synchronized (answers) {
                        answers.add(answer);
                    }
                } catch (IOException e) {
                    synchronized (failures) {
                        failures.add(e.toString());
                    }
                }
            }
        });
        Thread.sleep(300);

        greeting.set("bonjour");
        launcher.signal(Signals.Kind.HUP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!LauncherProcess.get(port, "/").endsWith("bonjour") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        running.set(false);
        client.join();

        assertThat(failures).isEmpty();
        assertThat(answers).contains("hello").endsWith("bonjour");
        assertThat(launcher.services()).hasSize(1);

        launcher.signal(Signals.Kind.TERM);
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(launcher.services()).isEmpty();
    }

    @Test
    void sigintStopsAfterTheSlowRequestFinishes() throws Exception {
        int port = LauncherProcess.freePort();
        ServiceLauncher launcher = new ServiceLauncher(() -> conf(port, "hello"), factory::create,
                List.of("osapi_compute"));
        CompletableFuture<Integer> exit = startServing(launcher, port);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return LauncherProcess.get(port, "/?ms=1500");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);

        launcher.signal(Signals.Kind.INT);

        assertThat(slow.get(10, TimeUnit.SECONDS)).endsWith("hello");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
}
