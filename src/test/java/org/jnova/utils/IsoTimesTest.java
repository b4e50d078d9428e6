package org.jnova.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void isoTakesOffsetsAndLocalTimeAsUtc() {
        assertEquals(Optional.of(T), IsoTimes.parseIso("2026-01-02T04:04:05+01:00"));
        assertEquals(Optional.of(T), IsoTimes.parseIso("2026-01-02T03:04:05"));
        assertEquals(Optional.empty(), IsoTimes.parseIso("2026-01-02 03:04:05"));
        assertEquals(Optional.of(T), IsoTimes.parseIsoOrSpaced("2026-01-02 03:04:05"));
    }

    @Test
    void isoTimeStripsAndTakesUtcWithoutOffset() {
        assertEquals(Optional.of(T), IsoTimes.parseIsoTime(" 2026-01-02T04:04:05+01:00 "));
        assertEquals(Optional.of(T), IsoTimes.parseIsoTime("2026-01-02 03:04:05Z"));
        assertEquals(Optional.empty(), IsoTimes.parseIsoTime("2026-01-02T04:04:05+0100"));
        assertEquals(Optional.empty(), IsoTimes.parseIsoTime("yesterday"));
    }

    @Test
    void strptimeFormsAllowShortFields() {
        assertEquals(Optional.of(T), IsoTimes.parseStrptime("2026-1-2T3:4:5"));
        assertEquals(Optional.of(T.plusMillis(500)), IsoTimes.parseStrptime("2026-01-02 03:04:05.5"));
        assertEquals(Optional.empty(), IsoTimes.parseStrptime("2026-01-02 03:04:05"));
    }
}
