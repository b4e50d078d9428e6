package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** jnova's own messaging options ({@code [jnova_messaging]}): the outbox of casts. */
public final class OutboxOpts {
    private OutboxOpts() {
    }

    public static final Opt<Integer> OUTBOX_REDELIVER_AFTER = Opt.integer("jnova_messaging", "outbox_redeliver_after")
            .defaultValue(10).min(1)
            .help("Seconds after which a cast recorded with the state change it announces, and still not sent "
                    + "(the process that recorded it died before sending, or the broker refused it), is sent "
                    + "again by the outbox relay every API process runs (jnova only).").build();

    public static final Opt<Integer> OUTBOX_EXPIRE_AFTER = Opt.integer("jnova_messaging", "outbox_expire_after")
            .defaultValue(3600).min(1)
            .help("Seconds after which a recorded cast that could still not be sent (its host is gone, or the "
                    + "broker kept refusing it) is dropped with an error in the log. The state change it announced "
                    + "is in the database: a compute host that comes back finishes or rolls back its servers' "
                    + "tasks at start, and the conductor schedules builds that never started (jnova only).").build();

    public static List<Opt<?>> all() {
        return List.of(OUTBOX_REDELIVER_AFTER, OUTBOX_EXPIRE_AFTER);
    }
}
