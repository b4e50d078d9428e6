package org.jnova.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags of projects and domains (Keystone keeps both in one table, by project or domain id). */
final class IdentityTags {
    private IdentityTags() {
    }

    static List<String> of(Tx tx, String ownerId) throws SQLException {
        return tx.query("SELECT name FROM identity_project_tags WHERE project_id = ? ORDER BY name",
                r -> r.getString("name"), ownerId);
    }

    /** Every owner's tags, by owner id. */
    static Map<String, List<String>> all(Tx tx) throws SQLException {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tx.query("SELECT project_id, name FROM identity_project_tags ORDER BY project_id, name", r -> {
            tags.computeIfAbsent(r.getString("project_id"), k -> new ArrayList<>()).add(r.getString("name"));
            return null;
        });
        return tags;
    }

    static void replace(Tx tx, String ownerId, List<String> tags) throws SQLException {
        tx.update("DELETE FROM identity_project_tags WHERE project_id = ?", ownerId);
        List<Object[]> rows = new ArrayList<>();
        for (String tag : tags) {
            rows.add(new Object[] {ownerId, tag});
        }
        if (!rows.isEmpty()) {
            tx.batch("INSERT INTO identity_project_tags (project_id, name) VALUES (?, ?)", rows);
        }
    }
}
