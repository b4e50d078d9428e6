package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.objects.Flavor;
import org.jnova.objects.SortKey;

/** Flavors, their extra specs and access lists, in the API database (hard deletes, as nova_api). */
public final class FlavorStore {
    private static final String COLUMNS = "id, flavorid, name, memory_mb, vcpus, root_gb, ephemeral_gb, swap, "
            + "rxtx_factor, is_public, disabled, description, created_at, updated_at";
    private static final java.util.Set<String> SORT = java.util.Set.of("id", "flavorid", "name", "memory_mb",
            "vcpus", "root_gb", "ephemeral_gb", "swap", "rxtx_factor", "created_at", "updated_at", "description",
            "is_public", "disabled");

    private final Database db;

    public FlavorStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /**
     * Inserts a flavor; a taken name or flavorid surfaces as {@link DuplicateEntry} from the
     * caller's transaction (after it ran again, see {@link Database#inTransaction}).
     */
    public Flavor create(Tx tx, Flavor f) throws SQLException {
        tx.update("INSERT INTO flavors (flavorid, name, memory_mb, vcpus, root_gb, ephemeral_gb, swap, rxtx_factor, "
                + "is_public, disabled, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.flavorId(), f.name(), f.memoryMb(), f.vcpus(), f.rootGb(), f.ephemeralGb(), f.swap(),
                f.rxtxFactor(), f.isPublic(), f.disabled(), f.description(), FlavorJson.now());
        Flavor stored = byFlavorId(tx, f.flavorId()).orElseThrow();
        for (Map.Entry<String, String> e : f.extraSpecs().entrySet()) {
            tx.update("INSERT INTO flavor_extra_specs (flavor_id, spec_key, spec_value, created_at) VALUES (?, ?, ?, ?)",
                    stored.id(), e.getKey(), e.getValue(), FlavorJson.now());
        }
        return byFlavorId(tx, f.flavorId()).orElseThrow();
    }

    public Optional<Flavor> byFlavorId(String flavorId) {
        return db.read(tx -> byFlavorId(tx, flavorId));
    }

    public Optional<Flavor> byFlavorId(Tx tx, String flavorId) throws SQLException {
        return withSpecs(tx, tx.query("SELECT " + COLUMNS + " FROM flavors WHERE flavorid = ?", FlavorStore::row,
                flavorId)).stream().findFirst();
    }

    public Optional<Flavor> byName(Tx tx, String name) throws SQLException {
        return withSpecs(tx, tx.query("SELECT " + COLUMNS + " FROM flavors WHERE name = ?", FlavorStore::row, name))
                .stream().findFirst();
    }

    /**
     * Lists flavors. {@code isPublic}: TRUE public only, FALSE private only, null both;
     * {@code projectId} non-null adds the private flavors that project was given access to.
     */
    public List<Flavor> list(Boolean isPublic, String projectId, Integer minRam, Integer minDisk, String sortKey,
            boolean ascending, Integer limit, String marker) {
        return list(isPublic, projectId, minRam, minDisk, null, sortKey, ascending, limit, marker);
    }

    /**
     * As above, keeping only flavors whose name {@code nameMatches} accepts (null: all); the
     * limit then applies after that filter.
     */
    public List<Flavor> list(Boolean isPublic, String projectId, Integer minRam, Integer minDisk,
            java.util.function.Predicate<String> nameMatches, String sortKey, boolean ascending, Integer limit,
            String marker) {
        return db.read(tx -> {
            String key = sortKey == null ? "flavorid" : sortKey;
            if (!SORT.contains(key)) {
                throw new org.jnova.exception.Invalid("Invalid sort key: " + key);
            }
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM flavors WHERE disabled = ?");
            List<Object> args = new ArrayList<>(List.of(false));
            if (isPublic != null && projectId != null && isPublic) {
                sql.append(" AND (is_public = ? OR id IN (SELECT flavor_id FROM flavor_projects WHERE project_id = ?))");
                args.add(true);
                args.add(projectId);
            } else if (isPublic != null) {
                sql.append(" AND is_public = ?");
                args.add(isPublic);
            }
            if (minRam != null) {
                sql.append(" AND memory_mb >= ?");
                args.add(minRam);
            }
            if (minDisk != null) {
                sql.append(" AND root_gb >= ?");
                args.add(minDisk);
            }
            List<SortKey> keys = List.of(new SortKey(key, ascending), new SortKey("id", ascending));
            if (marker != null) {
                Map<String, Object> values = new HashMap<>();
                Flavor m = byFlavorId(tx, marker).orElseThrow(
                        () -> new org.jnova.exception.Invalid("Marker " + marker + " could not be found."));
                tx.query("SELECT " + key + ", id FROM flavors WHERE id = ?", r -> {
                    values.put(key, key.equals("created_at") || key.equals("updated_at") ? r.getInstant(key)
                            : key.matches("memory_mb|vcpus|root_gb|ephemeral_gb|swap|id") ? (Object) r.getLong(key)
                            : key.equals("rxtx_factor") ? (Object) r.getDouble(key) : r.getString(key));
                    values.put("id", r.getLong("id"));
                    return null;
                }, m.id());
                Keyset.after(keys, values, sql, args);
            }
            sql.append(" ORDER BY ").append(key).append(ascending ? " ASC" : " DESC").append(", id")
                    .append(ascending ? " ASC" : " DESC");
            if (limit != null && nameMatches == null) {
                sql.append(" LIMIT ").append(limit);
            }
            List<Flavor> rows = tx.query(sql.toString(), FlavorStore::row, args.toArray());
            if (nameMatches != null) {
                rows = rows.stream().filter(f -> nameMatches.test(f.name()))
                        .limit(limit == null ? Long.MAX_VALUE : limit).toList();
            }
            return withSpecs(tx, rows);
        });
    }

