package org.jnova.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per SQLite connection, keyed by their SQL: SQLite compiles a
 * statement each time one is prepared, which costs more than running a lookup by key. The
 * statements are prepared on the pool's physical connection, so they outlive the loan of it;
 * a connection holds at most {@link #PER_CONNECTION} of them, the least recently used go first.
 * A statement still in use (a query run while another one's rows are read) is not shared: the
 * second use gets a statement of its own, closed after it.
 */
final class StatementCache {
    private static final int PER_CONNECTION = 256;

    /** By physical connection; a connection the pool retired is forgotten with it. */
    private final Map<Connection, Statements> byConnection = Collections.synchronizedMap(new WeakHashMap<>());

    /** A statement for {@code sql} on the connection; give it back with {@link #release}. */
    PreparedStatement prepare(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Statements statements = byConnection.computeIfAbsent(physical, key -> new Statements());
        PreparedStatement cached = statements.cached.get(sql);
        if (cached == null || cached.isClosed()) {
            cached = physical.prepareStatement(sql);
            statements.cached.put(sql, cached);
        } else if (statements.inUse.containsKey(cached)) {
            return pooled.prepareStatement(sql);
        }
        statements.inUse.put(cached, Boolean.TRUE);
        return cached;
    }

    /** Ends one use of a statement from {@link #prepare}. */
    void release(Connection pooled, PreparedStatement statement) throws SQLException {
        Statements statements = byConnection.get(pooled.unwrap(Connection.class));
        if (statements != null && statements.inUse.remove(statement) != null) {
            statement.clearParameters();
        } else {
            statement.close();
        }
    }

    /** One connection's statements; only the thread that holds the connection touches them. */
    private static final class Statements {
        final Map<PreparedStatement, Boolean> inUse = new IdentityHashMap<>();
        final Map<String, PreparedStatement> cached = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION || inUse.containsKey(eldest.getValue())) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException e) {
                    // a statement that cannot close is dropped all the same
                }
                return true;
            }
        };
    }
}
