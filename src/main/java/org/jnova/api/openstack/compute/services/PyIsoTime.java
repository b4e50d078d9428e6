package org.jnova.api.openstack.compute.services;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as nova's JSON shows naive UTC datetimes: Python's {@code isoformat()}, i.e.
 * {@code 2026-11-22T13:27:10.406347}, without the fraction when it is zero.
 */
public final class PyIsoTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private PyIsoTime() {
    }

    /** {@code null} stays null (JSON null). */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int micros = t.getNano() / 1000;
        String seconds = SECONDS.format(t);
        return micros == 0 ? seconds : seconds + String.format(".%06d", micros);
    }
}
