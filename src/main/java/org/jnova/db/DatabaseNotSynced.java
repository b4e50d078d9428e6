package org.jnova.db;

import org.jnova.exception.NovaException;

/** A database whose schema is older than this release's: a service refuses to start on it. */
public final class DatabaseNotSynced extends NovaException {
    public DatabaseNotSynced(String message) {
        super(500, message);
    }
}
