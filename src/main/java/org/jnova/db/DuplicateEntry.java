package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;

/**
 * A row refused by a unique index or primary key: the engines' duplicate-key errors
 * (PostgreSQL's SQLSTATE 23505, MariaDB's and MySQL's error 1062, SQLite's
 * SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY) as one type, recognised by
 * {@link DuplicateKeys}. {@link Database#inTransaction} runs the work again first, so a store
 * whose existence check is in the same transaction answers the lost race as it answers any
 * duplicate; this arrives only where the work has no such check.
 */
public final class DuplicateEntry extends DatabaseException {
    private final String key;

    DuplicateEntry(SQLException cause, String key) {
        super(cause);
        this.key = requireNonNull(key, "key is null");
    }

    /**
     * The unique key the engine named: PostgreSQL's constraint and MariaDB's key by their index
     * name ({@code PRIMARY} / {@code <table>_pkey} for primary keys), SQLite's as its columns
     * ({@code table.column, ...}); empty when the engine named none.
     */
    public String key() {
        return key;
    }
}
