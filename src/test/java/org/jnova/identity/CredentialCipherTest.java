package org.jnova.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credential blobs encrypted with the keys of a repository on disk, as API nodes sharing it see them. */
class CredentialCipherTest {
    private static final String BLOB = "{\"access\": \"a1b2\", \"secret\": \"the-secret-42\", \"trust_id\": null}";

    @TempDir
    Path dir;

    @Test
    void theFirstUseMakesAKeyOnlyItsOwnerReadsAndTheStoredFormHidesTheSecret() throws Exception {
        Path keys = dir.resolve("credential-keys");
        CredentialCipher cipher = new CredentialCipher(new CredentialKeyRepository(keys));
        String stored = cipher.encrypt("id-1", BLOB);

        assertThat(stored).startsWith("aes-gcm:").doesNotContain("the-secret-42").doesNotContain("a1b2");
        assertThat(cipher.encrypt("id-1", BLOB)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt("id-1", stored)).isEqualTo(BLOB);
        assertThat(cipher.isStale(stored)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("0"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("0");
        }
    }

    @Test
    void anotherNodeSharingTheRepositoryDecryptsAndSeesARotation() {
        Path keys = dir.resolve("shared");
        CredentialKeyRepository first = new CredentialKeyRepository(keys);
        CredentialCipher one = new CredentialCipher(first);
        CredentialCipher two = new CredentialCipher(new CredentialKeyRepository(keys));
        String before = one.encrypt("id-2", BLOB);
        assertThat(two.decrypt("id-2", before)).isEqualTo(BLOB);

        CredentialKeyRepository.CredentialKey added = first.rotate();
        assertThat(added.number()).isEqualTo(1);
        assertThat(two.isStale(before)).as("the other node encrypts with the new key").isTrue();
        String after = two.encrypt("id-2", BLOB);
        assertThat(after).startsWith("aes-gcm:" + added.hash() + ":");
        assertThat(one.decrypt("id-2", after)).isEqualTo(BLOB);
        assertThat(one.decrypt("id-2", before)).as("an older key still decrypts").isEqualTo(BLOB);
    }

    @Test
    void aKeyAddedByHandBecomesPrimary() throws Exception {
        Path keys = dir.resolve("by-hand");
        CredentialCipher cipher = new CredentialCipher(new CredentialKeyRepository(keys));
        String before = cipher.encrypt("id-3", BLOB);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Files.writeString(keys.resolve("7"), Base64.getUrlEncoder().encodeToString(key) + "\n");
        Files.setLastModifiedTime(keys, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 1000)); // as a later write would
        assertThat(cipher.isStale(before)).isTrue();
        assertThat(cipher.decrypt("id-3", cipher.encrypt("id-3", BLOB))).isEqualTo(BLOB);
    }

    @Test
    void aClearBlobReadsAsItIsAndIsStale() {
        CredentialCipher cipher = new CredentialCipher(new CredentialKeyRepository(dir.resolve("k")));
        assertThat(cipher.decrypt("id-4", BLOB)).isEqualTo(BLOB);
        assertThat(cipher.isStale(BLOB)).isTrue();
    }

    @Test
    void aValueMovedToAnotherRowTamperedWithOrWithoutItsKeyDoesNotDecrypt() throws Exception {
        Path keys = dir.resolve("strict");
        CredentialCipher cipher = new CredentialCipher(new CredentialKeyRepository(keys));
        String stored = cipher.encrypt("id-5", BLOB);
        assertThatThrownBy(() -> cipher.decrypt("id-6", stored))
                .isInstanceOf(CredentialCipher.CredentialEncryptionError.class);
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A')
                + stored.charAt(stored.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt("id-5", tampered))
                .isInstanceOf(CredentialCipher.CredentialEncryptionError.class);

        CredentialCipher elsewhere = new CredentialCipher(new CredentialKeyRepository(dir.resolve("other")));
        assertThatThrownBy(() -> elsewhere.decrypt("id-5", stored))
                .isInstanceOf(CredentialCipher.CredentialEncryptionError.class)
                .hasMessageContaining("is not in the credential key repository");
    }
}
