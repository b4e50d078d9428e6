package org.jnova.db;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.objects.GlanceImage;
import org.jnova.objects.Image;
import org.jnova.utils.JsonMappers;

/**
 * The catalog's images with glance's Image v2 fields (the same {@code images} rows the compute
 * side reads through {@link ImageStore}).
 */
public final class GlanceImageStore {
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final String COLUMNS = "id, name, status, min_disk, min_ram, size, properties, created_at, "
            + "updated_at, owner, visibility, disk_format, container_format, checksum, os_hash_algo, os_hash_value, "
            + "protected, tags, os_hidden";
    private final Database db;

    public GlanceImageStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** A live image. */
    public Optional<GlanceImage> get(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ? AND deleted = 0",
                GlanceImageStore::row, id));
    }

    /** Every live image, newest first (the caller filters for visibility). */
    public List<GlanceImage> list() {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM images WHERE deleted = 0 ORDER BY created_at DESC,"
                + " id DESC", GlanceImageStore::row));
    }

    /** Adds the image; false when its id was ever used (live or deleted), glance's duplicate. */
    public boolean insert(GlanceImage g) {
        Image i = g.image();
        return db.inTransaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM images WHERE id = ?", i.id()) > 0) {
                return false;
            }
            tx.update("INSERT INTO images (id, name, status, min_disk, min_ram, size, properties, created_at, "
                    + "updated_at, owner, visibility, disk_format, container_format, protected, tags, os_hidden, "
                    + "deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", i.id(), i.name(), i.status(),
                    i.minDisk(), i.minRam(), i.size(), FlavorJson.writeMap(i.properties()), i.createdAt(),
                    i.updatedAt(), i.owner(), i.visibility(), g.diskFormat(), g.containerFormat(),
                    g.isProtected() ? 1 : 0, tags(g.tags()), g.osHidden() ? 1 : 0);
            return true;
        });
    }

    /** Writes the user-changeable fields of a live image; false when it is gone. */
    public boolean update(GlanceImage g) {
        Image i = g.image();
        return db.inTransaction(tx -> tx.update("UPDATE images SET name = ?, min_disk = ?, min_ram = ?, "
                + "properties = ?, visibility = ?, owner = ?, disk_format = ?, container_format = ?, protected = ?, "
                + "tags = ?, os_hidden = ?, updated_at = ? WHERE id = ? AND deleted = 0", i.name(), i.minDisk(),
                i.minRam(), FlavorJson.writeMap(i.properties()), i.visibility(), i.owner(), g.diskFormat(),
                g.containerFormat(), g.isProtected() ? 1 : 0, tags(g.tags()), g.osHidden() ? 1 : 0, FlavorJson.now(),
                i.id()) > 0);
    }

    /** Moves a live image from {@code fromStatus} to {@code toStatus}; false when it was not there in that status. */
    public boolean moveStatus(String id, String fromStatus, String toStatus) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET status = ?, updated_at = ? WHERE id = ? AND "
                + "status = ? AND deleted = 0", toStatus, FlavorJson.now(), id, fromStatus) > 0);
    }

    /** Records uploaded data: size, checksums, status active (only from {@code saving}). */
    public boolean activate(String id, long size, String checksum, String hashAlgo, String hashValue) {
        return activate(id, "saving", size, checksum, hashAlgo, hashValue);
    }

    /** Records stored data: size, checksums, status active (only from {@code fromStatus}). */
    public boolean activate(String id, String fromStatus, long size, String checksum, String hashAlgo,
            String hashValue) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET status = 'active', size = ?, checksum = ?, "
                + "os_hash_algo = ?, os_hash_value = ?, updated_at = ? WHERE id = ? AND status = ? AND "
                + "deleted = 0", size, checksum, hashAlgo, hashValue, FlavorJson.now(), id, fromStatus) > 0);
    }

    /** Records the size of data staged for import (only in {@code uploading}). */
    public boolean staged(String id, long size) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET size = ?, updated_at = ? WHERE id = ? AND "
                + "status = 'uploading' AND deleted = 0", size, FlavorJson.now(), id) > 0);
    }

    /**
     * Moves a live image from {@code fromStatus} to {@code toStatus} and sets (null value:
     * removes) properties, in one transaction; false when it was not there in that status.
     */
    public boolean moveStatus(String id, String fromStatus, String toStatus, Map<String, String> properties) {
        return db.inTransaction(tx -> {
            Optional<GlanceImage> image = tx.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ? AND "
                    + "status = ? AND deleted = 0", GlanceImageStore::row, id, fromStatus);
            if (image.isEmpty()) {
                return false;
            }
            Map<String, String> props = new TreeMap<>(image.get().image().properties());
            properties.forEach((k, v) -> {
                if (v == null) {
                    props.remove(k);
                } else {
                    props.put(k, v);
                }
            });
            return tx.update("UPDATE images SET status = ?, properties = ?, updated_at = ? WHERE id = ? AND "
                    + "status = ? AND deleted = 0", toStatus, FlavorJson.writeMap(props), FlavorJson.now(), id,
                    fromStatus) > 0;
        });
    }

    private static String tags(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readTags(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt image tags: " + text, e);
        }
    }

    private static GlanceImage row(Row r) throws SQLException {
        Map<String, String> props = new TreeMap<>();
        FlavorJson.readMap(r.getString("properties")).forEach((k, v) -> props.put(k, String.valueOf(v)));
        Image image = new Image(r.getString("id"), r.getString("name"), r.getString("status"), r.getInt("min_disk"),
                r.getInt("min_ram"), r.getLong("size"), props, r.getInstant("created_at"), r.getInstant("updated_at"),
                r.getString("owner"), r.getString("visibility"));
        return new GlanceImage(image, r.getString("disk_format"), r.getString("container_format"),
                r.getString("checksum"), r.getString("os_hash_algo"), r.getString("os_hash_value"),
                r.getInt("protected") != 0, readTags(r.getString("tags")), r.getInt("os_hidden") != 0);
    }
}
