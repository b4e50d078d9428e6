package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.IdentityDomainDetails;

/**
 * Identity v3 domains in the API database, names unique; deleting one deletes what it owns
 * (its projects and users, their tags and role assignments), as Keystone does.
 */
public final class IdentityDomainStore {
    private static final String COLUMNS = "id, name, description, enabled, extra";
    private final Database db;

    public IdentityDomainStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Every domain, by name. */
    public List<IdentityDomainDetails> list() {
        return db.read(tx -> {
            Map<String, List<String>> tags = IdentityTags.all(tx);
            return tx.query("SELECT " + COLUMNS + " FROM identity_domains ORDER BY name",
                    r -> domain(r, tags.getOrDefault(r.getString("id"), List.of())));
        });
    }

    public Optional<IdentityDomainDetails> byId(String id) {
        return db.read(tx -> byId(tx, id));
    }

    /** Adds the domain with its tags; false, adding nothing, when the name or id is taken. */
    public boolean insert(IdentityDomainDetails domain) {
        try {
            return db.inTransaction(tx -> {
                if (taken(tx, domain)) {
                    return false;
                }
                tx.update("INSERT INTO identity_domains (id, name, description, enabled, extra, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", domain.id(), domain.name(), domain.description(),
                        domain.enabled(), domain.extra(), FlavorJson.now());
                IdentityTags.replace(tx, domain.id(), domain.tags());
                return true;
            });
        } catch (DuplicateEntry e) {
            // the unique index kept a concurrent create of the same name
            if (db.read(tx -> taken(tx, domain))) {
                return false;
            }
            throw e;
        }
    }

    private static boolean taken(Tx tx, IdentityDomainDetails domain) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM identity_domains WHERE name = ? OR id = ?", domain.name(),
                domain.id()) > 0;
    }

    /** Writes every attribute and the tags; false, changing nothing, when another domain has the name. */
    public boolean update(IdentityDomainDetails domain) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM identity_domains WHERE name = ? AND id <> ?", domain.name(),
                    domain.id()) > 0) {
                return false;
            }
            tx.update("UPDATE identity_domains SET name = ?, description = ?, enabled = ?, extra = ? WHERE id = ?",
                    domain.name(), domain.description(), domain.enabled(), domain.extra(), domain.id());
            IdentityTags.replace(tx, domain.id(), domain.tags());
            return true;
        });
    }

    /** Deletes the domain, its projects and users, with their tags and role assignments. */
    public void delete(String id) {
        db.inTransaction(tx -> {
            String projects = "SELECT id FROM identity_projects WHERE domain_id = ?";
            String users = "SELECT id FROM identity_users WHERE domain_id = ?";
            tx.update("DELETE FROM identity_project_tags WHERE project_id IN (" + projects + ")", id);
            tx.update("DELETE FROM identity_assignments WHERE target_id IN (" + projects + ")", id);
            tx.update("DELETE FROM identity_assignments WHERE actor_id IN (" + users + ")", id);
            tx.update("DELETE FROM identity_assignments WHERE target_id = ?", id);
            tx.update("DELETE FROM identity_users WHERE domain_id = ?", id);
            tx.update("DELETE FROM identity_projects WHERE domain_id = ?", id);
            tx.update("DELETE FROM identity_project_tags WHERE project_id = ?", id);
            return tx.update("DELETE FROM identity_domains WHERE id = ?", id);
        });
    }

    static Optional<IdentityDomainDetails> byId(Tx tx, String id) throws SQLException {
        List<String> tags = IdentityTags.of(tx, id);
        return tx.queryOne("SELECT " + COLUMNS + " FROM identity_domains WHERE id = ?", r -> domain(r, tags), id);
    }

    private static IdentityDomainDetails domain(Row r, List<String> tags) throws SQLException {
        return new IdentityDomainDetails(r.getString("id"), r.getString("name"), r.getString("description"),
                r.getBoolean("enabled"), r.getString("extra"), tags);
    }
}
