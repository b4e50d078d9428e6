package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.db.DuplicateEntry;
import org.jnova.db.FlavorStore;
import org.jnova.db.Transactions;
import org.jnova.exception.Conflict;
import org.jnova.exception.NotFound;
import org.jnova.objects.Flavor;

/** Flavors, extra specs and flavor access (flavors, os-flavor-manage, os-extra_specs, os-flavor-access). */
public final class FlavorsApi {
    private final FlavorStore store;
    private final Transactions apiDb;

    public FlavorsApi(FlavorStore store, Transactions apiDb) {
        this.store = requireNonNull(store, "store is null");
        this.apiDb = requireNonNull(apiDb, "apiDb is null");
    }

    public Flavor get(String flavorId) {
        return store.byFlavorId(flavorId).orElseThrow(() -> new ComputeErrors.FlavorNotFound(flavorId));
    }

    /**
     * A flavor as the caller may see it: nova hides private flavors from non-admins whose
     * project was not given access (FlavorNotFound, as if it did not exist).
     */
    public Flavor get(String flavorId, String projectId, boolean isAdmin) {
        Flavor f = get(flavorId);
        if (isAdmin || f.isPublic()) {
            return f;
        }
        List<String> projects = store.accessProjects(f.id());
        if (projectId == null || !projects.contains(projectId)) {
            throw new ComputeErrors.FlavorNotFound(flavorId);
        }
        return f;
    }

    /** See {@link FlavorStore#list}; sortKey null is flavorid. */
    public List<Flavor> list(Boolean isPublic, String projectId, Integer minRam, Integer minDisk, String sortKey,
            boolean ascending, Integer limit, String marker) {
        return store.list(isPublic, projectId, minRam, minDisk, sortKey, ascending, limit, marker);
    }

    /** As above, only flavors whose name {@code nameMatches} accepts. */
    public List<Flavor> list(Boolean isPublic, String projectId, Integer minRam, Integer minDisk,
            java.util.function.Predicate<String> nameMatches, String sortKey, boolean ascending, Integer limit,
            String marker) {
        return store.list(isPublic, projectId, minRam, minDisk, nameMatches, sortKey, ascending, limit, marker);
    }

    /** Creates a flavor; a null flavorId gets a UUID, as nova. */
    public Flavor create(String name, String flavorId, int memoryMb, int vcpus, int rootGb, int ephemeralGb, int swap,
            double rxtxFactor, boolean isPublic, String description) {
        String id = flavorId == null ? UUID.randomUUID().toString() : flavorId;
        try {
            return apiDb.inTransaction(tx -> {
                if (store.byName(tx, name).isPresent()) {
                    throw new ComputeErrors.FlavorExists("Flavor with name " + name + " already exists.");
                }
                if (store.byFlavorId(tx, id).isPresent()) {
                    throw new ComputeErrors.FlavorExists("Flavor with ID " + id + " already exists.");
                }
                return store.create(tx, new Flavor(0, id, name, memoryMb, vcpus, rootGb, ephemeralGb, swap,
                        rxtxFactor, isPublic, false, description, Map.of(), null, null));
            });
        } catch (DuplicateEntry e) {
            // the index refused what the check let through: the name is taken unless the id is
            throw new ComputeErrors.FlavorExists(store.byFlavorId(id).isPresent() && e.key().contains("flavorid")
                    ? "Flavor with ID " + id + " already exists."
                    : "Flavor with name " + name + " already exists.");
        }
    }

    public Flavor updateDescription(String flavorId, String description) {
        Flavor f = get(flavorId);
        store.updateDescription(f.id(), description);
        return get(flavorId);
    }

    public void delete(String flavorId) {
        if (!store.delete(flavorId)) {
            throw new ComputeErrors.FlavorNotFound(flavorId);
        }
    }

    public Map<String, String> extraSpecs(String flavorId) {
        return get(flavorId).extraSpecs();
    }

    public Map<String, String> putExtraSpecs(String flavorId, Map<String, String> specs) {
        Flavor f = get(flavorId);
        store.putExtraSpecs(f.id(), specs);
        return get(flavorId).extraSpecs();
    }

    public void deleteExtraSpec(String flavorId, String key) {
        Flavor f = get(flavorId);
        if (!store.deleteExtraSpec(f.id(), key)) {
            throw new NotFound("Flavor " + flavorId + " has no extra specs with key " + key + ".");
        }
    }

    public List<String> access(String flavorId) {
        Flavor f = get(flavorId);
        if (f.isPublic()) {
            throw new NotFound("Access list not available for public flavors.");
        }
        return store.accessProjects(f.id());
    }

    public List<String> addAccess(String flavorId, String projectId) {
        return addAccess(flavorId, projectId, false);
    }

    /**
     * Gives a project access to a flavor; {@code allowPublic} lets a public flavor get an
     * access row too (nova before microversion 2.7). Returns the flavor's projects.
     */
    public List<String> addAccess(String flavorId, String projectId, boolean allowPublic) {
        Flavor f = get(flavorId);
        if (f.isPublic() && !allowPublic) {
            throw new Conflict("Can not add access to a public flavor.");
        }
        try {
            if (!store.addAccess(f.id(), projectId)) {
                throw new Conflict("Flavor access already exists for flavor " + flavorId + " and project "
                        + projectId + " combination.");
            }
        } catch (DuplicateEntry e) {
            throw new Conflict("Flavor access already exists for flavor " + flavorId + " and project " + projectId
                    + " combination.");
        }
        return projects(flavorId);
    }

    /** The projects given access to a flavor, public or not. */
    public List<String> projects(String flavorId) {
        Flavor f = get(flavorId);
        return store.accessProjects(f.id());
    }

    public List<String> removeAccess(String flavorId, String projectId) {
        Flavor f = get(flavorId);
        if (!store.removeAccess(f.id(), projectId)) {
            throw new NotFound("Flavor access not found for " + flavorId + " / " + projectId + " combination.");
        }
        return projects(flavorId);
    }
}
