package org.jnova.db;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;

/** The current row of a result, with typed getters that hide the engines' differences. */
public final class Row {
    private final ResultSet rs;
    private final Dialect dialect;

    Row(ResultSet rs, Dialect dialect) {
        this.rs = rs;
        this.dialect = dialect;
    }

    public String getString(String column) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            // The SQLite driver hands text over in a direct buffer made per value, which costs
            // more than copying the bytes and decoding them here.
            byte[] utf8 = rs.getBytes(column);
            return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        }
        return rs.getString(column);
    }

    public long getLong(int index) throws SQLException {
        return rs.getLong(index);
    }

    public long getLong(String column) throws SQLException {
        return rs.getLong(column);
    }

    public int getInt(String column) throws SQLException {
        return rs.getInt(column);
    }

    /** An integer column that may be NULL. */
    public Integer getInteger(String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public double getDouble(String column) throws SQLException {
        return rs.getDouble(column);
    }

    public boolean getBoolean(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    public Instant getInstant(String column) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return Tx.parseStored(getString(column));
        }
        return Tx.parseStored(rs.getObject(column, LocalDateTime.class));
    }
}
