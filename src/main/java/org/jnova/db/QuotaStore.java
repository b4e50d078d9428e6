package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-project, per-user and per-class quota limits in the API database. */
public final class QuotaStore {
    private final Database db;

    public QuotaStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    public Map<String, Integer> projectLimits(Tx tx, String projectId) throws SQLException {
        return limits(tx, "SELECT resource, hard_limit FROM quotas WHERE project_id = ?", projectId);
    }

    public Map<String, Integer> userLimits(String projectId, String userId) {
        return db.read(tx -> userLimits(tx, projectId, userId));
    }

    public Map<String, Integer> userLimits(Tx tx, String projectId, String userId) throws SQLException {
        return limits(tx, "SELECT resource, hard_limit FROM project_user_quotas WHERE project_id = ? AND user_id = ?",
                projectId, userId);
    }

    /** The sum of the per-user limits set inside a project, per resource. */
    public Map<String, Integer> userLimitSums(String projectId) {
        return db.read(tx -> userLimitSums(tx, projectId));
    }

    /** The sum of the per-user limits set inside a project, per resource. */
    public Map<String, Integer> userLimitSums(Tx tx, String projectId) throws SQLException {
        return limits(tx, "SELECT resource, SUM(hard_limit) AS hard_limit FROM project_user_quotas WHERE "
                + "project_id = ? GROUP BY resource", projectId);
    }

    public Map<String, Integer> classLimits(Tx tx, String className) throws SQLException {
        return limits(tx, "SELECT resource, hard_limit FROM quota_classes WHERE class_name = ?", className);
    }

    public void setProjectLimit(Tx tx, String projectId, String resource, int limit) throws SQLException {
        upsert(tx, "quotas", "project_id = ? AND resource = ?", new Object[] {projectId, resource},
                "INSERT INTO quotas (project_id, resource, hard_limit, created_at) VALUES (?, ?, ?, ?)",
                new Object[] {projectId, resource, limit, FlavorJson.now()}, limit);
    }

    public void setUserLimit(Tx tx, String projectId, String userId, String resource, int limit) throws SQLException {
        upsert(tx, "project_user_quotas", "project_id = ? AND user_id = ? AND resource = ?",
                new Object[] {projectId, userId, resource}, "INSERT INTO project_user_quotas (project_id, user_id, "
                        + "resource, hard_limit, created_at) VALUES (?, ?, ?, ?, ?)",
                new Object[] {projectId, userId, resource, limit, FlavorJson.now()}, limit);
    }

    public void setClassLimit(Tx tx, String className, String resource, int limit) throws SQLException {
        upsert(tx, "quota_classes", "class_name = ? AND resource = ?", new Object[] {className, resource},
                "INSERT INTO quota_classes (class_name, resource, hard_limit, created_at) VALUES (?, ?, ?, ?)",
                new Object[] {className, resource, limit, FlavorJson.now()}, limit);
    }

    /** Removes a project's own limits (and its users'), back to defaults. */
    public void deleteProject(Tx tx, String projectId) throws SQLException {
        tx.update("DELETE FROM quotas WHERE project_id = ?", projectId);
        tx.update("DELETE FROM project_user_quotas WHERE project_id = ?", projectId);
    }

    public void deleteUser(Tx tx, String projectId, String userId) throws SQLException {
        tx.update("DELETE FROM project_user_quotas WHERE project_id = ? AND user_id = ?", projectId, userId);
    }

    private static void upsert(Tx tx, String table, String where, Object[] whereArgs, String insert,
            Object[] insertArgs, int limit) throws SQLException {
        Object[] args = new Object[whereArgs.length + 2];
        args[0] = limit;
        args[1] = FlavorJson.now();
        System.arraycopy(whereArgs, 0, args, 2, whereArgs.length);
        if (tx.update("UPDATE " + table + " SET hard_limit = ?, updated_at = ? WHERE " + where, args) == 0) {
            tx.update(insert, insertArgs);
        }
    }

    private static Map<String, Integer> limits(Tx tx, String sql, Object... args) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        tx.query(sql, r -> out.put(r.getString("resource"), r.getInteger("hard_limit")), args);
        return out;
    }
}
