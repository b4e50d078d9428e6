package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jnova.exception.ConfigError;

/**
 * A nova (SQLAlchemy) database URL turned into what JDBC needs. Accepted forms:
 * {@code sqlite://} (in memory), {@code sqlite:///relative.db} (relative to state_path or
 * the working directory), {@code sqlite:////absolute.db}, {@code postgresql[+driver]://user:pw@host[:port]/db},
 * {@code mysql[+driver]://user:pw@host[:port]/db[?charset=utf8]}. Query parameters other
 * than {@code charset} are ignored.
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, Optional<String> user, Optional<String> password) {
    public DatabaseUrl {
        requireNonNull(dialect, "dialect is null");
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** Parses a SQLAlchemy URL; relative SQLite paths resolve against {@code base}. */
    public static DatabaseUrl parse(String url, Path base) {
        requireNonNull(url, "url is null");
        int sep = url.indexOf("://");
        if (sep < 0) {
            throw new ConfigError("Invalid database connection URL: " + mask(url));
        }
        String scheme = url.substring(0, sep);
        String backend = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        String rest = url.substring(sep + 3);
        return switch (backend) {
            case "sqlite" -> sqlite(rest, base);
            case "postgresql", "postgres" -> network(Dialect.POSTGRESQL, "jdbc:postgresql://", 5432, rest, url);
            case "mysql", "mariadb" -> network(Dialect.MYSQL, "jdbc:mariadb://", 3306, rest, url);
            default -> throw new ConfigError("Unsupported database backend '" + backend + "' in [database] connection");
        };
    }

    private static DatabaseUrl sqlite(String rest, Path base) {
        String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        if (path.isEmpty() || path.equals("/")) {
            return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite::memory:", Optional.empty(), Optional.empty());
        }
        if (!path.startsWith("/")) {
            throw new ConfigError("Invalid SQLite URL: sqlite://" + rest);
        }
        String file = path.substring(1); // sqlite:///x -> "x" (relative); sqlite:////x -> "/x"
        Path resolved = file.startsWith("/") ? Path.of(file) : base.resolve(file);
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + resolved.toAbsolutePath().normalize(),
                Optional.empty(), Optional.empty());
    }

    private static DatabaseUrl network(Dialect dialect, String prefix, int defaultPort, String rest, String url) {
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = Optional.of(decode(colon >= 0 ? credentials.substring(0, colon) : credentials));
            if (colon >= 0) {
                password = Optional.of(decode(credentials.substring(colon + 1)));
            }
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new ConfigError("Database name missing in connection URL: " + mask(url));
        }
        String hostPort = rest.substring(0, slash);
        String database = rest.substring(slash + 1);
        if (hostPort.isEmpty()) {
            hostPort = "localhost";
        }
        if (!hostPort.contains(":") || hostPort.endsWith("]")) {
            hostPort = hostPort + ":" + defaultPort;
        }
        String params = "";
        if (dialect == Dialect.MYSQL) {
            params = "?useUnicode=true&characterEncoding=UTF-8";
        }
        if (!query.isEmpty() && query.contains("sslmode=") && dialect == Dialect.POSTGRESQL) {
            params = "?" + query.substring(query.indexOf("sslmode=")).split("&")[0];
        }
        return new DatabaseUrl(dialect, prefix + hostPort + "/" + database + params, user, password);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by ****, for messages. */
    public static String mask(String url) {
        return url.replaceAll("://([^:/@]*):[^@]*@", "://$1:****@");
    }

    public boolean inMemory() {
        return jdbcUrl.equals("jdbc:sqlite::memory:");
    }
}
