package org.jnova.paste;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;

/**
 * The factories a paste file may name. nova's files name Python objects
 * ({@code nova.api.openstack:FaultWrapper.factory}, {@code egg:Paste#urlmap}); each is
 * registered here with its Java counterpart. A name that is not registered may be a Java
 * class implementing {@link AppFactory}, {@link FilterFactory} or {@link CompositeFactory},
 * built with a public constructor taking {@link ConfigOpts} or none.
 *
 * <p>{@code egg:} names are matched without regard to case and {@code egg:Dist} means
 * {@code egg:Dist#main}, as with setuptools entry points.
 */
public final class FactoryRegistry {
    private final ConfigOpts conf;
    private final Map<String, AppFactory> apps = new LinkedHashMap<>();
    private final Map<String, FilterFactory> filters = new LinkedHashMap<>();
    private final Map<String, CompositeFactory> composites = new LinkedHashMap<>();

    /** @param conf handed to Java factory classes that take it */
    public FactoryRegistry(ConfigOpts conf) {
        this.conf = Objects.requireNonNull(conf, "conf is null");
    }

    /** A registry that knows paste's own URL map ({@code egg:Paste#urlmap}) and nova's. */
    public static FactoryRegistry withUrlMaps(ConfigOpts conf) {
        FactoryRegistry registry = new FactoryRegistry(conf);
        registry.registerComposite(NovaFactoryNames.PASTE_URLMAP, UrlMap.pasteFactory());
        registry.registerComposite(NovaFactoryNames.NOVA_URLMAP, UrlMap.novaFactory());
        return registry;
    }

    public FactoryRegistry registerApp(String name, AppFactory factory) {
        apps.put(normalize(name), Objects.requireNonNull(factory, "factory is null"));
        return this;
    }

    public FactoryRegistry registerFilter(String name, FilterFactory factory) {
        filters.put(normalize(name), Objects.requireNonNull(factory, "factory is null"));
        return this;
    }

    public FactoryRegistry registerComposite(String name, CompositeFactory factory) {
        composites.put(normalize(name), Objects.requireNonNull(factory, "factory is null"));
        return this;
    }

    public Optional<AppFactory> app(String name) {
        return find(apps, name, AppFactory.class);
    }

    public Optional<FilterFactory> filter(String name) {
        return find(filters, name, FilterFactory.class);
    }

    public Optional<CompositeFactory> composite(String name) {
        return find(composites, name, CompositeFactory.class);
    }

    /** Every registered name of each kind, for messages and tests. */
    public Set<String> appNames() {
        return Set.copyOf(apps.keySet());
    }

    public Set<String> filterNames() {
        return Set.copyOf(filters.keySet());
    }

    public Set<String> compositeNames() {
        return Set.copyOf(composites.keySet());
    }

    private <T> Optional<T> find(Map<String, T> registered, String name, Class<T> kind) {
        T factory = registered.get(normalize(name));
        if (factory != null) {
            return Optional.of(factory);
        }
        return javaClass(name.strip(), kind);
    }

    private <T> Optional<T> javaClass(String name, Class<T> kind) {
        if (name.isEmpty() || name.contains(":") || name.contains("#")) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(name, true, FactoryRegistry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (!kind.isAssignableFrom(type)) {
            return Optional.empty();
        }
        try {
            Object instance;
            Optional<Constructor<?>> withConf = constructor(type, ConfigOpts.class);
            if (withConf.isPresent()) {
                instance = withConf.get().newInstance(conf);
            } else {
                instance = constructor(type).orElseThrow(() -> new ConfigError("Factory class " + name
                        + " needs a public constructor taking ConfigOpts or nothing")).newInstance();
            }
            return Optional.of(kind.cast(instance));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new ConfigError("Cannot build factory class " + name + ": " + cause, cause);
        }
    }

    private static Optional<Constructor<?>> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return Optional.of(type.getConstructor(parameters));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** egg specs compare without case and with the default entry point {@code main}. */
    static String normalize(String name) {
        String trimmed = Objects.requireNonNull(name, "name is null").strip();
        if (!trimmed.regionMatches(true, 0, "egg:", 0, 4)) {
            return trimmed;
        }
        String egg = trimmed.toLowerCase(Locale.ROOT);
        return egg.contains("#") ? egg : egg + "#main";
    }
}
