package org.jnova.utils;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;

/**
 * The timestamp forms nova's API accepts. Each method names the form it reads; text without an
 * offset is UTC. Every method answers empty for text it cannot read, so callers word the error.
 */
public final class IsoTimes {
    private static final List<DateTimeFormatter> STRPTIME_FORMS = List.of(strptime('T', false),
            strptime('T', true), strptime(' ', true));

    private IsoTimes() {
    }

    /** ISO 8601 with an offset, or a local date-time ({@code 2026-01-02T03:04:05}) taken as UTC. */
    public static Optional<Instant> parseIso(String text) {
        return parse(text, false);
    }

    /** As {@link #parseIso}, also allowing a space instead of {@code T} when there is no offset. */
    public static Optional<Instant> parseIsoOrSpaced(String text) {
        return parse(text, true);
    }

    /**
     * oslo's {@code parse_isotime} as the migrations filter uses it: surrounding whitespace
     * ignored, UTC unless an offset ({@code Z}, {@code +hh:mm}) is given, a space may stand for
     * {@code T}. An offset without its colon is not read.
     */
    public static Optional<Instant> parseIsoTime(String text) {
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$") ? t : t + "Z")
                    .toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * strptime's {@code %Y-%m-%dT%H:%M:%S}, {@code %Y-%m-%dT%H:%M:%S.%f} and
     * {@code %Y-%m-%d %H:%M:%S.%f}, tried in that order (one or two digits for the small fields,
     * up to six for {@code %f}), as UTC.
     */
    public static Optional<Instant> parseStrptime(String text) {
        for (DateTimeFormatter f : STRPTIME_FORMS) {
            try {
                return Optional.of(LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> parse(String text, boolean spaced) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(spaced ? text.replace(' ', 'T') : text)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static DateTimeFormatter strptime(char separator, boolean fraction) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4).appendLiteral('-')
                .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendLiteral(separator)
                .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(':')
                .appendValue(ChronoField.MINUTE_OF_HOUR, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 1, 2, SignStyle.NOT_NEGATIVE);
        if (fraction) {
            b.appendLiteral('.').appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, false);
        }
        return b.toFormatter();
    }
}
