package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityDomainStore;
import org.jnova.objects.IdentityDomainDetails;

/**
 * Keystone's domains: names unique, a domain must be disabled before it is deleted, and
 * deleting one deletes its projects and users.
 */
public final class IdentityDomains {
    private final IdentityDomainStore store;

    public IdentityDomains(IdentityDomainStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public List<IdentityDomainDetails> list() {
        return store.list();
    }

    public Optional<IdentityDomainDetails> find(String id) {
        return IdentityText.storable(id) ? store.byId(id) : Optional.empty();
    }

    /** The domain; Keystone's 404 when there is none. */
    public IdentityDomainDetails get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Stores a new domain; 409 when its name is taken. */
    public IdentityDomainDetails create(IdentityDomainDetails domain) {
        if (!store.insert(domain)) {
            throw conflict(domain.name());
        }
        return get(domain.id());
    }

    /** Writes the changed domain; 409 when another domain has its name. */
    public IdentityDomainDetails update(IdentityDomainDetails domain) {
        if (!store.update(domain)) {
            throw conflict(domain.name());
        }
        return get(domain.id());
    }

    /** Deletes a disabled domain with everything it owns; 404 when missing, 403 while enabled. */
    public void delete(String id) {
        IdentityDomainDetails domain = get(id);
        if (domain.enabled()) {
            throw IdentityError.forbiddenBecause("Cannot delete a domain that is enabled, please disable it "
                    + "first.");
        }
        store.delete(id);
    }

    static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find domain: " + id + ".");
    }

    /** Keystone keeps domains as projects: a duplicate name is a project conflict. */
    private static IdentityError conflict(String name) {
        return IdentityError.conflict("Conflict occurred attempting to store project - it is not permitted to have "
                + "two projects acting as domains with the same name: " + name + ".");
    }
}
