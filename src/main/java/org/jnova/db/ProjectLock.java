package org.jnova.db;

import java.sql.SQLException;

/**
 * Serializes quota-checked changes of one project across processes: the caller's
 * transaction takes a row lock on the project's row in {@code project_locks} (created on
 * first use). SQLite needs nothing more: its write transactions are already serialized.
 */
public final class ProjectLock {
    private ProjectLock() {
    }

    /** Holds the project's lock until the transaction ends. */
    public static void lock(Tx tx, String projectId) throws SQLException {
        switch (tx.dialect()) {
            case SQLITE -> tx.update("INSERT OR IGNORE INTO project_locks (project_id) VALUES (?)", projectId);
            case POSTGRESQL -> {
                tx.update("INSERT INTO project_locks (project_id) VALUES (?) ON CONFLICT DO NOTHING", projectId);
                tx.query("SELECT project_id FROM project_locks WHERE project_id = ? FOR UPDATE",
                        r -> r.getString("project_id"), projectId);
            }
            case MYSQL -> {
                tx.update("INSERT IGNORE INTO project_locks (project_id) VALUES (?)", projectId);
                tx.query("SELECT project_id FROM project_locks WHERE project_id = ? FOR UPDATE",
                        r -> r.getString("project_id"), projectId);
            }
        }
    }
}
