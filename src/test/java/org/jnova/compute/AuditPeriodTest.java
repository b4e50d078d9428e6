package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** nova's utils.last_completed_audit_period for each unit and offset. */
class AuditPeriodTest {
    private static final LocalDateTime NOW = LocalDateTime.parse("2026-03-15T10:30:00");

    private static String period(String spec, LocalDateTime now) {
        AuditPeriod.Period p = AuditPeriod.parse(spec).lastCompletedBefore(now);
        return p.begin() + " " + p.end();
    }

    @Test
    void eachUnitEndsAtItsLastBoundaryBeforeNow() {
        assertThat(period("month", NOW)).isEqualTo("2026-02-01T00:00 2026-03-01T00:00");
        assertThat(period("month@20", NOW)).isEqualTo("2026-01-20T00:00 2026-02-20T00:00");
        assertThat(period("month", LocalDateTime.parse("2026-01-01T00:00:00")))
                .isEqualTo("2025-11-01T00:00 2025-12-01T00:00");
        assertThat(period("year", NOW)).isEqualTo("2025-01-01T00:00 2026-01-01T00:00");
        assertThat(period("year@4", NOW)).isEqualTo("2024-04-01T00:00 2025-04-01T00:00");
        assertThat(period("day", NOW)).isEqualTo("2026-03-14T00:00 2026-03-15T00:00");
        assertThat(period("day@18", NOW)).isEqualTo("2026-03-13T18:00 2026-03-14T18:00");
        assertThat(period("hour", NOW)).isEqualTo("2026-03-15T09:00 2026-03-15T10:00");
        assertThat(period("hour@45", NOW)).isEqualTo("2026-03-15T08:45 2026-03-15T09:45");
    }

    @Test
    void badSpecsAreRefused() {
        assertThatThrownBy(() -> AuditPeriod.parse("week")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditPeriod.parse("day@24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditPeriod.parse("month@")).isInstanceOf(IllegalArgumentException.class);
    }
}
