package org.jnova.api.openstack.compute.servers;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The two ways nova prints times in server bodies. Years 1000-9999 are printed field by field
 * (a list prints thousands of times); other years go through the equivalent formatters.
 */
public final class ServerTimes {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter PY_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter PY_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final int NANOS_PER_MICRO = 1000;

    private ServerTimes() {
    }

    /** nova's utils.isotime: whole seconds with a Z ("2026-11-22T13:27:35Z"); null stays null. */
    public static String isotime(Instant t) {
        if (t == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (!fourDigitYear(local)) {
            return ISO.format(local);
        }
        return seconds(local, 20).append('Z').toString();
    }

    /** A naive datetime's isoformat: microseconds only when non-zero, no zone. */
    public static String naive(Instant t) {
        if (t == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        int micros = local.getNano() / NANOS_PER_MICRO;
        if (!fourDigitYear(local)) {
            return (micros == 0 ? PY_SECONDS : PY_MICROS).format(local);
        }
        StringBuilder out = seconds(local, 26);
        if (micros != 0) {
            pad(out.append('.'), micros, 6);
        }
        return out.toString();
    }

    private static boolean fourDigitYear(LocalDateTime t) {
        return t.getYear() >= 1000 && t.getYear() <= 9999;
    }

    /** yyyy-MM-ddTHH:mm:ss */
    private static StringBuilder seconds(LocalDateTime t, int capacity) {
        StringBuilder out = new StringBuilder(capacity);
        out.append(t.getYear()).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        return pad(out, t.getSecond(), 2);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
