package org.jnova.conf.cfg;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The option values of one process, oslo.config's {@code CONF} without being global: built
 * from the declared options, then filled from config files, a config dir and the command
 * line. Read with {@link #get(Opt)}.
 */
public final class ConfigOpts {
    private final Map<String, Opt<?>> declared = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public ConfigOpts(Collection<Opt<?>> options) {
        for (Opt<?> opt : options) {
            declared.put(key(opt.group(), opt.name()), opt);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Opt<T> opt) {
        String key = key(opt.group(), opt.name());
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        return opt.defaultValue().orElse(null);
    }

    /** Sets an option from text, as a config file line would. */
    public <T> void set(Opt<T> opt, String text) {
        values.put(key(opt.group(), opt.name()), opt.type().parse(text));
    }

    public Collection<Opt<?>> options() {
        return declared.values();
    }

    private static String key(String group, String name) {
        return group + "\u0000" + Objects.requireNonNull(name, "name is null");
    }
}
