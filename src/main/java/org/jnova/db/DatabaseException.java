package org.jnova.db;

import java.sql.SQLException;

/**
 * A database error that retrying did not cure; the API answers it with 500. A row refused by a
 * unique index is the narrower {@link DuplicateEntry}, which stores answer as their conflict.
 */
public sealed class DatabaseException extends RuntimeException permits DuplicateEntry {
    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
