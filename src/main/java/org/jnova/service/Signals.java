package org.jnova.service;

import java.util.Objects;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * The process signals the launchers act on, and the one place that uses {@code sun.misc.Signal}.
 * Installing a handler replaces the JVM's default (exit) for that signal.
 */
public final class Signals {
    /** The signals a launcher handles. */
    public enum Kind {
        TERM, INT, HUP;

        /** SIGTERM, SIGINT, SIGHUP: the name the logs use. */
        public String signalName() {
            return "SIG" + name();
        }
    }

    private Signals() {
    }

    /** Calls {@code handler} (on a JVM signal thread) whenever one of {@code kinds} arrives. */
    public static void install(Consumer<Kind> handler, Kind... kinds) {
        Objects.requireNonNull(handler, "handler is null");
        for (Kind kind : kinds) {
            Signal.handle(new Signal(kind.name()), signal -> handler.accept(kind));
        }
    }

    /** Sends a signal to a process, as kill(1) does. */
    public static void send(long pid, Kind kind) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + kind.name(), Long.toString(pid))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
