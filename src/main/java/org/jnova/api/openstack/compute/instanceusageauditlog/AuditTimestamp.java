package org.jnova.api.openstack.compute.instanceusageauditlog;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code before} moment of a show, read as nova reads it: Python's strptime with
 * "%Y-%m-%d %H:%M:%S", or with ".%f" appended when the text has a dot (one- or two-digit
 * fields, any run of whitespace for the space, the calendar checked).
 */
final class AuditTimestamp {
    private static final String DATE_TIME = "(?<Y>\\d{4})-(?<m>1[0-2]|0[1-9]|[1-9])-(?<d>3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])"
            + "\\s+(?<H>2[0-3]|[0-1]\\d|\\d):(?<M>[0-5]\\d|\\d):(?<S>6[0-1]|[0-5]\\d|\\d)";
    private static final Pattern WHOLE_SECONDS = Pattern.compile(DATE_TIME);
    private static final Pattern FRACTION = Pattern.compile(DATE_TIME + "\\.(?<f>\\d{1,6})");

    private AuditTimestamp() {
    }

    static Optional<LocalDateTime> parse(String text) {
        Matcher m = (text.contains(".") ? FRACTION : WHOLE_SECONDS).matcher(text);
        if (!m.matches() || Integer.parseInt(m.group("Y")) < 1) {
            return Optional.empty();
        }
        int nanos = 0;
        if (text.contains(".")) {
            String f = m.group("f");
            nanos = Integer.parseInt(f + "000000".substring(f.length())) * 1000;
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group("Y")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d").strip()), Integer.parseInt(m.group("H")),
                    Integer.parseInt(m.group("M")), Integer.parseInt(m.group("S")), nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
