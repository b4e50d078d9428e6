package org.jnova.virt.fake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The line {@code uptime} prints, for a fake host that came up when its driver started:
 * " 10:02:11 up 3 days,  4:05,  0 users,  load average: 0.52, 0.58, 0.59" (time of day in UTC,
 * the machine's load averages).
 */
final class UptimeLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private UptimeLine() {
    }

    static String of(Instant bootedAt, Instant now) {
        Duration up = Duration.between(bootedAt, now);
        if (up.isNegative()) {
            up = Duration.ZERO;
        }
        return " " + TIME.format(LocalTime.ofInstant(now, ZoneOffset.UTC)) + " up " + upFor(up) + ",  0 users,  "
                + "load average: " + loadAverages();
    }

    /** procps' form: "5 min", "2:07", "1 day,  2:07", "3 days, 10 min". */
    static String upFor(Duration up) {
        long days = up.toDays();
        long hours = up.toHoursPart();
        long minutes = up.toMinutesPart();
        String rest = hours > 0 ? String.format(Locale.ROOT, "%2d:%02d", hours, minutes) : minutes + " min";
        if (days == 0) {
            return rest.strip();
        }
        return days + (days == 1 ? " day, " : " days, ") + rest;
    }

    private static String loadAverages() {
        try {
            String[] fields = Files.readString(LOADAVG).strip().split("\\s+");
            if (fields.length >= 3) {
                return fields[0] + ", " + fields[1] + ", " + fields[2];
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM knows the last minute only
        }
        double last = Math.max(0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String one = String.format(Locale.ROOT, "%.2f", last);
        return one + ", " + one + ", " + one;
    }
}
