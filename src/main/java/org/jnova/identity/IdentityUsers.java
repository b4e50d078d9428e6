package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityDomainStore;
import org.jnova.db.IdentityStore;
import org.jnova.db.IdentityUserStore;
import org.jnova.objects.IdentityUser;
import org.jnova.objects.IdentityUserDetails;

/**
 * Keystone's local users: names unique per domain, passwords kept as hashes, a password change
 * by the user itself proving the original one.
 */
public final class IdentityUsers {
    private final IdentityUserStore store;
    private final IdentityStore identity;
    private final IdentityDomainStore domains;
    private final PasswordHasher hasher;
    private final TokenRevocations revocations;

    public IdentityUsers(IdentityUserStore store, IdentityStore identity, IdentityDomainStore domains,
            PasswordHasher hasher, TokenRevocations revocations) {
        this.store = requireNonNull(store, "store is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.domains = requireNonNull(domains, "domains is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.revocations = requireNonNull(revocations, "revocations is null");
    }

    public List<IdentityUserDetails> list() {
        return store.list();
    }

    public Optional<IdentityUserDetails> find(String id) {
        return IdentityText.storable(id) ? store.byId(id) : Optional.empty();
    }

    /** The user; Keystone's 404 when there is none. */
    public IdentityUserDetails get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Stores a new user with the password (none: null); 404 for a missing domain, 409 for a name it has. */
    public IdentityUserDetails create(IdentityUserDetails user, Optional<String> password) {
        if (domains.byId(user.domainId()).isEmpty()) {
            throw IdentityDomains.notFound(user.domainId());
        }
        assertDefaultProjectIsNoDomain(user.defaultProjectId());
        if (!store.insert(user, password.map(hasher::hash).orElse(null))) {
            throw IdentityError.conflict("Conflict occurred attempting to store user - Duplicate entry found with "
                    + "name " + user.name() + " at domain ID " + user.domainId() + ".");
        }
        return get(user.id());
    }

    /**
     * Writes the changed user, and when {@code setPassword} the password (null: none); 409 for
     * a name its domain has. A new password or disabling the user revokes its tokens, as Keystone.
     */
    public IdentityUserDetails update(IdentityUserDetails user, boolean setPassword, String password) {
        assertDefaultProjectIsNoDomain(user.defaultProjectId());
        boolean wasEnabled = find(user.id()).map(IdentityUserDetails::enabled).orElse(false);
        if (!store.update(user, setPassword, password == null ? null : hasher.hash(password))) {
            throw IdentityError.conflict("Conflict occurred attempting to store user - Duplicate entry found with "
                    + "name " + user.name() + ".");
        }
        if (setPassword || (wasEnabled && !user.enabled())) {
            revocations.revokeUser(user.id());
        }
        return get(user.id());
    }

    /** Deletes the user and its role assignments; 404 when missing. */
    public void delete(String id) {
        get(id);
        store.delete(id);
    }

    /**
     * The user's own change of password: 401 unless the user exists, is enabled and
     * {@code original} is its password.
     */
    public void changePassword(String userId, String original, String password) {
        IdentityUser user = (IdentityText.storable(userId) ? identity.userById(userId) : Optional.<IdentityUser>empty())
                .filter(IdentityUser::enabled).filter(u -> hasher.verify(original, u.passwordHash()))
                .orElseThrow(IdentityError::unauthorized);
        identity.setPasswordHash(user.id(), hasher.hash(password));
        revocations.revokeUser(user.id());
    }

    /** Keystone refuses a domain as a user's default project (an unknown project is let through). */
    private void assertDefaultProjectIsNoDomain(String defaultProjectId) {
        if (defaultProjectId != null && domains.byId(defaultProjectId).isPresent()) {
            throw IdentityError.badRequest("User's default project ID cannot be a domain ID: " + defaultProjectId);
        }
    }

    static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find user: " + id + ".");
    }
}
