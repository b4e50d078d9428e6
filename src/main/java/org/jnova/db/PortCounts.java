package org.jnova.db;

import java.sql.SQLException;

/**
 * Ports counted against a project's port quota (neutron's, {@code [jnova_quota] ports}): the
 * live ports of its live servers, and one for each server still building that has none yet
 * and did not ask for no network (its build will make it). Counted under the project's lock,
 * so creates and attaches of one project do not pass the check together.
 */
public final class PortCounts {
    private PortCounts() {
    }

    /**
     * One statement, so both halves see the same snapshot: two would miss a port a build commits
     * between them (counted neither as a port nor as pending) and let one create too many pass.
     */
    public static long inUse(Tx tx, String projectId) throws SQLException {
        return tx.count("SELECT (SELECT COUNT(*) FROM virtual_interfaces v JOIN instances i "
                + "ON i.uuid = v.instance_uuid WHERE v.deleted = 0 AND i.deleted = 0 AND i.project_id = ?) "
                + "+ (SELECT COUNT(*) FROM instances i WHERE i.project_id = ? AND i.deleted = 0 "
                + "AND i.vm_state = 'building' AND NOT EXISTS (SELECT 1 FROM virtual_interfaces v "
                + "WHERE v.instance_uuid = i.uuid AND v.deleted = 0) AND NOT EXISTS (SELECT 1 FROM "
                + "instance_system_metadata m WHERE m.instance_uuid = i.uuid AND m.deleted = 0 "
                + "AND m.meta_key = 'requested_networks' AND m.meta_value = 'none'))", projectId, projectId);
    }
}
