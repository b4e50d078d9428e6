package org.jnova.api.ec2.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.ec2.protocol.Ec2Error;

/**
 * The age check nova made of a SigV2 request ({@code is_ec2_timestamp_expired}): a
 * {@code Timestamp} more than {@link #NOVA_EXPIRY} away from now (either way), an
 * {@code Expires} that has passed, or either not in {@code YYYY-MM-DDThh:mm:ss[.fff]Z}, is
 * 403 "Timestamp failed validation." (with AWS's code for it, {@code RequestExpired}); both at
 * once is 400; neither (or empty ones) is let through, as nova did.
 */
final class SignatureV2Age {
    /** nova's {@code ec2_timestamp_expiry} default. */
    static final Duration NOVA_EXPIRY = Duration.ofSeconds(300);
    /** nova's two forms: whole seconds, or 3 to 6 digits of fraction (the AWS SDK for Java's). */
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 3, 6, true).optionalEnd()
            .appendLiteral('Z').toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;
    private final Duration expiry;

    SignatureV2Age(Clock clock, Duration expiry) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.expiry = Objects.requireNonNull(expiry, "expiry is null");
    }

    /** Refuses the request whose parameters carry a time nova would not have accepted. */
    void check(Map<String, String> params) {
        String timestamp = present(params.get("Timestamp"));
        String expires = present(params.get("Expires"));
        if (timestamp != null && expires != null) {
            throw Ec2Error.client("InvalidParameterCombination",
                    "Request must include either Timestamp or Expires, but cannot contain both");
        }
        Instant now = clock.instant();
        boolean expired;
        if (expires != null) {
            // nova: older than -1 seconds, so an Expires less than a second ahead has passed too
            expired = parse(expires).map(at -> !now.plusSeconds(1).isBefore(at)).orElse(true);
        } else if (timestamp != null) {
            expired = parse(timestamp).map(at -> Duration.between(at, now).abs().compareTo(expiry) > 0)
                    .orElse(true);
        } else {
            expired = false;
        }
        if (expired) {
            throw new Ec2Error(403, "RequestExpired", "Timestamp failed validation.");
        }
    }

    /** An empty value counts as none, as in nova's test of the parameters' truth. */
    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Optional<Instant> parse(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
