package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityAssignmentStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.IdentityAssignment;
import org.jnova.objects.IdentityAssignmentFilter;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;

/**
 * Role assignments for the grants and role_assignments APIs, and for scoped tokens: the
 * roles a user holds on a project or a domain, directly or through its groups.
 */
public final class IdentityAssignments {
    private final IdentityAssignmentStore store;
    private final IdentityStore identity;

    public IdentityAssignments(IdentityAssignmentStore store, IdentityStore identity) {
        this.store = requireNonNull(store, "store is null");
        this.identity = requireNonNull(identity, "identity is null");
    }

    public void grant(IdentityAssignment assignment) {
        store.grant(assignment);
    }

    public boolean exists(IdentityAssignment assignment) {
        return store.exists(assignment);
    }

    public boolean revoke(IdentityAssignment assignment) {
        return store.revoke(assignment);
    }

    public List<IdentityRole> granted(IdentityAssignment.Type type, String actorId, String targetId) {
        return store.granted(type, actorId, targetId);
    }

    public List<IdentityAssignment> list(IdentityAssignmentFilter filter) {
        return store.list(filter);
    }

    /** The roles assigned to the user or its groups on the project (implied roles not added). */
    public List<IdentityRole> rolesOnProject(String userId, String projectId) {
        return store.rolesOnProject(userId, projectId);
    }

    /** The roles assigned to the user or its groups on the domain (implied roles not added). */
    public List<IdentityRole> rolesOnDomain(String userId, String domainId) {
        return store.rolesOnDomain(userId, domainId);
    }

    public Optional<IdentityUser> user(String id) {
        return identity.userById(id);
    }

    public Optional<IdentityProject> project(String id) {
        return identity.projectById(id);
    }

    public Optional<IdentityDomain> domain(String id) {
        return identity.domainById(id);
    }
}
