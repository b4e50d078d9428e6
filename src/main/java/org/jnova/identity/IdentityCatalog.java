package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.IdentityCatalogStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityEndpointEntry;
import org.jnova.objects.IdentityRegion;
import org.jnova.objects.IdentityServiceEntry;
import org.jnova.objects.RegionDeletion;

/** Services, endpoints and regions for the catalog APIs, and the catalog tokens carry. */
public final class IdentityCatalog {
    private final IdentityCatalogStore store;
    private final IdentityStore identity;

    public IdentityCatalog(IdentityCatalogStore store, IdentityStore identity) {
        this.store = requireNonNull(store, "store is null");
        this.identity = requireNonNull(identity, "identity is null");
    }

    public List<IdentityServiceEntry> services(Optional<String> type, Optional<String> name) {
        return store.services(type, name);
    }

    public Optional<IdentityServiceEntry> service(String id) {
        return store.service(id);
    }

    public void createService(IdentityServiceEntry service) {
        store.createService(service);
    }

    public void updateService(IdentityServiceEntry service) {
        store.updateService(service);
    }

    /** Deletes the service and its endpoints. */
    public boolean deleteService(String id) {
        return store.deleteService(id);
    }

    public List<IdentityEndpointEntry> endpoints(Optional<String> serviceId, Optional<String> interfaceName,
            Optional<String> regionId) {
        return store.endpoints(serviceId, interfaceName, regionId);
    }

    public Optional<IdentityEndpointEntry> endpoint(String id) {
        return store.endpoint(id);
    }

    public void createEndpoint(IdentityEndpointEntry endpoint) {
        store.createEndpoint(endpoint);
    }

    public void updateEndpoint(IdentityEndpointEntry endpoint) {
        store.updateEndpoint(endpoint);
    }

    public boolean deleteEndpoint(String id) {
        return store.deleteEndpoint(id);
    }

    public List<IdentityRegion> regions(Optional<String> parentRegionId) {
        return store.regions(parentRegionId);
    }

    public Optional<IdentityRegion> region(String id) {
        return store.region(id);
    }

    /** False when the id is taken. */
    public boolean createRegion(IdentityRegion region) {
        return store.createRegion(region);
    }

    public void updateRegion(IdentityRegion region) {
        store.updateRegion(region);
    }

    public RegionDeletion deleteRegion(String id) {
        return store.deleteRegion(id);
    }

    /** The enabled services with their enabled endpoints, as a token's catalog. */
    public List<CatalogService> tokenCatalog() {
        return identity.catalog();
    }
}
