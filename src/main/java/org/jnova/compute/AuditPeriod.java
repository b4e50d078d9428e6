package org.jnova.compute;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nova's {@code instance_usage_audit_period} ("hour", "day", "month" or "year", optionally
 * "@offset") and utils.last_completed_audit_period: the most recent period that ended before a
 * moment, in UTC wall time.
 */
public final class AuditPeriod {
    private static final Pattern FORMAT = Pattern.compile("^(hour|month|day|year)(@([0-9]{1,4}))?$");

    /** One audit period, [begin, end). */
    public record Period(LocalDateTime begin, LocalDateTime end) {
    }

    private final String unit;
    private final int offset;

    private AuditPeriod(String unit, int offset) {
        this.unit = unit;
        this.offset = offset;
    }

    /** @throws IllegalArgumentException when {@code spec} is not nova's format */
    public static AuditPeriod parse(String spec) {
        Matcher m = FORMAT.matcher(Objects.requireNonNull(spec, "spec is null"));
        if (!m.matches()) {
            throw new IllegalArgumentException("instance_usage_audit_period " + spec
                    + " does not match ^(hour|month|day|year)(@([0-9]+))?$");
        }
        int offset = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        // nova fails the audit at run time for offsets no calendar has (day@24, month@30 in February)
        int max = switch (m.group(1)) {
            case "hour" -> 59;
            case "day" -> 23;
            case "month" -> 28;
            default -> 12;
        };
        if (offset > max) {
            throw new IllegalArgumentException("instance_usage_audit_period " + spec + ": offset above " + max);
        }
        return new AuditPeriod(m.group(1), offset);
    }

    /** The last period completed before {@code now}. */
    public Period lastCompletedBefore(LocalDateTime now) {
        return switch (unit) {
            case "month" -> {
                int day = offset == 0 ? 1 : offset;
                LocalDateTime end = LocalDateTime.of(now.getYear(), now.getMonth(), day, 0, 0);
                if (!end.isBefore(now)) {
                    end = end.minusMonths(1);
                }
                yield new Period(end.minusMonths(1), end);
            }
            case "year" -> {
                int month = offset == 0 ? 1 : offset;
                LocalDateTime end = LocalDateTime.of(now.getYear(), month, 1, 0, 0);
                if (!end.isBefore(now)) {
                    end = end.minusYears(1);
                }
                yield new Period(end.minusYears(1), end);
            }
            case "day" -> {
                LocalDateTime end = now.toLocalDate().atTime(offset, 0);
                if (!end.isBefore(now)) {
                    end = end.minusDays(1);
                }
                yield new Period(end.minusDays(1), end);
            }
            default -> {
                LocalDateTime end = now.withMinute(offset).withSecond(0).withNano(0);
                if (!end.isBefore(now)) {
                    end = end.minusHours(1);
                }
                yield new Period(end.minusHours(1), end);
            }
        };
    }
}
