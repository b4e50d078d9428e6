package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityGroupStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityUser;

/** Groups and their members for the groups API, with the users and domains they name. */
public final class IdentityGroups {
    private final IdentityGroupStore store;
    private final IdentityStore identity;

    public IdentityGroups(IdentityGroupStore store, IdentityStore identity) {
        this.store = requireNonNull(store, "store is null");
        this.identity = requireNonNull(identity, "identity is null");
    }

    public List<IdentityGroup> list(Optional<String> domainId, Optional<String> name) {
        return store.list(domainId, name);
    }

    public Optional<IdentityGroup> get(String id) {
        return store.get(id);
    }

    /** False when the domain has a group of that name. */
    public boolean create(IdentityGroup group) {
        return store.create(group);
    }

    /** False when the new name is taken. */
    public boolean update(IdentityGroup group) {
        return store.update(group);
    }

    /** Deletes the group, its memberships and its assignments. */
    public boolean delete(String id) {
        return store.delete(id);
    }

    public void addMember(String groupId, String userId) {
        store.addMember(groupId, userId);
    }

    public boolean removeMember(String groupId, String userId) {
        return store.removeMember(groupId, userId);
    }

    public boolean isMember(String groupId, String userId) {
        return store.isMember(groupId, userId);
    }

    /** The members, without their password hashes. */
    public List<IdentityUser> members(String groupId) {
        return store.members(groupId);
    }

    public List<IdentityGroup> groupsOf(String userId) {
        return store.groupsOf(userId);
    }

    public Optional<IdentityUser> user(String id) {
        return identity.userById(id);
    }

    public Optional<IdentityDomain> domain(String id) {
        return identity.domainById(id);
    }
}
