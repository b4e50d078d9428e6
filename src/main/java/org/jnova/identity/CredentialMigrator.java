package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import org.jnova.db.IdentityCredentialStore;
import org.jnova.objects.IdentityCredential;

/**
 * {@code keystone-manage credential_migrate}: every stored credential that is in clear or
 * encrypted with a key other than the primary one is written again with the primary key, so
 * older keys can then be removed from the repository.
 */
public final class CredentialMigrator {
    private final IdentityCredentialStore credentials;
    private final CredentialCipher cipher;

    public CredentialMigrator(IdentityCredentialStore credentials, CredentialCipher cipher) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
    }

    /** Encrypts every stale row with the primary key; how many were written. */
    public int migrate() {
        int written = 0;
        for (IdentityCredential stored : credentials.all()) {
            if (cipher.isStale(stored.blob())) {
                String clear = cipher.decrypt(stored.id(), stored.blob());
                if (credentials.replaceBlob(stored.id(), stored.blob(), cipher.encrypt(stored.id(), clear))) {
                    written++;
                }
            }
        }
        return written;
    }
}
