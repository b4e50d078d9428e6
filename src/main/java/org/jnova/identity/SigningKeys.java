package org.jnova.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityStore;
import org.jnova.objects.SigningKey;

/**
 * The keys that sign tokens, shared by every API node through the API database: the newest
 * signs, any of them validates; the first is made on first use. Rotating is adding a key
 * (new tokens use it, old ones keep validating) and later deleting the oldest.
 */
final class SigningKeys {
    private final IdentityStore store;
    private final SecureRandom random = new SecureRandom();

    SigningKeys(IdentityStore store) {
        this.store = store;
    }

    SigningKey current() {
        List<SigningKey> keys = store.signingKeys();
        if (keys.isEmpty()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            store.insertSigningKey(HexFormat.of().formatHex(secret));
            keys = store.signingKeys();
        }
        return keys.get(0);
    }

    Optional<SigningKey> byId(long id) {
        return store.signingKeys().stream().filter(k -> k.id() == id).findFirst();
    }
}
