package org.jnova.db;

import java.sql.SQLException;

/** A database error that retrying did not cure; the API answers it with 500. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
