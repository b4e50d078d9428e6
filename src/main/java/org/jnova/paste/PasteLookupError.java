package org.jnova.paste;

/**
 * Something a paste file refers to does not exist: a section, a loader key, a pipeline
 * entry. The counterpart of the {@code LookupError}s paste.deploy raises; {@link PasteLoader}
 * turns it into {@link PasteAppNotFound}. Composite factories throw it for a missing key.
 */
public class PasteLookupError extends RuntimeException {
    public PasteLookupError(String message) {
        super(message);
    }
}
