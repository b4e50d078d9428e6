package org.jnova.paste;

import org.jnova.exception.NovaException;

/**
 * The paste file has no usable definition of the requested application, as nova's
 * {@code PasteAppNotFound}: a missing section, a missing loader key, a pipeline without the
 * configured auth strategy. The cause says what exactly was missing.
 */
public class PasteAppNotFound extends NovaException {
    private final String name;
    private final String path;

    public PasteAppNotFound(String name, String path, Throwable cause) {
        super(500, "Could not load paste app '" + name + "' from " + path, cause);
        this.name = name;
        this.path = path;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }
}
