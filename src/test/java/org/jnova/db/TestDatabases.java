package org.jnova.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Fresh databases for tests, one per test, on the engines named by the system property
 * {@code jnova.test.databases} (comma list of sqlite, postgresql, mariadb; default sqlite).
 * PostgreSQL: 127.0.0.1:5432 user postgres (trust); MariaDB: 127.0.0.1:3306 root, no password.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** The engines to test on. */
    public static List<String> engines() {
        return Arrays.stream(System.getProperty("jnova.test.databases", "sqlite").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A fresh, empty database; returns its nova URL. Drop it with {@link #drop}. */
    public static String create(String engine) throws Exception {
        String name = "jnova_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (engine) {
            case "sqlite" -> {
                Path dir = Files.createTempDirectory("jnova-db");
                return "sqlite:///" + dir.resolve(name + ".sqlite").toAbsolutePath();
            }
            case "postgresql" -> {
                admin("jdbc:postgresql://127.0.0.1:5432/jnova_test", "postgres", "", "CREATE DATABASE " + name);
                return "postgresql+psycopg2://postgres@127.0.0.1:5432/" + name;
            }
            case "mariadb", "mysql" -> {
                admin("jdbc:mariadb://127.0.0.1:3306/", "root", "", "CREATE DATABASE " + name
                        + " CHARACTER SET utf8mb4");
                return "mysql+pymysql://root@127.0.0.1:3306/" + name;
            }
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        }
    }

    /** A fresh, empty database (see {@link #create}) that closing drops. */
    public static Scratch scratch(String engine) throws Exception {
        return new Scratch(create(engine));
    }

    /** A database made for one test, by its nova URL; closing drops it. */
    public record Scratch(String url) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            drop(url);
        }
    }

    public static void drop(String url) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        if (url.startsWith("postgresql")) {
            admin("jdbc:postgresql://127.0.0.1:5432/jnova_test", "postgres", "",
                    "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else if (url.startsWith("mysql")) {
            admin("jdbc:mariadb://127.0.0.1:3306/", "root", "", "DROP DATABASE IF EXISTS " + name);
        } else {
            Path file = Path.of(url.substring("sqlite:///".length()));
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    private static void admin(String jdbc, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
