package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.CatalogEndpoint;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;
import org.jnova.objects.SigningKey;

/**
 * Identity v3 data in the API database: domains, projects, users, roles and their implications,
 * role assignments of users on projects, domains and the system (groups: {@link IdentityAssignmentStore}),
 * the catalog, and the token signing keys.
 */
public final class IdentityStore {
    private final Database db;

    public IdentityStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    public Optional<IdentityDomain> domainById(String id) {
        return db.read(tx -> tx.queryOne("SELECT id, name, enabled FROM identity_domains WHERE id = ?",
                IdentityStore::domain, id));
    }

    public Optional<IdentityDomain> domainByName(String name) {
        return db.read(tx -> tx.queryOne("SELECT id, name, enabled FROM identity_domains WHERE name = ?",
                IdentityStore::domain, name));
    }

    public void insertDomain(IdentityDomain domain, String description) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_domains (id, name, description, enabled, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", domain.id(), domain.name(), description, domain.enabled(),
                FlavorJson.now()));
    }

    public Optional<IdentityProject> projectById(String id) {
        return db.read(tx -> tx.queryOne("SELECT id, name, domain_id, enabled FROM identity_projects WHERE id = ?",
                IdentityStore::project, id));
    }

    public Optional<IdentityProject> projectByName(String domainId, String name) {
        return db.read(tx -> tx.queryOne("SELECT id, name, domain_id, enabled FROM identity_projects "
                + "WHERE domain_id = ? AND name = ?", IdentityStore::project, domainId, name));
    }

    public void insertProject(IdentityProject project, String description) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_projects (id, name, domain_id, description, enabled, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", project.id(), project.name(), project.domainId(),
                description, project.enabled(), FlavorJson.now()));
    }

    public Optional<IdentityUser> userById(String id) {
        return db.read(tx -> tx.queryOne("SELECT id, name, domain_id, enabled, password_hash FROM identity_users "
                + "WHERE id = ?", IdentityStore::user, id));
    }

    public Optional<IdentityUser> userByName(String domainId, String name) {
        return db.read(tx -> tx.queryOne("SELECT id, name, domain_id, enabled, password_hash FROM identity_users "
                + "WHERE domain_id = ? AND name = ?", IdentityStore::user, domainId, name));
    }

    public void insertUser(IdentityUser user) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_users (id, name, domain_id, password_hash, enabled, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", user.id(), user.name(), user.domainId(),
                user.passwordHash(), user.enabled(), FlavorJson.now()));
    }

    public void setPasswordHash(String userId, String passwordHash) {
        db.inTransaction(tx -> tx.update("UPDATE identity_users SET password_hash = ? WHERE id = ?", passwordHash,
                userId));
    }

    public Optional<IdentityRole> roleByName(String name) {
        return db.read(tx -> tx.queryOne("SELECT id, name FROM identity_roles WHERE name = ?", IdentityStore::role,
                name));
    }

    public void insertRole(IdentityRole role) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_roles (id, name, created_at) VALUES (?, ?, ?)",
                role.id(), role.name(), FlavorJson.now()));
    }

    /** Records that holding {@code priorRoleId} implies {@code impliedRoleId}; once. */
    public void addImpliedRole(String priorRoleId, String impliedRoleId) {
        db.inTransaction(tx -> tx.count("SELECT COUNT(*) FROM identity_implied_roles WHERE prior_role_id = ? "
                + "AND implied_role_id = ?", priorRoleId, impliedRoleId) > 0 ? 0
                : tx.update("INSERT INTO identity_implied_roles (prior_role_id, implied_role_id) VALUES (?, ?)",
                        priorRoleId, impliedRoleId));
    }

    /** Every implication rule, prior role id to the role ids it implies directly. */
    public Map<String, List<String>> impliedRoles() {
        return db.read(tx -> {
            Map<String, List<String>> rules = new LinkedHashMap<>();
            tx.query("SELECT prior_role_id, implied_role_id FROM identity_implied_roles", r -> {
                rules.computeIfAbsent(r.getString("prior_role_id"), k -> new ArrayList<>())
                        .add(r.getString("implied_role_id"));
                return null;
            });
            return rules;
        });
    }

    /** Gives the user {@code userId} the role on the project {@code projectId}; once. */
    public void assignRole(String userId, String projectId, String roleId) {
        db.inTransaction(tx -> tx.count("SELECT COUNT(*) FROM identity_assignments WHERE type = 'UserProject' "
                + "AND actor_id = ? AND target_id = ? AND role_id = ?", userId, projectId, roleId) > 0 ? 0
                : tx.update("INSERT INTO identity_assignments (type, actor_id, target_id, role_id) "
                        + "VALUES ('UserProject', ?, ?, ?)", userId, projectId, roleId));
    }

    /**
     * The roles assigned to the user {@code userId} on the project {@code projectId}, directly
     * or to one of its groups, by name (see {@link IdentityAssignmentStore} for domains).
     */
    public List<IdentityRole> assignedRoles(String userId, String projectId) {
        return new IdentityAssignmentStore(db).rolesOnProject(userId, projectId);
    }

    /** The roles assigned to the user {@code actorId} on the domain {@code domainId}, directly or through its groups. */
    public List<IdentityRole> domainRoles(String actorId, String domainId) {
        return new IdentityAssignmentStore(db).rolesOnDomain(actorId, domainId);
    }

    /** Gives {@code actorId} the role on the system (Keystone's system_assignment, target {@code system}); once. */
    public void assignSystemRole(String actorId, String roleId) {
        db.inTransaction(tx -> tx.count("SELECT COUNT(*) FROM identity_system_assignments WHERE actor_id = ? "
                + "AND target_id = ? AND role_id = ?", actorId, "system", roleId) > 0 ? 0
                : tx.update("INSERT INTO identity_system_assignments (actor_id, target_id, role_id) VALUES (?, ?, ?)",
                        actorId, "system", roleId));
    }

    /** The roles assigned directly to {@code actorId} on the system, by name. */
    public List<IdentityRole> systemRoles(String actorId) {
        return db.read(tx -> tx.query("SELECT r.id, r.name FROM identity_system_assignments a JOIN identity_roles r "
                + "ON r.id = a.role_id WHERE a.actor_id = ? AND a.target_id = ? ORDER BY r.name",
                IdentityStore::role, actorId, "system"));
    }

    public List<IdentityRole> roles() {
        return db.read(tx -> tx.query("SELECT id, name FROM identity_roles ORDER BY name", IdentityStore::role));
    }

    public Optional<String> serviceIdByType(String type) {
        return db.read(tx -> tx.queryOne("SELECT id FROM identity_services WHERE type = ? ORDER BY id",
                r -> r.getString("id"), type));
    }

    public void insertService(String id, String type, String name) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_services (id, type, name, enabled) VALUES (?, ?, ?, ?)",
                id, type, name, true));
    }

    /** Sets the service's URL for one interface and region, adding the endpoint if it has none. */
    public void putEndpoint(CatalogEndpoint endpoint) {
        db.inTransaction(tx -> {
            int changed = tx.update("UPDATE identity_endpoints SET url = ? WHERE service_id = ? AND interface = ? "
                    + "AND region_id = ?", endpoint.url(), endpoint.serviceId(), endpoint.interfaceName(),
                    endpoint.regionId());
            if (endpoint.regionId() != null && tx.count("SELECT COUNT(*) FROM identity_regions WHERE id = ?",
                    endpoint.regionId()) == 0) {
                tx.update("INSERT INTO identity_regions (id, description) VALUES (?, ?)", endpoint.regionId(), "");
            }
            return changed > 0 ? changed : tx.update("INSERT INTO identity_endpoints (id, service_id, interface, "
                    + "region_id, url, enabled) VALUES (?, ?, ?, ?, ?, ?)", endpoint.id(), endpoint.serviceId(),
                    endpoint.interfaceName(), endpoint.regionId(), endpoint.url(), true);
        });
    }

    /** The enabled services with their enabled endpoints, in a stable order. */
    public List<CatalogService> catalog() {
        return db.read(tx -> {
            Map<String, List<CatalogEndpoint>> endpoints = new LinkedHashMap<>();
            tx.query("SELECT id, service_id, interface, region_id, url FROM identity_endpoints WHERE enabled = ? "
                    + "ORDER BY service_id, interface, id", r -> {
                        endpoints.computeIfAbsent(r.getString("service_id"), k -> new ArrayList<>())
                                .add(new CatalogEndpoint(r.getString("id"), r.getString("service_id"),
                                        r.getString("interface"), r.getString("region_id"), r.getString("url")));
                        return null;
                    }, true);
            return tx.query("SELECT id, type, name FROM identity_services WHERE enabled = ? ORDER BY type, id",
                    r -> new CatalogService(r.getString("id"), r.getString("type"), r.getString("name"),
                            endpoints.getOrDefault(r.getString("id"), List.of())), true);
        });
    }

    /** The signing keys, newest first. */
    public List<SigningKey> signingKeys() {
        return db.read(tx -> tx.query("SELECT id, secret FROM identity_signing_keys ORDER BY id DESC",
                r -> new SigningKey(r.getLong("id"), r.getString("secret"))));
    }

    public void insertSigningKey(String secret) {
        db.inTransaction(tx -> tx.insert("INSERT INTO identity_signing_keys (secret, created_at) VALUES (?, ?)",
                secret, FlavorJson.now()));
    }

    /** Deletes every signing key but the {@code keep} newest; how many went. */
    public int deleteSigningKeysBeyond(int keep) {
        return db.inTransaction(tx -> {
            List<Long> ids = tx.query("SELECT id FROM identity_signing_keys ORDER BY id DESC", r -> r.getLong("id"));
            int deleted = 0;
            for (Long id : ids.subList(Math.min(keep, ids.size()), ids.size())) {
                deleted += tx.update("DELETE FROM identity_signing_keys WHERE id = ?", id);
            }
            return deleted;
        });
    }

    private static IdentityDomain domain(Row r) throws SQLException {
        return new IdentityDomain(r.getString("id"), r.getString("name"), r.getBoolean("enabled"));
    }

    private static IdentityProject project(Row r) throws SQLException {
        return new IdentityProject(r.getString("id"), r.getString("name"), r.getString("domain_id"),
                r.getBoolean("enabled"));
    }

    private static IdentityUser user(Row r) throws SQLException {
        return new IdentityUser(r.getString("id"), r.getString("name"), r.getString("domain_id"),
                r.getBoolean("enabled"), r.getString("password_hash"));
    }

    private static IdentityRole role(Row r) throws SQLException {
        return new IdentityRole(r.getString("id"), r.getString("name"));
    }
}
