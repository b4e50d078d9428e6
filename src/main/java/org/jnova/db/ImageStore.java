package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.objects.Image;

/** jnova's built-in image catalog (nova asks glance), in the main database. */
public final class ImageStore {
    private static final String COLUMNS = "id, name, status, min_disk, min_ram, size, properties, created_at, "
            + "updated_at";
    private final Database db;

    public ImageStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Adds the image unless one with its id exists; returns whether it was added. */
    public boolean insertIfAbsent(Image image) {
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM images WHERE id = ?", image.id()) > 0) {
                return false;
            }
            tx.update("INSERT INTO images (id, name, status, min_disk, min_ram, size, properties, created_at, "
                    + "updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", image.id(), image.name(),
                    image.status(), image.minDisk(), image.minRam(), image.size(),
                    FlavorJson.writeMap(image.properties()), FlavorJson.now(), FlavorJson.now());
            return true;
        });
    }

    public Optional<Image> get(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ? AND deleted = 0",
                ImageStore::row, id));
    }

    public List<Image> list() {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM images WHERE deleted = 0 ORDER BY created_at "
                + "DESC, id DESC", ImageStore::row));
    }

    /** Replaces an image's properties; returns whether the image exists. */
    public boolean setProperties(String id, Map<String, String> properties) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET properties = ?, updated_at = ? WHERE id = ? AND "
                + "deleted = 0", FlavorJson.writeMap(properties), FlavorJson.now(), id) > 0);
    }

    public boolean delete(String id) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET deleted = 1, deleted_at = ?, status = 'deleted' "
                + "WHERE id = ? AND deleted = 0", FlavorJson.now(), id) > 0);
    }

    private static Image row(Row r) throws SQLException {
        Map<String, String> props = new TreeMap<>();
        FlavorJson.readMap(r.getString("properties")).forEach((k, v) -> props.put(k, String.valueOf(v)));
        return new Image(r.getString("id"), r.getString("name"), r.getString("status"), r.getInt("min_disk"),
                r.getInt("min_ram"), r.getLong("size"), props, r.getInstant("created_at"), r.getInstant("updated_at"));
    }
}
