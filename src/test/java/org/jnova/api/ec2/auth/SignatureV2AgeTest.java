package org.jnova.api.ec2.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.junit.jupiter.api.Test;

/** nova's age check of SigV2 requests, at a fixed time. */
class SignatureV2AgeTest {
    private final SignatureV2Age age = new SignatureV2Age(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"),
            ZoneOffset.UTC), SignatureV2Age.NOVA_EXPIRY);

    private Ec2Error refusal(Map<String, String> params) {
        return catchThrowableOfType(Ec2Error.class, () -> age.check(params));
    }

    @Test
    void aTimestampWithinFiveMinutesEitherWayIsAccepted() {
        for (String t : new String[] {"2026-03-01T12:00:00Z", "2026-03-01T11:55:00Z", "2026-03-01T12:05:00Z",
            "2026-03-01T11:57:30.123Z", "2026-03-01T12:02:00.123456Z"}) {
            assertThatCode(() -> age.check(Map.of("Timestamp", t))).as(t).doesNotThrowAnyException();
        }
    }

    @Test
    void aTimestampTooOldOrTooNewIsRefused() {
        for (String t : new String[] {"2026-03-01T11:54:59Z", "2026-03-01T12:05:01Z", "2024-01-01T00:00:00Z"}) {
            Ec2Error refused = refusal(Map.of("Timestamp", t));
            assertThat(refused).as(t).isNotNull();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("RequestExpired");
            assertThat(refused.getMessage()).isEqualTo("Timestamp failed validation.");
        }
    }

    @Test
    void aTimestampNotInNovasFormsIsRefused() {
        for (String t : new String[] {"2026-03-01T12:00:00", "2026-03-01T12:00:00+00:00", "2026-03-01 12:00:00Z",
            "2026-03-01T12:00:00.1Z", "2026-02-30T12:00:00Z", "yesterday"}) {
            assertThat(refusal(Map.of("Timestamp", t))).as(t).isNotNull()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void anExpiresThatHasPassedIsRefused() {
        assertThatCode(() -> age.check(Map.of("Expires", "2026-03-01T12:10:00Z"))).doesNotThrowAnyException();
        assertThatCode(() -> age.check(Map.of("Expires", "2027-01-01T00:00:00Z"))).doesNotThrowAnyException();
        assertThat(refusal(Map.of("Expires", "2026-03-01T11:59:59Z")).status()).isEqualTo(403);
        // less than a second ahead counts as passed, as in nova
        assertThat(refusal(Map.of("Expires", "2026-03-01T12:00:00.500Z")).status()).isEqualTo(403);
        assertThat(refusal(Map.of("Expires", "soon")).status()).isEqualTo(403);
    }

    @Test
    void bothOrNeither() {
        Ec2Error both = refusal(Map.of("Timestamp", "2026-03-01T12:00:00Z", "Expires", "2026-03-01T12:10:00Z"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.code()).isEqualTo("InvalidParameterCombination");
        assertThat(both.getMessage()).isEqualTo("Request must include either Timestamp or Expires, but cannot "
                + "contain both");
        assertThatCode(() -> age.check(Map.of("Action", "DescribeRegions"))).doesNotThrowAnyException();
        assertThatCode(() -> age.check(Map.of("Timestamp", "", "Expires", ""))).doesNotThrowAnyException();
    }
}
