package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.db.InstanceStore;

/** A server's password as the guest posted it: chunks in its system metadata (password_0..3). */
public final class ServerPasswordApi {
    private final InstanceStore instances;

    public ServerPasswordApi(InstanceStore instances) {
        this.instances = requireNonNull(instances, "instances is null");
    }

    /** Sets the password chunks of the server's system metadata, keeping its other items. */
    public void setChunks(String uuid, Map<String, String> chunks) {
        instances.updateMetadata(uuid, chunks, false, true);
    }
}
