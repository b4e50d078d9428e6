package org.jnova.api.openstack.compute.servers;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The two ways nova prints times in server bodies. */
public final class ServerTimes {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter PY_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter PY_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private ServerTimes() {
    }

    /** nova's utils.isotime: whole seconds with a Z ("2026-11-22T13:27:35Z"); null stays null. */
    public static String isotime(Instant t) {
        return t == null ? null : ISO.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** A naive datetime's isoformat: microseconds only when non-zero, no zone. */
    public static String naive(Instant t) {
        if (t == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (local.getNano() == 0 ? PY_SECONDS : PY_MICROS).format(local);
    }
}
