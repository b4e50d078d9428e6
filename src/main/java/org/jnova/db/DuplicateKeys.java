package org.jnova.db;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place that knows how each engine reports a duplicate key: PostgreSQL's SQLSTATE
 * 23505 (unique_violation), MariaDB's and MySQL's error 1062 (ER_DUP_ENTRY, SQLSTATE 23000,
 * which other integrity errors share) and 1586, SQLite's extended result codes
 * SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY. The error may be wrapped, or be
 * the next exception of a batch's.
 */
final class DuplicateKeys {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_DUP_ENTRY_WITH_KEY_NAME = 1586;
    private static final Pattern POSTGRESQL_KEY = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern MYSQL_KEY = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'");
    private static final Pattern SQLITE_KEY = Pattern.compile("(?:UNIQUE|PRIMARY KEY) constraint failed: ([^)\\]]+)");

    private DuplicateKeys() {
    }

    /** The duplicate-key error {@code e} is or carries, as one type; empty for any other error. */
    static Optional<DuplicateEntry> of(SQLException e) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException s) {
                Optional<String> key = key(s);
                if (key.isPresent()) {
                    return Optional.of(new DuplicateEntry(e, key.get()));
                }
                if (s.getNextException() != null) {
                    pending.add(s.getNextException());
                }
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
        }
        return Optional.empty();
    }

    /** The key named by {@code s} when it is a duplicate-key error itself. */
    private static Optional<String> key(SQLException s) {
        String message = String.valueOf(s.getMessage());
        if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
            if (s instanceof PSQLException p && p.getServerErrorMessage() != null) {
                ServerErrorMessage server = p.getServerErrorMessage();
                if (server.getConstraint() != null) {
                    return Optional.of(server.getConstraint());
                }
            }
            return Optional.of(find(POSTGRESQL_KEY, message));
        }
        if (s.getErrorCode() == ER_DUP_ENTRY || s.getErrorCode() == ER_DUP_ENTRY_WITH_KEY_NAME) {
            return Optional.of(find(MYSQL_KEY, message));
        }
        boolean sqliteDuplicate = s instanceof SQLiteException lite
                ? lite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || lite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                // a batch reports its entry's error in its message only
                : message.contains("[SQLITE_CONSTRAINT_UNIQUE]") || message.contains("[SQLITE_CONSTRAINT_PRIMARYKEY]");
        return sqliteDuplicate ? Optional.of(find(SQLITE_KEY, message)) : Optional.empty();
    }

    /** The last match: the key follows the duplicate value in the message, and the value may look like one. */
    private static String find(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        String found = "";
        while (m.find()) {
            found = m.group(1).strip();
        }
        return found;
    }
}
