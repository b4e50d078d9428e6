package org.jnova.service.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.jnova.conf.DefaultOpts;
import org.jnova.conf.cfg.CommandLine;
import org.jnova.conf.cfg.ConfigLoader;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.conf.cfg.SearchPath;
import org.jnova.log.LoggingSetup;

/** A tiny service for {@link SignalReportProcessTest}: sets up the report trigger, says "ready", waits. */
public final class ReportChild {
    static final Opt<String> SECRET = Opt.string("database", "connection").secret().build();

    private ReportChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<Opt<?>> options = new ArrayList<>(DefaultOpts.all());
        options.add(SECRET);
        ConfigOpts conf = ConfigLoader.load(options,
                CommandLine.parse(args, "nova", "nova-api", options, new SearchPath(List.of())));
        LoggingSetup.setup(conf, "nova-api");
        GuruMeditation.setupAutorun(new GuruMeditationReport("nova-api", "26.0.0", () -> conf), conf,
                new SignalHandlers());
        Thread.ofVirtual().name("parked-virtual").start(LockSupport::park);
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        waitForever();
    }

    private static void waitForever() throws InterruptedException {
        while (true) {
            Thread.sleep(60_000);
        }
    }
}
