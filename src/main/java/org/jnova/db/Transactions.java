package org.jnova.db;

/**
 * Runs work on the database: in one transaction (retried on deadlock or busy) or read-only.
 * What code outside the stores needs when several store calls must commit together.
 */
public interface Transactions {
    /**
     * Runs work in one transaction, committing at the end; retried on deadlock or busy, and run
     * again when a unique index refused it (then {@link DuplicateEntry} if it still is).
     */
    <T> T inTransaction(Database.Work<T> work);

    /** Runs read-only work without an explicit transaction. */
    <T> T read(Database.Work<T> work);
}
