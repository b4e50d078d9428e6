package org.jnova.api.openstack.compute.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jnova.db.Databases;
import org.jnova.db.FlavorStore;
import org.jnova.db.InstanceStore;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.testing.JnovaTestServer;

/**
 * Instances written straight into a running test server's database (the servers API is
 * another resource's work), with the launch and termination times a test needs.
 */
public final class StoredInstances implements AutoCloseable {
    private final Databases dbs;
    private final InstanceStore instances;
    private final FlavorStore flavors;

    public StoredInstances(JnovaTestServer jnova) {
        this.dbs = Databases.open(jnova.conf());
        this.instances = new InstanceStore(dbs.main(), "instance-%08x");
        this.flavors = new FlavorStore(dbs.api());
    }

    public Flavor flavor(String flavorId) {
        return flavors.byFlavorId(flavorId).orElseThrow();
    }

    /** An active instance of flavor "1" on {@code host}, launched (and terminated) when given. */
    public Instance create(String projectId, String name, String host, String node, Instant launchedAt,
            Instant terminatedAt) {
        Flavor flavor = flavor("1");
        Instance i = new Instance(0, UUID.randomUUID().toString(), null, name, null, name, projectId, "user",
                terminatedAt == null ? "active" : "deleted", null, 1, flavor, "image", host, node, "nova", null, null,
                false, null, null, null, null, null, null, "r-test", 0, 0, null, null, null, null, null, null, false,
                Map.of(), Map.of(), List.of(), List.of(), Optional.empty());
        Instance stored = instances.database().inTransaction(tx -> instances.insert(tx, i));
        if (terminatedAt != null) {
            instances.database().inTransaction(tx -> instances.softDelete(tx, stored.uuid()));
        }
        // after the soft delete, which stamps its own termination time
        instances.database().inTransaction(tx -> tx.update("UPDATE instances SET launched_at = ?, terminated_at = ? "
                + "WHERE uuid = ?", launchedAt, terminatedAt, stored.uuid()));
        return instances.get(stored.uuid(), true).orElseThrow();
    }

    /** Soft-deletes every instance of a project. */
    public void deleteProject(String projectId) {
        instances.listBare(org.jnova.objects.InstanceFilter.project(projectId))
                .forEach(i -> instances.database().inTransaction(tx -> instances.softDelete(tx, i.uuid())));
    }

    @Override
    public void close() {
        dbs.close();
    }
}
