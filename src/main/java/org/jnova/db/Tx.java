package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jnova.exception.ValidationError;

/**
 * One unit of work on one connection: statements with positional parameters, rows read
 * through {@link Row}. Instants are stored as UTC without zone as nova does (text on
 * SQLite, TIMESTAMP/DATETIME(6) elsewhere).
 */
public final class Tx {
    static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Connection connection;
    private final Dialect dialect;
    /** Where statements come from on SQLite; empty elsewhere (the drivers keep their own). */
    private final Optional<StatementCache> statements;

    Tx(Connection connection, Dialect dialect, Optional<StatementCache> statements) {
        this.connection = requireNonNull(connection, "connection is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.statements = requireNonNull(statements, "statements is null");
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Connection connection() {
        return connection;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    public int update(String sql, Object... args) throws SQLException {
        PreparedStatement st = prepare(sql);
        try {
            bind(st, args);
            return st.executeUpdate();
        } finally {
            release(st);
        }
    }

    /** Runs one statement for each parameter list, as a JDBC batch. */
    public void batch(String sql, Collection<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(st, args);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Runs DDL or any statement without parameters. */
    public void execute(String sql) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement st = prepare(sql);
        try {
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                List<T> out = new ArrayList<>();
                Row row = new Row(rs, dialect);
                while (rs.next()) {
                    out.add(mapper.map(row));
                }
                return out;
            }
        } finally {
            release(st);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return statements.isPresent() ? statements.get().prepare(connection, sql) : connection.prepareStatement(sql);
    }

    private void release(PreparedStatement st) throws SQLException {
        if (statements.isPresent()) {
            statements.get().release(connection, st);
        } else {
            st.close();
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... args) throws SQLException {
        return queryOne(sql, r -> r.getLong(1), args).orElse(0L);
    }

    private void bind(PreparedStatement st, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object value = args[i];
            int index = i + 1;
            if (value instanceof Instant instant) {
                LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                if (dialect == Dialect.SQLITE) {
                    st.setString(index, SQLITE_TIME.format(utc));
                } else {
                    st.setObject(index, utc);
                }
            } else if (value instanceof Enum<?> e) {
                st.setString(index, e.name());
            } else if (value == null) {
                st.setObject(index, null);
            } else if (value instanceof String text && dialect == Dialect.POSTGRESQL && text.indexOf('\0') >= 0) {
                // PostgreSQL's text cannot hold U+0000 (nova on PostgreSQL fails with a 500 here)
                throw new ValidationError(
                        "Invalid input received: A string cannot contain NUL (0x00) characters.");
            } else {
                st.setObject(index, value);
            }
        }
    }

    /** Reads a stored time (SQLite text, or a driver's LocalDateTime/Timestamp) as a UTC instant. */
    static Instant parseStored(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        String text = value.toString();
        Instant quick = parseSqliteTime(text);
        if (quick != null) {
            return quick;
        }
        text = text.replace('T', ' ');
        if (text.length() == 19) {
            text = text + ".000000";
        }
        return LocalDateTime.parse(text, SQLITE_TIME).toInstant(ZoneOffset.UTC);
    }

    /**
     * Reads {@code yyyy-MM-dd HH:mm:ss.SSSSSS}, the form jnova writes, without a formatter (lists
     * read several times per row); null for anything else, which the formatter then reads.
     */
    private static Instant parseSqliteTime(String text) {
        if (text.length() != 26 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.') {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10), Integer.parseInt(text, 11, 13, 10),
                    Integer.parseInt(text, 14, 16, 10), Integer.parseInt(text, 17, 19, 10),
                    Integer.parseInt(text, 20, 26, 10) * 1000);
            return time.toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
