package org.jnova.db;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.jnova.exception.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled database (HikariCP) and the way to use it: {@link #inTransaction} runs work in one
 * transaction and runs it again when the engine reports a deadlock, a serialization
 * failure or SQLite's "database is locked"; {@link #read} runs read-only work on an
 * auto-commit connection. SQLite files are opened in WAL mode with a busy timeout and
 * write transactions start with BEGIN IMMEDIATE, so several processes can share one file.
 * A transaction refused by a unique index runs again too (see {@link DuplicateEntry}).
 */
public final class Database implements Transactions, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How often a transaction refused by a unique index runs again before {@link DuplicateEntry}. */
    private static final int MAX_DUPLICATE_RETRIES = 2;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final RetryPolicy retry;
    /**
     * SQLite takes one writer at a time and makes the others wait inside its native busy
     * handler, which holds a virtual thread's carrier: with as many waiting writers as
     * carriers, the writer holding the lock cannot run again. Writers of this process therefore
     * queue here, in Java, where waiting frees the carrier.
     */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);
    private final Optional<StatementCache> statements;

    /** Work done on one transaction; may run more than once when retried. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** How often and how long to wait before running a failed transaction again. */
    public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxDelay) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(20, Duration.ofMillis(5), Duration.ofSeconds(1));
    }

    /** Pool size and SQLite durability. */
    public record PoolSettings(int maxPoolSize, boolean sqliteSynchronous, Duration maxLifetime) {
        public static final PoolSettings DEFAULT = new PoolSettings(5, true, Duration.ofHours(1));
    }

    public Database(DatabaseUrl url, PoolSettings settings, RetryPolicy retry) {
        requireNonNull(url, "url is null");
        requireNonNull(settings, "settings is null");
        this.retry = requireNonNull(retry, "retry is null");
        this.dialect = url.dialect();
        HikariConfig config = new HikariConfig();
        config.setPoolName("jnova-" + dialect.folder());
        config.setJdbcUrl(url.inMemory()
                ? "jdbc:sqlite:file:jnova-" + java.util.UUID.randomUUID() + "?mode=memory&cache=shared"
                : url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(Math.max(1, settings.maxPoolSize()));
        config.setMinimumIdle(url.inMemory() ? 1 : 0);
        config.setMaxLifetime(Math.max(30_000, settings.maxLifetime().toMillis()));
        config.setConnectionTimeout(30_000);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", url.inMemory() ? "MEMORY" : "WAL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("synchronous", settings.sqliteSynchronous() ? "NORMAL" : "OFF");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "false");
        }
        if (dialect == Dialect.MYSQL) {
            config.setConnectionInitSql("SET SESSION sql_mode='TRADITIONAL'");
        }
        this.pool = new HikariDataSource(config);
        this.statements = dialect == Dialect.SQLITE ? Optional.of(new StatementCache()) : Optional.empty();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs work in one transaction, committing at the end; retried on deadlock or busy. The
     * actions the work registered with {@link Tx#afterCommit} run once it committed, after the
     * connection went back to the pool; one that fails is logged, the commit stands.
     */
    @Override
    public <T> T inTransaction(Work<T> work) {
        boolean serialised = dialect == Dialect.SQLITE;
        if (serialised) {
            sqliteWriter.lock();
        }
        Committed<T> committed;
        try {
            committed = transaction(work);
        } finally {
            if (serialised) {
                sqliteWriter.unlock();
            }
        }
        for (Runnable action : committed.actions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("An action after commit failed: {}", e.toString());
            }
        }
        return committed.result();
    }

    /** A committed transaction's result and what is to run now that it committed. */
    private record Committed<T>(T result, List<Runnable> actions) {
    }

    private <T> Committed<T> transaction(Work<T> work) {
        int duplicates = 0;
        for (int attempt = 0;; attempt++) {
            boolean committing = false;
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Tx tx = new Tx(c, dialect, statements, true);
                    T result = work.run(tx);
                    committing = true;
                    c.commit();
                    return new Committed<>(result, tx.committedActions());
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    restoreAutoCommitQuietly(c); // a broken connection must not hide what broke it
                }
            } catch (SQLException e) {
                // A duplicate key means a concurrent transaction committed the row this one's
                // check had not seen yet: run again, and the check answers as for any duplicate.
                Optional<DuplicateEntry> duplicate = DuplicateKeys.of(e);
                if (duplicate.isPresent()) {
                    if (++duplicates > MAX_DUPLICATE_RETRIES) {
                        throw duplicate.get();
                    }
                    LOG.debug("Running transaction again after a duplicate key on {}", duplicate.get().key());
                    continue;
                }
                // A connection lost before the commit was sent left nothing behind: the whole
                // transaction runs again once the server is back. One lost during the commit
                // may have committed, so it is not repeated.
                boolean lostBeforeCommit = !committing && isConnectionLost(e);
                if (!(isRetryable(e) || lostBeforeCommit)
                        || (retry.maxRetries() >= 0 && attempt >= retry.maxRetries())) {
                    throw failure(e);
                }
                LOG.debug("Retrying transaction after {} (attempt {})", e.getMessage(), attempt + 1);
                pause(attempt);
            }
        }
    }

    /** Runs read-only work without an explicit transaction. */
    @Override
    public <T> T read(Work<T> work) {
        for (int attempt = 0;; attempt++) {
            try (Connection c = pool.getConnection()) {
                return work.run(new Tx(c, dialect, statements));
            } catch (SQLException e) {
                if (!(isRetryable(e) || isConnectionLost(e)) || attempt >= Math.max(0, retry.maxRetries())) {
                    throw failure(e);
                }
                LOG.debug("Retrying read after {} (attempt {})", e.getMessage(), attempt + 1);
                pause(attempt);
            }
        }
    }

    /**
     * Whether the connection broke under the statement (the server restarted or ended the
     * session: SQLSTATE class 08, PostgreSQL's 57P01-57P03, MySQL's 2006/2013). Reads are
     * retried on a fresh connection, and so are transactions that lost it before their commit.
     */
    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = String.valueOf(s.getSQLState());
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || s.getErrorCode() == 2006 || s.getErrorCode() == 2013) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A value the column cannot hold (too long: SQLSTATE 22001; characters it cannot store: 22021)
     * is the caller's bad input, a 400; a duplicate key is a {@link DuplicateEntry}; anything else
     * is a database failure.
     */
    static RuntimeException failure(SQLException e) {
        Optional<DuplicateEntry> duplicate = DuplicateKeys.of(e);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("22001".equals(s.getSQLState()) || "22021".equals(s.getSQLState()))) {
                return new ValidationError("Invalid input received: a value is too long or has characters the "
                        + "database cannot store.");
            }
        }
        return new DatabaseException(e);
    }

    /** Whether an error means "try the whole transaction again". */
    public static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true; // serialization failure, PostgreSQL deadlock
                }
                if (s.getErrorCode() == 1213 || s.getErrorCode() == 1205) {
                    return true; // MySQL/MariaDB deadlock, lock wait timeout
                }
                String message = String.valueOf(s.getMessage());
                if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")
                        || message.contains("database is locked")
                        || message.contains("cannot commit - no transaction is active")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void pause(int attempt) {
        long max = Math.min(retry.maxDelay().toMillis(), retry.firstDelay().toMillis() << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, max / 2), Math.max(2, max + 1)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(new SQLException("interrupted while waiting to retry", ie));
        }
    }

    private static void restoreAutoCommitQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Could not restore autocommit on a pooled connection: {}", e.getMessage());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original error matters more
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
