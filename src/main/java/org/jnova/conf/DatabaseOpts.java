package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * Options of the {@code [database]} and {@code [api_database]} groups (oslo.db's), as in
 * nova.conf.sample (Zed). Only the ones jnova reads are declared.
 */
public final class DatabaseOpts {
    private DatabaseOpts() {
    }

    public static final Opt<String> CONNECTION = Opt.string("database", "connection").secret()
            .help("The SQLAlchemy connection string to use to connect to the database.").build();
    public static final Opt<Integer> MAX_POOL_SIZE = Opt.integer("database", "max_pool_size").defaultValue(5)
            .help("Maximum number of SQL connections to keep open in a pool.").build();
    public static final Opt<Integer> MAX_OVERFLOW = Opt.integer("database", "max_overflow").defaultValue(50)
            .help("If set, use this value for max_overflow with SQLAlchemy.").build();
    public static final Opt<Integer> CONNECTION_RECYCLE_TIME = Opt.integer("database", "connection_recycle_time")
            .defaultValue(3600).help("Connections which have been present in the connection pool longer than this "
                    + "number of seconds will be replaced with a new one the next time they are checked out from the pool.")
            .build();
    public static final Opt<Integer> POOL_TIMEOUT = Opt.integer("database", "pool_timeout")
            .help("If set, use this value for pool_timeout with SQLAlchemy.").build();
    public static final Opt<Boolean> SQLITE_SYNCHRONOUS = Opt.bool("database", "sqlite_synchronous").defaultValue(true)
            .help("If True, SQLite uses synchronous mode.").build();
    public static final Opt<Integer> DB_MAX_RETRIES = Opt.integer("database", "db_max_retries").defaultValue(20)
            .help("Maximum retries in case of connection error or deadlock error before error is raised. "
                    + "Set to -1 to specify an infinite retry count.").build();
    public static final Opt<Integer> DB_RETRY_INTERVAL = Opt.integer("database", "db_retry_interval").defaultValue(1)
            .help("Seconds between retries of a database transaction.").build();

    public static final Opt<String> API_CONNECTION = Opt.string("api_database", "connection").secret()
            .help("The SQLAlchemy connection string to use to connect to the database.").build();
    public static final Opt<Integer> API_MAX_POOL_SIZE = Opt.integer("api_database", "max_pool_size").defaultValue(5)
            .help("Maximum number of SQL connections to keep open in a pool.").build();
    public static final Opt<Boolean> API_SQLITE_SYNCHRONOUS = Opt.bool("api_database", "sqlite_synchronous")
            .defaultValue(true).help("If True, SQLite uses synchronous mode.").build();

    /** [DEFAULT] state_path: relative sqlite paths resolve against it when set. */
    public static final Opt<String> STATE_PATH = DefaultOpts.STATE_PATH;

    public static List<Opt<?>> all() {
        return List.of(CONNECTION, MAX_POOL_SIZE, MAX_OVERFLOW, CONNECTION_RECYCLE_TIME, POOL_TIMEOUT,
                SQLITE_SYNCHRONOUS, DB_MAX_RETRIES, DB_RETRY_INTERVAL, API_CONNECTION, API_MAX_POOL_SIZE,
                API_SQLITE_SYNCHRONOUS, STATE_PATH);
    }
}
