package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityRoleStore;
import org.jnova.objects.IdentityRoleEntry;

/** Roles and implication rules for the roles API (see {@link IdentityRoleStore}). */
public final class IdentityRoles {
    private final IdentityRoleStore store;

    public IdentityRoles(IdentityRoleStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public List<IdentityRoleEntry> list(Optional<String> name) {
        return store.list(name);
    }

    public Optional<IdentityRoleEntry> get(String id) {
        return store.get(id);
    }

    /** False when the name is taken. */
    public boolean create(IdentityRoleEntry role) {
        return store.create(role);
    }

    /** False when the new name is taken. */
    public boolean update(IdentityRoleEntry role) {
        return store.update(role);
    }

    /** Deletes the role with its assignments and implication rules. */
    public boolean delete(String id) {
        return store.delete(id);
    }

    public boolean implies(String priorId, String impliedId) {
        return store.implies(priorId, impliedId);
    }

    public void addImplication(String priorId, String impliedId) {
        store.addImplication(priorId, impliedId);
    }

    public boolean removeImplication(String priorId, String impliedId) {
        return store.removeImplication(priorId, impliedId);
    }

    public List<IdentityRoleEntry> impliedBy(String priorId) {
        return store.impliedBy(priorId);
    }

    /** Every rule as [prior role id, implied role id]. */
    public List<List<String>> implications() {
        return store.implications();
    }
}
