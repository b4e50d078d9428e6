package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jnova.conf.DatabaseOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * The two databases nova has: {@code main} (instances, services, compute nodes, actions,
 * addresses, images) and {@code api} (flavors, key pairs, quotas, server groups). When
 * {@code [api_database] connection} is unset or equal to {@code [database] connection},
 * both are the same pool and both schemas live in that one database; otherwise the API
 * tables go to the API database. No transaction ever spans both.
 */
public record Databases(Database main, Database api) implements AutoCloseable {
    /** The embedded default when [database] connection is unset. */
    public static final String DEFAULT_CONNECTION = "sqlite:///nova.sqlite";

    public Databases {
        requireNonNull(main, "main is null");
        requireNonNull(api, "api is null");
    }

    /** Opens the pools configured by {@code [database]} and {@code [api_database]}. */
    public static Databases open(ConfigOpts conf) {
        String stateOpt = conf.get(DatabaseOpts.STATE_PATH);
        Path base = stateOpt == null ? Path.of("") : Path.of(stateOpt);
        String mainUrl = conf.get(DatabaseOpts.CONNECTION);
        if (mainUrl == null || mainUrl.isBlank()) {
            mainUrl = DEFAULT_CONNECTION;
        }
        Database.RetryPolicy retry = new Database.RetryPolicy(conf.get(DatabaseOpts.DB_MAX_RETRIES),
                Duration.ofMillis(5), Duration.ofSeconds(Math.max(1, conf.get(DatabaseOpts.DB_RETRY_INTERVAL))));
        Database main = new Database(DatabaseUrl.parse(mainUrl, base), new Database.PoolSettings(
                conf.get(DatabaseOpts.MAX_POOL_SIZE) + Math.min(conf.get(DatabaseOpts.MAX_OVERFLOW), 15),
                conf.get(DatabaseOpts.SQLITE_SYNCHRONOUS),
                Duration.ofSeconds(conf.get(DatabaseOpts.CONNECTION_RECYCLE_TIME))), retry);
        String apiUrl = conf.get(DatabaseOpts.API_CONNECTION);
        if (apiUrl == null || apiUrl.isBlank() || apiUrl.equals(mainUrl)) {
            return new Databases(main, main);
        }
        Database api = new Database(DatabaseUrl.parse(apiUrl, base), new Database.PoolSettings(
                conf.get(DatabaseOpts.API_MAX_POOL_SIZE), conf.get(DatabaseOpts.API_SQLITE_SYNCHRONOUS),
                Duration.ofHours(1)), retry);
        return new Databases(main, api);
    }

    /** Applies every migration to both schemas (db sync + api_db sync). */
    public void syncAll() {
        new Migrator(api, "api").migrate(java.util.Optional.empty());
        new Migrator(main, "main").migrate(java.util.Optional.empty());
    }

    /**
     * Fails when a schema is older than this release knows (never synced, or synced by an
     * older release), naming the nova-manage commands that bring it up to date. A database
     * newer than this release passes.
     */
    public void requireSynced() {
        requireSynced(List.of("main", "api"));
    }

    /** As {@link #requireSynced()}, for a compute host, which uses the main database only. */
    public void requireMainSynced() {
        requireSynced(List.of("main"));
    }

    private void requireSynced(List<String> schemas) {
        List<String> behind = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (String schema : schemas) {
            Migrator migrator = new Migrator(schema.equals("main") ? main : api, schema);
            int current = migrator.currentVersion();
            int latest = migrator.latestVersion();
            if (current < latest) {
                behind.add(schema + " at version " + current + " of " + latest);
                commands.add(schema.equals("main") ? "nova-manage db sync" : "nova-manage api_db sync");
            }
        }
        if (!behind.isEmpty()) {
            throw new DatabaseNotSynced("Database schema not up to date (" + String.join(", ", behind)
                    + "): run '" + String.join("' and '", commands) + "' first");
        }
    }

    public boolean shared() {
        return main == api;
    }

    @Override
    public void close() {
        main.close();
        if (!shared()) {
            api.close();
        }
    }
}
