package org.jnova.paste;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the applications of a paste.deploy file, as nova's {@code wsgi.Loader} with
 * {@code paste.deploy.loadapp}: {@code [app:]}, {@code [composite:]}, {@code [pipeline:]},
 * {@code [filter:]} and {@code [filter-app:]} sections; {@code use} (another section,
 * {@code call:}, {@code egg:}, {@code config:}); {@code paste.app_factory},
 * {@code paste.composite_factory}, {@code paste.filter_factory}; {@code filter-with};
 * {@code set}/{@code get} keys; {@code [DEFAULT]} as the global conf. Factories come from a
 * {@link FactoryRegistry}.
 *
 * <p>Every {@link #loadApp} call builds a fresh object graph, as paste does.
 */
public final class PasteLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PasteLoader.class);

    private static final List<String> APP_PREFIXES =
            List.of("app", "application", "composite", "composit", "pipeline", "filter-app");
    private static final List<String> FILTER_PREFIXES = List.of("filter");

    private enum Kind { APP, FILTER }

    private enum Protocol { APP_FACTORY, COMPOSITE_FACTORY, FILTER_FACTORY }

    private final PasteFile file;
    private final FactoryRegistry registry;

    /** A loader for this file; {@link ConfigNotFound} when it does not exist. */
    public PasteLoader(Path configPath, FactoryRegistry registry) {
        Objects.requireNonNull(configPath, "configPath is null");
        this.registry = Objects.requireNonNull(registry, "registry is null");
        if (!Files.isRegularFile(configPath)) {
            throw new ConfigNotFound(configPath.toString());
        }
        this.file = PasteFile.read(configPath);
    }

    /**
     * A loader for the file named by {@code [wsgi] api_paste_config}: an absolute path is used
     * as it is, a relative name is looked up with {@code finder} (the config layer's
     * {@code find_file}: the directories of the config files, then the standard ones).
     */
    public static PasteLoader fromConfig(ConfigOpts conf, Function<String, Optional<Path>> finder,
            FactoryRegistry registry) {
        return new PasteLoader(locate(conf.get(MiddlewareOpts.API_PASTE_CONFIG), finder), registry);
    }

    /** Where the paste file named {@code configured} is; {@link ConfigNotFound} when nowhere. */
    public static Path locate(String configured, Function<String, Optional<Path>> finder) {
        Objects.requireNonNull(configured, "configured is null");
        Objects.requireNonNull(finder, "finder is null");
        Path path = Path.of(configured);
        if (!path.isAbsolute()) {
            return finder.apply(configured).filter(Files::isRegularFile)
                    .orElseThrow(() -> new ConfigNotFound(configured));
        }
        if (Files.exists(path)) {
            return path;
        }
        throw new ConfigNotFound(configured);
    }

    /** The file this loader reads, absolute. */
    public Path configPath() {
        return file.path();
    }

    /**
     * The application of this name, wrapped in its filters.
     *
     * @throws PasteAppNotFound when the file has no usable definition of it
     * @throws ConfigError when a factory is unknown or refuses its configuration
     */
    public App loadApp(String name) {
        LOG.debug("Loading app {} from {}", name, file.path());
        try {
            return (App) new Resolver(file).build(Kind.APP, name, file.globalConf(), Map.of());
        } catch (PasteLookupError e) {
            LOG.error("Couldn't lookup app: {}: {}", name, e.getMessage());
            throw new PasteAppNotFound(name, file.path().toString(), e);
        }
    }

    /** Resolves names within one file; {@code config:} references get a resolver of their own. */
    private final class Resolver {
        private final PasteFile source;

        Resolver(PasteFile source) {
            this.source = source;
        }

        Object build(Kind kind, String name, Map<String, String> inheritedGlobal, Map<String, String> overrides) {
            if (isSpec(name)) {
                Protocol protocol = kind == Kind.FILTER ? Protocol.FILTER_FACTORY : Protocol.APP_FACTORY;
                return fromSpec(kind, protocol, name.strip(), inheritedGlobal, new LinkedHashMap<>(overrides), name);
            }
            PasteFile.Section section = findSection(kind, name);
            Map<String, String> global = new LinkedHashMap<>(inheritedGlobal);
            Map<String, String> local = new LinkedHashMap<>();
            for (String key : section.entries().keySet()) {
                String value = source.value(section, key);
                if (key.startsWith("set ")) {
                    global.put(key.substring(4).strip(), value);
                } else if (key.startsWith("get ")) {
                    if (!global.containsKey(value)) {
                        throw new PasteLookupError("[" + section.header() + "] gets '" + value
                                + "', which the global conf does not have");
                    }
                    local.put(key.substring(4).strip(), global.get(value));
                } else if (!source.defaults().containsKey(key)) {
                    local.put(key, value);
                }
            }
            local.putAll(overrides);
            String filterWith = local.remove("filter-with");
            Object built;
            switch (section.prefix()) {
                case "pipeline" -> built = pipeline(section, local, global);
                case "filter-app" -> built = filterApp(section, local, global);
                default -> {
                    if (local.containsKey("use")) {
                        String use = local.remove("use");
                        built = isSpec(use)
                                ? fromSpec(kind, protocolOf(section), use, global, local, section.header())
                                : build(kind, use, global, local);
                    } else {
                        built = explicit(kind, section, local, global);
                    }
                }
            }
            if (filterWith != null) {
                Middleware filter = (Middleware) build(Kind.FILTER, filterWith, global, Map.of());
                built = filter.wrap((App) built);
            }
            return built;
        }

        private PasteFile.Section findSection(Kind kind, String name) {
            String wanted = name == null || name.isBlank() ? "main" : name.strip();
            List<String> prefixes = kind == Kind.APP ? APP_PREFIXES : FILTER_PREFIXES;
            List<PasteFile.Section> found = source.sections().values().stream()
                    .filter(s -> prefixes.contains(s.prefix()) && s.name().equals(wanted))
                    .toList();
            if (found.isEmpty()) {
                throw new PasteLookupError("No section '" + wanted + "' (prefixed by "
                        + String.join(" or ", prefixes) + ") found in config " + source.path());
            }
            if (found.size() > 1) {
                throw new PasteLookupError("Ambiguous section names " + found.stream().map(PasteFile.Section::header)
                        .toList() + " for section '" + wanted + "' found in config " + source.path());
            }
            return found.get(0);
        }

        private Object explicit(Kind kind, PasteFile.Section section, Map<String, String> local,
                Map<String, String> global) {
            Map<String, Protocol> keys = new LinkedHashMap<>();
            if (kind == Kind.APP) {
                keys.put("paste.app_factory", Protocol.APP_FACTORY);
                keys.put("paste.composite_factory", Protocol.COMPOSITE_FACTORY);
                keys.put("paste.composit_factory", Protocol.COMPOSITE_FACTORY);
            } else {
                keys.put("paste.filter_factory", Protocol.FILTER_FACTORY);
            }
            List<String> given = keys.keySet().stream().filter(local::containsKey).toList();
            if (given.size() > 1) {
                throw new PasteLookupError("Multiple protocols given in section [" + section.header() + "]: " + given);
            }
            if (given.isEmpty()) {
                throw new PasteLookupError("No loader given in section [" + section.header() + "]");
            }
            String spec = local.remove(given.get(0));
            return fromSpec(kind, keys.get(given.get(0)), spec, global, local, section.header());
        }

        private App pipeline(PasteFile.Section section, Map<String, String> local, Map<String, String> global) {
            String pipeline = local.remove("pipeline");
            if (pipeline == null) {
                throw new PasteLookupError("The [" + section.header() + "] section in " + source.path()
                        + " is missing a 'pipeline' setting");
            }
            if (!local.isEmpty()) {
                throw new PasteLookupError("The [" + section.header() + "] pipeline section in " + source.path()
                        + " has extra (disallowed) settings: " + local.keySet());
            }
            List<String> names = List.of(pipeline.strip().split("\\s+"));
            if (pipeline.isBlank()) {
                throw new PasteLookupError("The [" + section.header() + "] pipeline is empty");
            }
            return chain(names, global);
        }

        /** Filters then the application, the last name; the first filter ends up outermost. */
        App chain(List<String> names, Map<String, String> global) {
            App app = (App) build(Kind.APP, names.get(names.size() - 1), global, Map.of());
            List<Middleware> filters = names.subList(0, names.size() - 1).stream()
                    .map(filterName -> (Middleware) build(Kind.FILTER, filterName, global, Map.of()))
                    .toList();
            for (int i = filters.size() - 1; i >= 0; i--) {
                app = filters.get(i).wrap(app);
            }
            return app;
        }

        private App filterApp(PasteFile.Section section, Map<String, String> local, Map<String, String> global) {
            String next = local.remove("next");
            if (next == null) {
                throw new PasteLookupError("The [" + section.header() + "] section in " + source.path()
                        + " is missing a 'next' setting");
            }
            App app = (App) build(Kind.APP, next, global, Map.of());
            Middleware filter;
            if (local.containsKey("use")) {
                String use = local.remove("use");
                filter = (Middleware) (isSpec(use)
                        ? fromSpec(Kind.FILTER, Protocol.FILTER_FACTORY, use, global, local, section.header())
                        : build(Kind.FILTER, use, global, local));
            } else {
                filter = (Middleware) explicit(Kind.FILTER, section, local, global);
            }
            return filter.wrap(app);
        }

        private Object fromSpec(Kind kind, Protocol protocol, String spec, Map<String, String> global,
                Map<String, String> local, String where) {
            if (spec.startsWith("config:")) {
                return fromOtherFile(kind, spec.substring("config:".length()), global, local);
            }
            String name = spec.startsWith("call:") ? spec.substring("call:".length()).strip() : spec;
            Map<String, String> globalConf = Collections.unmodifiableMap(new LinkedHashMap<>(global));
            Map<String, String> localConf = Collections.unmodifiableMap(new LinkedHashMap<>(local));
            if (kind == Kind.FILTER) {
                FilterFactory factory = registry.filter(name).orElseThrow(() -> unknown("filter", name, where));
                return factory.create(globalConf, localConf);
            }
            Optional<CompositeFactory> composite = registry.composite(name);
            Optional<AppFactory> app = registry.app(name);
            if (protocol == Protocol.COMPOSITE_FACTORY && composite.isPresent() || app.isEmpty() && composite.isPresent()) {
                return composite.get().create(new Context(global), globalConf, localConf);
            }
            return app.orElseThrow(() -> unknown("application", name, where)).create(globalConf, localConf);
        }

        private Object fromOtherFile(Kind kind, String reference, Map<String, String> global, Map<String, String> local) {
            int hash = reference.indexOf('#');
            String relative = hash < 0 ? reference : reference.substring(0, hash);
            String name = hash < 0 ? "main" : reference.substring(hash + 1);
            Path other = source.path().resolveSibling(relative.strip());
            if (!Files.isRegularFile(other)) {
                throw new PasteLookupError("Config file " + other + " referenced from " + source.path()
                        + " does not exist");
            }
            PasteFile otherFile = PasteFile.read(other);
            Map<String, String> otherGlobal = new LinkedHashMap<>(global);
            otherGlobal.putAll(otherFile.globalConf());
            return new Resolver(otherFile).build(kind, name, otherGlobal, local);
        }

        private ConfigError unknown(String what, String name, String where) {
            return new ConfigError("Cannot load " + what + " '" + name + "' named in [" + where + "] of "
                    + source.path() + ": jnova has no factory of that name");
        }

        private final class Context implements PasteContext {
            private final Map<String, String> global;

            Context(Map<String, String> global) {
                this.global = Map.copyOf(global);
            }

            @Override
            public App getApp(String name) {
                return (App) build(Kind.APP, name, global, Map.of());
            }

            @Override
            public Middleware getFilter(String name) {
                return (Middleware) build(Kind.FILTER, name, global, Map.of());
            }
        }
    }

    private static boolean isSpec(String name) {
        String trimmed = name.strip();
        return trimmed.startsWith("call:") || trimmed.regionMatches(true, 0, "egg:", 0, 4)
                || trimmed.startsWith("config:");
    }

    private static Protocol protocolOf(PasteFile.Section section) {
        return switch (section.prefix()) {
            case "composite", "composit" -> Protocol.COMPOSITE_FACTORY;
            case "filter" -> Protocol.FILTER_FACTORY;
            default -> Protocol.APP_FACTORY;
        };
    }
}
