package org.jnova.cmd;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.jnova.conf.cfg.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.DatabaseOpts;
import org.jnova.conf.QuotaOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.db.Archiver;
import org.jnova.db.Databases;
import org.jnova.db.Migrator;
import org.jnova.log.LoggingSetup;

/**
 * nova-manage for the database: {@code db sync [VERSION]}, {@code api_db sync [VERSION]},
 * {@code db version}, {@code api_db version}, {@code db archive_deleted_rows [--max_rows N]
 * [--purge]}, {@code db purge --all | --before DATE}. Options come from
 * nova's configuration flags before the command ({@code --config-file FILE}, repeatable,
 * {@code --config-dir DIR}, {@code --debug}). As nova's, a sync that works prints nothing; the
 * log holds warnings and errors only unless debug is asked for.
 */
public final class NovaManage {
    private NovaManage() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, conf -> LoggingSetup.setupTool(conf, "nova-manage")));
    }

    /** Runs one command, logging as the caller's logging is set up; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, out, err, conf -> { });
    }

    /** Runs one command after {@code setupLogging} saw the configuration; returns the exit code. */
    static int run(String[] argv, PrintStream out, PrintStream err, Consumer<ConfigOpts> setupLogging) {
        List<String> args = new ArrayList<>(List.of(argv));
        List<String> configArgs = new ArrayList<>();
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String flag = args.remove(0);
            configArgs.add(flag);
            if ((flag.equals("--config-file") || flag.equals("--config-dir")) && !args.isEmpty()) {
                configArgs.add(args.remove(0));
            }
        }
        try {
            ConfigOpts conf = ConfigLoader.load(NovaOptions.all(), configArgs.toArray(String[]::new), "nova",
                    "nova-manage");
            setupLogging.accept(conf);
            if (args.size() < 2) {
                err.println("usage: nova-manage [--config-file FILE] (db|api_db) (sync|version|archive_deleted_rows|purge)"
                        + " | identity bootstrap --bootstrap-password PASSWORD [...] | identity rotate_keys [--max-active-keys N]"
                        + " | identity credential_rotate | identity credential_migrate");
                return 2;
            }
            String category = args.get(0);
            String command = args.get(1);
            List<String> rest = args.subList(2, args.size());
            try (Databases dbs = Databases.open(conf)) {
                return switch (category + " " + command) {
                    case "db sync" -> {
                        new Migrator(dbs.main(), "main").migrate(version(rest));
                        yield 0;
                    }
                    case "api_db sync" -> {
                        new Migrator(dbs.api(), "api").migrate(version(rest));
                        yield 0;
                    }
                    case "db version" -> {
                        out.println(new Migrator(dbs.main(), "main").currentVersion());
                        yield 0;
                    }
                    case "api_db version" -> {
                        out.println(new Migrator(dbs.api(), "api").currentVersion());
                        yield 0;
                    }
                    case "identity bootstrap" -> IdentityBootstrapCommand.run(dbs, rest, out, err);
                    case "identity rotate_keys" -> IdentityBootstrapCommand.rotateKeys(dbs, rest, out, err);
                    case "identity credential_rotate" -> {
                        out.println(CompositionRoot.credentialKeys(conf).rotate().number());
                        yield 0;
                    }
                    case "identity credential_migrate" -> {
                        out.println(CompositionRoot.credentialMigrator(conf, dbs).migrate());
                        yield 0;
                    }
                    case "db archive_deleted_rows" -> archive(dbs, rest, out);
                    case "db purge" -> purge(dbs, rest, out, err);
                    default -> {
                        err.println("Unknown command: " + category + " " + command);
                        yield 2;
                    }
                };
            }
        } catch (RuntimeException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<Integer> version(List<String> rest) {
        return rest.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(rest.get(0)));
    }

    private static int archive(Databases dbs, List<String> rest, PrintStream out) {
        Integer max = null;
        boolean purge = false;
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--max_rows", "--max-rows" -> max = Integer.parseInt(rest.get(++i));
                case "--purge" -> purge = true;
                case "--until-complete", "--until_complete", "--verbose" -> { }
                default -> throw new IllegalArgumentException("Unknown option " + rest.get(i));
            }
        }
        Archiver archiver = new Archiver(dbs.main());
        Map<String, Integer> moved = archiver.archive(max);
        moved.forEach((table, n) -> out.println("| " + table + " | " + n + " |"));
        if (moved.isEmpty()) {
            out.println("Nothing was archived.");
            return 0;
        }
        if (purge) {
            archiver.purge(null);
        }
        return 1; // nova-manage answers 1 when rows were archived
    }

    private static int purge(Databases dbs, List<String> rest, PrintStream out, PrintStream err) {
        java.time.Instant before = null;
        boolean all = false;
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--all" -> all = true;
                case "--before" -> before = parseDate(rest.get(++i));
                case "--verbose", "--all-cells" -> { }
                default -> throw new IllegalArgumentException("Unknown option " + rest.get(i));
            }
        }
        if (!all && before == null) {
            err.println("Must supply either --all or --before");
            return 1;
        }
        if (all && before != null) {
            err.println("The --all and --before options are mutually exclusive");
            return 1;
        }
        Map<String, Integer> purged = new Archiver(dbs.main()).purge(before);
        purged.forEach((table, n) -> out.println("Deleted " + n + " rows from " + table));
        return purged.isEmpty() ? 3 : 0; // nova: 3 when nothing was deleted
    }

    private static java.time.Instant parseDate(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }
}
