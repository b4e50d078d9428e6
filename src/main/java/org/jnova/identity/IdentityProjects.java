package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jnova.db.IdentityDomainStore;
import org.jnova.db.IdentityProjectStore;
import org.jnova.objects.IdentityDomainDetails;
import org.jnova.objects.IdentityProjectDetails;

/**
 * Keystone's projects: names unique per domain, a hierarchy below the domain (a parent in the
 * same domain, at most {@value #MAX_TREE_DEPTH} levels, enabled parents), deleted only as
 * leaves, their tags, and the projects a user holds a role on.
 */
public final class IdentityProjects {
    /** Keystone's {@code max_project_tree_depth} default. */
    static final int MAX_TREE_DEPTH = 5;
    private final IdentityProjectStore store;
    private final IdentityDomainStore domains;

    public IdentityProjects(IdentityProjectStore store, IdentityDomainStore domains) {
        this.store = requireNonNull(store, "store is null");
        this.domains = requireNonNull(domains, "domains is null");
    }

    public List<IdentityProjectDetails> list() {
        return store.list();
    }

    public Optional<IdentityProjectDetails> find(String id) {
        return IdentityText.storable(id) ? store.byId(id) : Optional.empty();
    }

    /** The project; Keystone's 404 when there is none. */
    public IdentityProjectDetails get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Stores a new project below its parent (its domain when the parent is the domain):
     * 400 for a missing domain or parent, a parent in another domain or a disabled branch, 403
     * beyond the depth limit, 409 for a name its domain has.
     */
    public IdentityProjectDetails create(IdentityProjectDetails project) {
        IdentityDomainDetails domain = domains.byId(project.domainId()).orElseThrow(
                () -> IdentityError.badRequest(IdentityDomains.notFound(project.domainId()).getMessage()));
        if (!project.parentId().equals(domain.id())) {
            if (domains.byId(project.parentId()).isPresent()) {
                throw IdentityError.badRequest("Cannot create project, the parent (" + project.parentId() + ") is "
                        + "acting as a domain, but this project's domain id (" + domain.id() + ") does not match the "
                        + "parent's id.");
            }
            IdentityProjectDetails parent = find(project.parentId())
                    .orElseThrow(() -> IdentityError.badRequest(notFound(project.parentId()).getMessage()));
            if (!parent.domainId().equals(domain.id())) {
                throw IdentityError.badRequest("Cannot create project, since it specifies its domain_id "
                        + domain.id() + ", but specifies a parent in a different domain (" + parent.domainId() + ").");
            }
            List<IdentityProjectDetails> branch = branch(parent);
            for (IdentityProjectDetails ancestor : branch) {
                if (!ancestor.enabled()) {
                    throw disabledBranch(ancestor.id());
                }
            }
            if (branch.size() >= MAX_TREE_DEPTH) {
                throw IdentityError.forbiddenBecause("Max hierarchy depth reached for " + parent.id()
                        + " branch.");
            }
        }
        if (!domain.enabled()) {
            throw disabledBranch(domain.id());
        }
        if (!store.insert(project)) {
            throw conflict(project);
        }
        return get(project.id());
    }

    /**
     * Writes the changed project: 403 when disabling it while a child is enabled (a disabled
     * child's own children are disabled already) or enabling
     * it below a disabled parent, 409 for a name its domain has.
     */
    public IdentityProjectDetails update(IdentityProjectDetails original, IdentityProjectDetails changed) {
        if (original.enabled() && !changed.enabled()
                && store.list().stream().anyMatch(p -> p.parentId().equals(original.id()) && p.enabled())) {
            throw IdentityError.forbiddenBecause("Cannot disable project " + original.id()
                    + " since its subtree contains enabled projects.");
        }
        if (!original.enabled() && changed.enabled()
                && branch(original).stream().skip(1).anyMatch(p -> !p.enabled())) {
            throw IdentityError.forbiddenBecause("Cannot enable project " + original.id()
                    + " since it has disabled parents");
        }
        if (!store.update(changed)) {
            throw conflict(changed);
        }
        return get(changed.id());
    }

    /** Deletes a project that is no parent, with its tags and role assignments; 404, or 403 for a parent. */
    public void delete(String id) {
        get(id);
        if (store.hasChildren(id)) {
            throw IdentityError.forbiddenBecause("Cannot delete the project " + id + " since it is not a leaf "
                    + "in the hierarchy. Use the cascade option if you want to delete a whole subtree.");
        }
        store.delete(id);
    }

    public void replaceTags(String projectId, List<String> tags) {
        store.replaceTags(projectId, tags);
    }

    /** The projects {@code userId} holds a role on. */
    public List<IdentityProjectDetails> projectsOfUser(String userId) {
        return store.projectsOfUser(userId);
    }

    /** The domains {@code userId} holds a role on. */
    public List<IdentityDomainDetails> domainsOfUser(String userId) {
        return store.domainsOfUser(userId);
    }

    /** {@code project} and its project ancestors, nearest first (the domain above them not included). */
    private List<IdentityProjectDetails> branch(IdentityProjectDetails project) {
        List<IdentityProjectDetails> branch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        IdentityProjectDetails current = project;
        while (current != null && seen.add(current.id()) && branch.size() <= MAX_TREE_DEPTH) {
            branch.add(current);
            current = current.parentId().equals(current.domainId()) ? null
                    : store.byId(current.parentId()).orElse(null);
        }
        return branch;
    }

    /** Keystone's refusal of a new project below a disabled one (a domain counts: it is a project there). */
    private static IdentityError disabledBranch(String id) {
        return IdentityError.badRequest("cannot create a project in a branch containing a disabled project: " + id);
    }

    static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find project: " + id + ".");
    }

    private static IdentityError conflict(IdentityProjectDetails project) {
        return IdentityError.conflict("Conflict occurred attempting to store project - it is not permitted to have "
                + "two projects with either the same name or same id in the same domain: name is " + project.name()
                + ", project id " + project.id() + ".");
    }
}
