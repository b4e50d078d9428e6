package org.jnova.api.openstack.compute.services;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as nova's JSON shows datetimes (oslo's to_primitive, strftime
 * {@code %Y-%m-%dT%H:%M:%S.%f}): {@code 2026-11-22T13:27:10.406347}, always six fraction digits.
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
        return SECONDS.format(t) + String.format(".%06d", t.getNano() / 1000);
    }
}
