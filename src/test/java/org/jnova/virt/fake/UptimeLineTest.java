package org.jnova.virt.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UptimeLineTest {
    @Test
    void upForReadsAsProcpsPrintsIt() {
        assertThat(UptimeLine.upFor(Duration.ofSeconds(59))).isEqualTo("0 min");
        assertThat(UptimeLine.upFor(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(UptimeLine.upFor(Duration.ofMinutes(127))).isEqualTo("2:07");
        assertThat(UptimeLine.upFor(Duration.ofDays(1).plusMinutes(127))).isEqualTo("1 day,  2:07");
        assertThat(UptimeLine.upFor(Duration.ofDays(3).plusHours(10).plusMinutes(4))).isEqualTo("3 days, 10:04");
        assertThat(UptimeLine.upFor(Duration.ofDays(3).plusMinutes(10))).isEqualTo("3 days, 10 min");
    }

    @Test
    void theLineStartsWithTheTimeOfDayAndTheTimeSinceBoot() {
        Instant now = Instant.parse("2026-12-07T04:13:17Z");
        assertThat(UptimeLine.of(now.minus(Duration.ofHours(26)), now))
                .startsWith(" 04:13:17 up 1 day,  2:00,  0 users,  load average: ");
    }
}
