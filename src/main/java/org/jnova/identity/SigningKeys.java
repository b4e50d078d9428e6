package org.jnova.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityStore;
import org.jnova.objects.SigningKey;

/**
 * The keys that sign tokens, shared by every API node through the API database: the newest
 * signs, any of them validates; the first is made on first use. Rotating adds a key (new
 * tokens use it, older ones keep validating) and deletes all but the newest
 * {@code max_active_keys}, as {@code keystone-manage fernet_rotate} does: tokens signed with a
 * deleted key stop validating.
 */
public final class SigningKeys {
    private final IdentityStore store;
    private final SecureRandom random = new SecureRandom();

    public SigningKeys(IdentityStore store) {
        this.store = store;
    }

    SigningKey current() {
        List<SigningKey> keys = store.signingKeys();
        if (keys.isEmpty()) {
            addKey();
            keys = store.signingKeys();
        }
        return keys.get(0);
    }

    /** What a rotation did: the new key's id and how many old keys it deleted. */
    public record Rotation(long newKeyId, int deleted) {
    }

    /**
     * Adds a key that signs from now on and keeps the newest {@code maxActiveKeys} (at least 1).
     */
    public Rotation rotate(int maxActiveKeys) {
        if (maxActiveKeys < 1) {
            throw new IllegalArgumentException("max_active_keys must be at least 1");
        }
        addKey();
        long newest = store.signingKeys().get(0).id();
        return new Rotation(newest, store.deleteSigningKeysBeyond(maxActiveKeys));
    }

    private void addKey() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        store.insertSigningKey(HexFormat.of().formatHex(secret));
    }

    Optional<SigningKey> byId(long id) {
        return store.signingKeys().stream().filter(k -> k.id() == id).findFirst();
    }
}