    /** Deletes a flavor with its extra specs and access rows in one transaction; false when there is none. */
    public boolean delete(String flavorId) {
        return db.inTransaction(tx -> delete(tx, flavorId));
    }

    public boolean delete(Tx tx, String flavorId) throws SQLException {
        Optional<Flavor> f = byFlavorId(tx, flavorId);
        if (f.isEmpty()) {
            return false;
        }
        tx.update("DELETE FROM flavor_extra_specs WHERE flavor_id = ?", f.get().id());
        tx.update("DELETE FROM flavor_projects WHERE flavor_id = ?", f.get().id());
        return tx.update("DELETE FROM flavors WHERE id = ?", f.get().id()) == 1;
    }

    public void updateDescription(int id, String description) {
        db.inTransaction(tx -> {
            updateDescription(tx, id, description);
            return null;
        });
    }

    public void updateDescription(Tx tx, int id, String description) throws SQLException {
        tx.update("UPDATE flavors SET description = ?, updated_at = ? WHERE id = ?", description, FlavorJson.now(), id);
    }

    /** Adds or changes extra specs in one transaction. */
    public void putExtraSpecs(int flavorId, Map<String, String> specs) {
        db.inTransaction(tx -> {
            putExtraSpecs(tx, flavorId, specs);
            return null;
        });
    }

    /** Adds or changes extra specs. */
    public void putExtraSpecs(Tx tx, int flavorId, Map<String, String> specs) throws SQLException {
        for (Map.Entry<String, String> e : specs.entrySet()) {
            if (tx.update("UPDATE flavor_extra_specs SET spec_value = ?, updated_at = ? WHERE flavor_id = ? "
                    + "AND spec_key = ?", e.getValue(), FlavorJson.now(), flavorId, e.getKey()) == 0) {
                tx.update("INSERT INTO flavor_extra_specs (flavor_id, spec_key, spec_value, created_at) "
                        + "VALUES (?, ?, ?, ?)", flavorId, e.getKey(), e.getValue(), FlavorJson.now());
            }
        }
    }

    public boolean deleteExtraSpec(int flavorId, String key) {
        return db.inTransaction(tx -> deleteExtraSpec(tx, flavorId, key));
    }

    public boolean deleteExtraSpec(Tx tx, int flavorId, String key) throws SQLException {
        return tx.update("DELETE FROM flavor_extra_specs WHERE flavor_id = ? AND spec_key = ?", flavorId, key) > 0;
    }

    public List<String> accessProjects(int flavorId) {
        return db.read(tx -> accessProjects(tx, flavorId));
    }

    public List<String> accessProjects(Tx tx, int flavorId) throws SQLException {
        return tx.query("SELECT project_id FROM flavor_projects WHERE flavor_id = ? ORDER BY id",
                r -> r.getString("project_id"), flavorId);
    }

    /** Gives a project access in one transaction; false when it already has it. */
    public boolean addAccess(int flavorId, String projectId) {
        return db.inTransaction(tx -> addAccess(tx, flavorId, projectId));
    }

    public boolean addAccess(Tx tx, int flavorId, String projectId) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM flavor_projects WHERE flavor_id = ? AND project_id = ?", flavorId,
                projectId) > 0) {
            return false;
        }
        tx.update("INSERT INTO flavor_projects (flavor_id, project_id, created_at) VALUES (?, ?, ?)", flavorId,
                projectId, FlavorJson.now());
        return true;
    }

    public boolean removeAccess(int flavorId, String projectId) {
        return db.inTransaction(tx -> removeAccess(tx, flavorId, projectId));
    }

    public boolean removeAccess(Tx tx, int flavorId, String projectId) throws SQLException {
        return tx.update("DELETE FROM flavor_projects WHERE flavor_id = ? AND project_id = ?", flavorId,
                projectId) > 0;
    }

    private static List<Flavor> withSpecs(Tx tx, List<Flavor> flavors) throws SQLException {
        if (flavors.isEmpty()) {
            return flavors;
        }
        Map<Integer, Map<String, String>> specs = new HashMap<>();
        Object[] ids = flavors.stream().map(Flavor::id).toArray();
        tx.query("SELECT flavor_id, spec_key, spec_value FROM flavor_extra_specs WHERE flavor_id IN ("
                + InstanceStore.marks(ids.length) + ")", r -> specs.computeIfAbsent(r.getInt("flavor_id"),
                        k -> new TreeMap<>()).put(r.getString("spec_key"), r.getString("spec_value")), ids);
        List<Flavor> out = new ArrayList<>(flavors.size());
        for (Flavor f : flavors) {
            out.add(f.withExtraSpecs(specs.getOrDefault(f.id(), Map.of())));
        }
        return out;
    }

    private static Flavor row(Row r) throws SQLException {
        return new Flavor(r.getInt("id"), r.getString("flavorid"), r.getString("name"), r.getInt("memory_mb"),
                r.getInt("vcpus"), r.getInt("root_gb"), r.getInt("ephemeral_gb"), r.getInt("swap"),
                r.getDouble("rxtx_factor"), r.getBoolean("is_public"), r.getBoolean("disabled"),
                r.getString("description"), Map.of(), r.getInstant("created_at"), r.getInstant("updated_at"));
    }
}
