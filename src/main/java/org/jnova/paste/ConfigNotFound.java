package org.jnova.paste;

import org.jnova.exception.NovaException;

/** The paste configuration file named by {@code api_paste_config} cannot be found, as nova's {@code ConfigNotFound}. */
public class ConfigNotFound extends NovaException {
    private final String path;

    public ConfigNotFound(String path) {
        super(500, "Could not find config at " + path);
        this.path = path;
    }

    /** The name or path that was looked for. */
    public String path() {
        return path;
    }
}
