package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a schema ({@code main} or {@code api}) to its newest version, as {@code nova-manage
 * db sync} does. The applied version is kept in a {@code migrate_version} table (one row
 * per schema, as sqlalchemy-migrate had). Migrations are listed in
 * {@code db/<schema>/index.txt}; each one's SQL is {@code db/<schema>/<dialect>/NNN_name.sql}
 * when an engine needs its own, else {@code db/<schema>/common/NNN_name.sql} with the
 * {@link Dialect} words filled in. Each migration and its version bump run in one
 * transaction (PostgreSQL and SQLite roll DDL back; MySQL commits DDL implicitly, so a
 * failed migration there may leave part of it applied).
 *
 * <p>Why not Flyway: we need two schemas that may share one database, per-dialect words
 * in one file, and nothing more; Flyway would add a dependency, its own history table
 * layout and a license split across engines (MySQL/MariaDB support moved to extra modules),
 * for roughly one page of code here.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final Database database;
    private final String schema;

    /** One migration in the index. */
    public record Migration(int version, String name) {
    }

    public Migrator(Database database, String schema) {
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** The version the database is at; 0 when nothing was applied. */
    public int currentVersion() {
        return database.inTransaction(tx -> {
            ensureVersionTable(tx);
            return readVersion(tx).orElse(0);
        });
    }

    /** The newest version this build knows. */
    public int latestVersion() {
        return latestVersion(schema);
    }

    /** The newest version this build knows of a schema ("main" or "api"). */
    public static int latestVersion(String schema) {
        List<Migration> all = migrations(schema);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
    }

    /** Applies every migration newer than the database's version (or up to {@code target}); returns the new version. */
    public int migrate(Optional<Integer> target) {
        int limit = target.orElse(Integer.MAX_VALUE);
        int current = currentVersion();
        if (target.isPresent() && target.get() < current) {
            throw new IllegalArgumentException("Cannot downgrade " + schema + " database from version " + current
                    + " to " + target.get());
        }
        for (Migration m : migrations()) {
            if (m.version() <= current || m.version() > limit) {
                continue;
            }
            String sql = database.dialect().expand(load(m));
            database.inTransaction(tx -> {
                int now = readVersion(tx).orElse(0);
                if (now >= m.version()) {
                    return null; // another process applied it meanwhile
                }
                for (String statement : split(sql)) {
                    tx.execute(statement);
                }
                if (readVersion(tx).isEmpty()) {
                    tx.update("INSERT INTO migrate_version (repository_id, repository_path, version) VALUES (?, ?, ?)",
                            schema, "db/" + schema, m.version());
                } else {
                    tx.update("UPDATE migrate_version SET version = ? WHERE repository_id = ?", m.version(), schema);
                }
                return null;
            });
            LOG.info("Applied {} database migration {} ({})", schema, m.version(), m.name());
            current = m.version();
        }
        return currentVersion();
    }

    private void ensureVersionTable(Tx tx) throws SQLException {
        tx.execute("CREATE TABLE IF NOT EXISTS migrate_version (repository_id VARCHAR(250) NOT NULL PRIMARY KEY, "
                + "repository_path TEXT, version INTEGER)");
    }

    private Optional<Integer> readVersion(Tx tx) throws SQLException {
        return tx.queryOne("SELECT version FROM migrate_version WHERE repository_id = ?", r -> r.getInt("version"),
                schema);
    }

    /** The migrations of this schema, in order. */
    public List<Migration> migrations() {
        return migrations(schema);
    }

    private static List<Migration> migrations(String schema) {
        String index = resource("db/" + schema + "/index.txt")
                .orElseThrow(() -> new IllegalStateException("no migrations for schema " + schema));
        List<Migration> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            out.add(new Migration(Integer.parseInt(parts[0]), parts[1]));
        }
        return out;
    }

    private String load(Migration m) {
        String file = String.format("%03d_%s.sql", m.version(), m.name());
        return resource("db/" + schema + "/" + database.dialect().folder() + "/" + file)
                .or(() -> resource("db/" + schema + "/common/" + file))
                .orElseThrow(() -> new IllegalStateException("missing migration " + file + " of " + schema));
    }

    /** Splits a script at semicolons that end a line; "--" comment lines are dropped. */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
