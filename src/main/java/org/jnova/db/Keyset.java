package org.jnova.db;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.objects.SortKey;

/** Builds "rows after the marker" conditions for keyset pagination over several sort keys. */
final class Keyset {
    private static final Set<String> TIME_COLUMNS = Set.of("created_at", "updated_at", "launched_at",
            "terminated_at", "deleted_at");
    private static final Set<String> INT_COLUMNS = Set.of("id", "power_state", "launch_index", "instance_type_id",
            "memory_mb", "vcpus", "root_gb", "locked");

    private Keyset() {
    }

    static Object read(Row r, String column) throws SQLException {
        if (TIME_COLUMNS.contains(column)) {
            return r.getInstant(column);
        }
        if (INT_COLUMNS.contains(column)) {
            return r.getLong(column);
        }
        return r.getString(column);
    }

    /** (k1 > v1) OR (k1 = v1 AND k2 > v2) ...; NULL marker values compare as the lowest. */
    static void after(List<SortKey> keys, Map<String, Object> values, StringBuilder sql, List<Object> args) {
        sql.append(" AND (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                String col = keys.get(j).key();
                Object v = values.get(col);
                if (v == null) {
                    sql.append(col).append(" IS NULL AND ");
                } else {
                    sql.append(col).append(" = ? AND ");
                    args.add(v);
                }
            }
            SortKey k = keys.get(i);
            Object v = values.get(k.key());
            if (v == null) {
                sql.append(k.ascending() ? k.key() + " IS NOT NULL" : "1 = 0");
            } else if (k.ascending()) {
                sql.append(k.key()).append(" > ?");
                args.add(v);
            } else {
                sql.append("(").append(k.key()).append(" < ? OR ").append(k.key()).append(" IS NULL)");
                args.add(v);
            }
            sql.append(')');
        }
        sql.append(')');
    }
}
