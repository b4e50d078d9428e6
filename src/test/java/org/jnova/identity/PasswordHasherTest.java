package org.jnova.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** passlib's pbkdf2_sha512 form of "secret", salt "0123456789abcdef", 1000 rounds (Python's hashlib). */
    private static final String PASSLIB_HASH = "$pbkdf2-sha512$1000$MDEyMzQ1Njc4OWFiY2RlZg$"
            + "vgFvU7zWIDgDAUi7d8ayt.cfRiPWVVWfv8iQRsGZaZviWzsSNgWYXEE5PmvI/VELMsOmEbqLz0PKuePNjOk41A";

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesAHashWrittenInPasslibsForm() {
        assertThat(hasher.verify("secret", PASSLIB_HASH)).isTrue();
        assertThat(hasher.verify("Secret", PASSLIB_HASH)).isFalse();
    }

    @Test
    void hashesWithAFreshSaltAndVerifiesItsOwnHashes() {
        String first = hasher.hash("pässword");
        String second = hasher.hash("pässword");
        assertThat(first).startsWith("$pbkdf2-sha512$1000$").isNotEqualTo(second);
        assertThat(hasher.verify("pässword", first)).isTrue();
        assertThat(hasher.verify("password", first)).isFalse();
    }

    @Test
    void refusesMalformedOrForeignHashes() {
        assertThat(hasher.verify("secret", null)).isFalse();
        assertThat(hasher.verify("secret", "$2b$12$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("secret", "$pbkdf2-sha512$x$y$z")).isFalse();
        assertThat(hasher.verify("secret", "$pbkdf2-sha512$99999999$MDEy$vgFv")).isFalse();
        assertThat(hasher.verify("secret", "$pbkdf2-sha512$1000$!!$??")).isFalse();
    }
}
