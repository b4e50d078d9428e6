package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityEndpointEntry;
import org.jnova.objects.IdentityRegion;
import org.jnova.objects.IdentityServiceEntry;
import org.jnova.objects.RegionDeletion;

/**
 * The catalog as the services, endpoints and regions APIs manage it, in the API database
 * ({@link IdentityStore#catalog()} reads it for tokens). Deleting a service deletes its
 * endpoints; a region with endpoints, itself or below it, is not deleted.
 */
public final class IdentityCatalogStore {
    private static final String SERVICE_COLUMNS = "id, type, name, enabled, extra";
    private static final String ENDPOINT_COLUMNS = "id, service_id, interface, region_id, url, enabled, extra";
    private static final String REGION_COLUMNS = "id, description, parent_region_id, extra";
    private final Database db;

    public IdentityCatalogStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The services, by type, only those of the type and name given. */
    public List<IdentityServiceEntry> services(Optional<String> type, Optional<String> name) {
        Where where = new Where().and("type", type).and("name", name);
        return db.read(tx -> tx.query("SELECT " + SERVICE_COLUMNS + " FROM identity_services" + where.sql()
                + " ORDER BY type, id", IdentityCatalogStore::service, where.args()));
    }

    public Optional<IdentityServiceEntry> service(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + SERVICE_COLUMNS + " FROM identity_services WHERE id = ?",
                IdentityCatalogStore::service, id));
    }

    public void createService(IdentityServiceEntry service) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_services (id, type, name, enabled, extra) "
                + "VALUES (?, ?, ?, ?, ?)", service.id(), service.type(), service.name(), service.enabled(),
                service.extra()));
    }

    public void updateService(IdentityServiceEntry service) {
        db.inTransaction(tx -> tx.update("UPDATE identity_services SET type = ?, name = ?, enabled = ?, extra = ? "
                + "WHERE id = ?", service.type(), service.name(), service.enabled(), service.extra(), service.id()));
    }

    /** Deletes the service and its endpoints; false when there was none. */
    public boolean deleteService(String id) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM identity_endpoints WHERE service_id = ?", id);
            return tx.update("DELETE FROM identity_services WHERE id = ?", id) > 0;
        });
    }

    /** The endpoints, only those of the service, interface and region given. */
    public List<IdentityEndpointEntry> endpoints(Optional<String> serviceId, Optional<String> interfaceName,
            Optional<String> regionId) {
        Where where = new Where().and("service_id", serviceId).and("interface", interfaceName)
                .and("region_id", regionId);
        return db.read(tx -> tx.query("SELECT " + ENDPOINT_COLUMNS + " FROM identity_endpoints" + where.sql()
                + " ORDER BY service_id, interface, id", IdentityCatalogStore::endpoint, where.args()));
    }

    public Optional<IdentityEndpointEntry> endpoint(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + ENDPOINT_COLUMNS + " FROM identity_endpoints WHERE id = ?",
                IdentityCatalogStore::endpoint, id));
    }

    public void createEndpoint(IdentityEndpointEntry endpoint) {
        db.inTransaction(tx -> tx.update("INSERT INTO identity_endpoints (id, service_id, interface, region_id, url, "
                + "enabled, extra) VALUES (?, ?, ?, ?, ?, ?, ?)", endpoint.id(), endpoint.serviceId(),
                endpoint.interfaceName(), endpoint.regionId(), endpoint.url(), endpoint.enabled(), endpoint.extra()));
    }

    public void updateEndpoint(IdentityEndpointEntry endpoint) {
        db.inTransaction(tx -> tx.update("UPDATE identity_endpoints SET service_id = ?, interface = ?, region_id = ?, "
                + "url = ?, enabled = ?, extra = ? WHERE id = ?", endpoint.serviceId(), endpoint.interfaceName(),
                endpoint.regionId(), endpoint.url(), endpoint.enabled(), endpoint.extra(), endpoint.id()));
    }

    public boolean deleteEndpoint(String id) {
        return db.inTransaction(tx -> tx.update("DELETE FROM identity_endpoints WHERE id = ?", id) > 0);
    }

    /** The regions, by id, only those below the parent given. */
    public List<IdentityRegion> regions(Optional<String> parentRegionId) {
        Where where = new Where().and("parent_region_id", parentRegionId);
        return db.read(tx -> tx.query("SELECT " + REGION_COLUMNS + " FROM identity_regions" + where.sql()
                + " ORDER BY id", IdentityCatalogStore::region, where.args()));
    }

    public Optional<IdentityRegion> region(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + REGION_COLUMNS + " FROM identity_regions WHERE id = ?",
                IdentityCatalogStore::region, id));
    }

    /** Adds the region; false when its id is taken. */
    public boolean createRegion(IdentityRegion region) {
        try {
            return db.inTransaction(tx -> {
                if (tx.count("SELECT COUNT(*) FROM identity_regions WHERE id = ?", region.id()) > 0) {
                    return false;
                }
                tx.update("INSERT INTO identity_regions (id, description, parent_region_id, extra) VALUES (?, ?, ?, ?)",
                        region.id(), region.description(), region.parentRegionId(), region.extra());
                return true;
            });
        } catch (DuplicateEntry e) {
            // a concurrent create of the same id lost the race on the primary key
            if (region(region.id()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    public void updateRegion(IdentityRegion region) {
        db.inTransaction(tx -> tx.update("UPDATE identity_regions SET description = ?, parent_region_id = ?, extra = ? "
                + "WHERE id = ?", region.description(), region.parentRegionId(), region.extra(), region.id()));
    }

    /** Deletes the region and the regions below it, unless one of them has endpoints. */
    public RegionDeletion deleteRegion(String id) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM identity_regions WHERE id = ?", id) == 0) {
                return RegionDeletion.NOT_FOUND;
            }
            List<String> tree = new ArrayList<>(List.of(id));
            for (int i = 0; i < tree.size(); i++) {
                for (String child : tx.query("SELECT id FROM identity_regions WHERE parent_region_id = ?",
                        r -> r.getString("id"), tree.get(i))) {
                    if (!tree.contains(child)) {
                        tree.add(child);
                    }
                }
            }
            for (String region : tree) {
                if (tx.count("SELECT COUNT(*) FROM identity_endpoints WHERE region_id = ?", region) > 0) {
                    return RegionDeletion.HAS_ENDPOINTS;
                }
            }
            for (int i = tree.size() - 1; i >= 0; i--) {
                tx.update("DELETE FROM identity_regions WHERE id = ?", tree.get(i));
            }
            return RegionDeletion.DELETED;
        });
    }

    /** An AND of equality conditions on the columns whose values are given. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> args = new ArrayList<>();

        Where and(String column, Optional<String> value) {
            value.ifPresent(v -> {
                sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
                args.add(v);
            });
            return this;
        }

        String sql() {
            return sql.toString();
        }

        Object[] args() {
            return args.toArray();
        }
    }

    private static IdentityServiceEntry service(Row r) throws SQLException {
        return new IdentityServiceEntry(r.getString("id"), r.getString("type"), r.getString("name"),
                r.getBoolean("enabled"), IdentityRoleStore.orEmpty(r.getString("extra")));
    }

    private static IdentityEndpointEntry endpoint(Row r) throws SQLException {
        return new IdentityEndpointEntry(r.getString("id"), r.getString("service_id"), r.getString("interface"),
                r.getString("region_id"), r.getString("url"), r.getBoolean("enabled"),
                IdentityRoleStore.orEmpty(r.getString("extra")));
    }

    private static IdentityRegion region(Row r) throws SQLException {
        return new IdentityRegion(r.getString("id"), r.getString("description"), r.getString("parent_region_id"),
                IdentityRoleStore.orEmpty(r.getString("extra")));
    }
}
