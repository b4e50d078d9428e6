package org.jnova.cmd;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away RabbitMQ virtual host for tests whose queue names are fixed (nova's topics),
 * made with {@code rabbitmqctl} when this machine can run it; otherwise the default vhost
 * {@code /} (the caller then relies on a unique exchange).
 */
final class TestVhost implements AutoCloseable {
    private final String name;
    private final boolean created;

    private TestVhost(String name, boolean created) {
        this.name = name;
        this.created = created;
    }

    static TestVhost create() {
        String name = "jnova-test-" + UUID.randomUUID().toString().substring(0, 8);
        if (ctl("add_vhost", name) && ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")) {
            return new TestVhost(name, true);
        }
        return new TestVhost("/", false);
    }

    /** The vhost as the path of a transport URL ({@code ""} for the default one). */
    String urlPath() {
        return created ? name : "";
    }

    private static boolean ctl(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (created) {
            ctl("delete_vhost", name);
        }
    }
}
