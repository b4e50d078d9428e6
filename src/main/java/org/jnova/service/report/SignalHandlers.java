package org.jnova.service.report;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The one place jnova touches {@code sun.misc.Signal}: installs a handler that runs an action
 * on a fresh thread, so the JVM's signal dispatcher is never held up and the process keeps
 * running.
 *
 * <p><b>Which signal the report uses.</b> nova writes its Guru Meditation Report on
 * {@code SIGUSR2}. HotSpot lets Java code register {@code SIGUSR2}, but uses it internally as
 * its thread suspend/resume signal ({@code SR_signum}): with a Java handler installed, JFR's
 * execution sampler stops producing samples and the handler receives the JVM's own signals.
 * So jnova uses {@link #REPORT_SIGNAL} = {@code SIGUSR1}, which HotSpot leaves free
 * ({@code kill -USR1 <pid>}). {@code SIGQUIT} stays the JVM's own thread dump.
 */
public final class SignalHandlers {
    /** The signal that asks for a Guru Meditation Report: {@code USR1} (see the class comment). */
    public static final String REPORT_SIGNAL = "USR1";

    private static final Logger LOG = LoggerFactory.getLogger(SignalHandlers.class);

    private final Consumer<Runnable> runner;

    /** Runs each handled signal's action on a new daemon platform thread named after the signal. */
    public SignalHandlers() {
        this(action -> Thread.ofPlatform().daemon().name("signal-handler").start(action));
    }

    public SignalHandlers(Consumer<Runnable> runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    /**
     * Runs {@code action} whenever signal {@code name} ({@code "USR1"}, {@code "HUP"}, ...)
     * arrives, replacing any handler installed before.
     *
     * @return false when this platform or the JVM does not let us handle that signal
     */
    public boolean handle(String name, Runnable action) {
        requireNonNull(action, "action is null");
        try {
            Signal.handle(new Signal(name), signal -> runner.accept(action));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("Cannot handle signal SIG{}: {}", name, e.getMessage());
            return false;
        }
    }
}
