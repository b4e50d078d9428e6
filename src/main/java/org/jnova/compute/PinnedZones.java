package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.jnova.db.InstanceStore;
import org.jnova.db.Transactions;
import org.jnova.exception.Conflict;
import org.jnova.objects.Instance;

/**
 * The availability zone a server is pinned to (2.96 shows it, 2.104 changes it): null unpins;
 * a zone pins the server again, but only to the zone it is in now and only while it is not
 * pinned to another one (nova's 409s otherwise). Setting the current value changes nothing.
 */
final class PinnedZones {
    private final InstanceStore instances;
    private final Transactions mainDb;

    PinnedZones(InstanceStore instances, Transactions mainDb) {
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
    }

    void update(Instance server, Optional<String> requested) {
        mainDb.inTransaction(tx -> {
            Map<String, String> system = instances.children().metadata(tx, server.uuid(), true);
            String pinned = system.get(Instance.PINNED_ZONE_KEY);
            if (requested.isEmpty()) {
                if (pinned != null) {
                    instances.children().deleteMetadata(tx, server.uuid(), Instance.PINNED_ZONE_KEY, true);
                }
                return null;
            }
            String wanted = requested.get();
            if (pinned != null) {
                if (!wanted.equals(pinned)) {
                    throw new Conflict("Cannot change pinned availability zone directly. Unpin first by setting "
                            + "pinned_availability_zone to null.");
                }
                return null;
            }
            String current = server.availabilityZone();
            if (!wanted.equals(current)) {
                throw new Conflict("Server can only be pinned to its current availability zone '"
                        + (current == null ? "None" : current) + "', but '" + wanted + "' was requested.");
            }
            instances.children().updateMetadata(tx, server.uuid(), Map.of(Instance.PINNED_ZONE_KEY, wanted), false,
                    true);
            return null;
        });
    }
}
