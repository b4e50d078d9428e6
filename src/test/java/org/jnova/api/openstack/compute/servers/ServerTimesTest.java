package org.jnova.api.openstack.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Server times printed as nova prints them, field by field or through a formatter alike. */
class ServerTimesTest {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    @Test
    void printsAsNovaDoes() {
        Instant t = Instant.parse("2026-01-02T03:04:05.000007890Z");
        assertThat(ServerTimes.isotime(t)).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(ServerTimes.naive(t)).isEqualTo("2026-01-02T03:04:05.000007");
        assertThat(ServerTimes.naive(Instant.parse("2026-12-31T23:59:59.000000999Z"))).isEqualTo("2026-12-31T23:59:59");
        assertThat(ServerTimes.naive(Instant.parse("2026-11-22T13:27:35.729692Z"))).isEqualTo("2026-11-22T13:27:35.729692");
        assertThat(ServerTimes.isotime(null)).isNull();
        assertThat(ServerTimes.naive(null)).isNull();
    }

    @Test
    void printsAnyYearAsTheFormattersDo() {
        Random random = new Random(42);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int n = 0; n < 20_000; n++) {
            long seconds = min + (long) (random.nextDouble() * (max - min));
            int nanos = switch (n % 3) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000);
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            LocalDateTime micros = local.truncatedTo(ChronoUnit.MICROS);
            assertThat(ServerTimes.isotime(t)).isEqualTo(ISO.format(local));
            assertThat(ServerTimes.naive(t)).isEqualTo((micros.getNano() == 0 ? SECONDS : MICROS).format(micros));
        }
    }
}
