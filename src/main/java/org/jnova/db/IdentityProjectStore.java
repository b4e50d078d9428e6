package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.IdentityDomainDetails;
import org.jnova.objects.IdentityProjectDetails;

/**
 * Identity v3 projects in the API database, names unique per domain, with their tags; the
 * projects and domains a user holds a role on.
 */
public final class IdentityProjectStore {
    private static final String COLUMNS = "id, name, domain_id, parent_id, description, enabled, extra";
    private final Database db;

    public IdentityProjectStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Every project, by domain and name. */
    public List<IdentityProjectDetails> list() {
        return db.read(tx -> {
            Map<String, List<String>> tags = IdentityTags.all(tx);
            return tx.query("SELECT " + COLUMNS + " FROM identity_projects ORDER BY domain_id, name",
                    r -> project(r, tags.getOrDefault(r.getString("id"), List.of())));
        });
    }

    public Optional<IdentityProjectDetails> byId(String id) {
        return db.read(tx -> {
            List<String> tags = IdentityTags.of(tx, id);
            return tx.queryOne("SELECT " + COLUMNS + " FROM identity_projects WHERE id = ?", r -> project(r, tags),
                    id);
        });
    }

    /** Adds the project with its tags; false, adding nothing, when its domain has the name or the id is taken. */
    public boolean insert(IdentityProjectDetails project) {
        try {
            return db.inTransaction(tx -> {
                if (taken(tx, project)) {
                    return false;
                }
                tx.update("INSERT INTO identity_projects (id, name, domain_id, parent_id, description, enabled, "
                        + "extra, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", project.id(), project.name(),
                        project.domainId(), project.parentId(), project.description(), project.enabled(),
                        project.extra(), FlavorJson.now());
                IdentityTags.replace(tx, project.id(), project.tags());
                return true;
            });
        } catch (DuplicateEntry e) {
            // the unique index kept a concurrent create of the same name
            if (db.read(tx -> taken(tx, project))) {
                return false;
            }
            throw e;
        }
    }

    private static boolean taken(Tx tx, IdentityProjectDetails project) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_projects WHERE (domain_id = ? AND name = ?) OR id = ?",
                project.domainId(), project.name(), project.id()) > 0;
    }

    /** Writes name, description, enabled, extra and tags; false, changing nothing, when the name is taken. */
    public boolean update(IdentityProjectDetails project) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM identity_projects WHERE domain_id = ? AND name = ? AND id <> ?",
                    project.domainId(), project.name(), project.id()) > 0) {
                return false;
            }
            tx.update("UPDATE identity_projects SET name = ?, description = ?, enabled = ?, extra = ? WHERE id = ?",
                    project.name(), project.description(), project.enabled(), project.extra(), project.id());
            IdentityTags.replace(tx, project.id(), project.tags());
            return true;
        });
    }

    public void replaceTags(String projectId, List<String> tags) {
        db.inTransaction(tx -> {
            IdentityTags.replace(tx, projectId, tags);
            return null;
        });
    }

    /** Whether another project names this one as its parent. */
    public boolean hasChildren(String projectId) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM identity_projects WHERE parent_id = ?", projectId) > 0);
    }

    /** Deletes the project with its tags and role assignments; users lose it as their default project. */
    public void delete(String projectId) {
        db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_project_tags WHERE project_id = ?", projectId);
            tx.update("DELETE FROM identity_assignments WHERE target_id = ?", projectId);
            tx.update("UPDATE identity_users SET default_project_id = NULL WHERE default_project_id = ?", projectId);
            return tx.update("DELETE FROM identity_projects WHERE id = ?", projectId);
        });
    }

    /** The projects {@code userId} holds a role on directly, by domain and name. */
    public List<IdentityProjectDetails> projectsOfUser(String userId) {
        return db.read(tx -> {
            Map<String, List<String>> tags = IdentityTags.all(tx);
            return tx.query("SELECT " + COLUMNS + " FROM identity_projects WHERE id IN (SELECT target_id FROM "
                    + "identity_assignments WHERE actor_id = ?) ORDER BY domain_id, name",
                    r -> project(r, tags.getOrDefault(r.getString("id"), List.of())), userId);
        });
    }

    /** The domains {@code userId} holds a role on directly, by name. */
    public List<IdentityDomainDetails> domainsOfUser(String userId) {
        return db.read(tx -> {
            List<String> ids = tx.query("SELECT id FROM identity_domains WHERE id IN (SELECT target_id FROM "
                    + "identity_assignments WHERE actor_id = ?) ORDER BY name", r -> r.getString("id"), userId);
            List<IdentityDomainDetails> domains = new java.util.ArrayList<>();
            for (String id : ids) {
                IdentityDomainStore.byId(tx, id).ifPresent(domains::add);
            }
            return domains;
        });
    }

    /** A top-level project's parent is its domain (projects written before the hierarchy have none stored). */
    private static IdentityProjectDetails project(Row r, List<String> tags) throws SQLException {
        String parentId = r.getString("parent_id");
        return new IdentityProjectDetails(r.getString("id"), r.getString("name"), r.getString("domain_id"),
                parentId == null ? r.getString("domain_id") : parentId, r.getString("description"),
                r.getBoolean("enabled"), r.getString("extra"), tags);
    }
}
