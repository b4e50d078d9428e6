package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.objects.Image;

/**
 * jnova's built-in image catalog (nova asks glance), in the main database: images with
 * glance's owner and visibility, and the member projects of shared images.
 */
public final class ImageStore {
    private static final String COLUMNS = "id, name, status, min_disk, min_ram, size, properties, created_at, "
            + "updated_at, owner, visibility";
    private final Database db;

    public ImageStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Adds the image unless one with its id exists; returns whether it was added. */
    public boolean insertIfAbsent(Image image) {
        return db.inTransaction(tx -> insertIfAbsent(tx, image));
    }

    /** As {@link #insertIfAbsent(Image)} in the caller's transaction. */
    public boolean insertIfAbsent(Tx tx, Image image) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM images WHERE id = ?", image.id()) > 0) {
            return false;
        }
        tx.update("INSERT INTO images (id, name, status, min_disk, min_ram, size, properties, created_at, "
                + "updated_at, owner, visibility, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", image.id(),
                image.name(), image.status(), image.minDisk(), image.minRam(), image.size(),
                FlavorJson.writeMap(image.properties()), FlavorJson.now(), FlavorJson.now(), image.owner(),
                image.visibility());
        return true;
    }

    /** A live image, whoever owns it (for the compute side and the API's own checks). */
    public Optional<Image> get(String id) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ? AND deleted = 0",
                ImageStore::row, id));
    }

    /** Every live image, newest first. */
    /** Every image id ever registered, oldest first. */
    public List<String> idsInRegistrationOrder() {
        return db.read(tx -> tx.query(
                "SELECT id FROM images ORDER BY created_at, id", r -> r.getString("id")));
    }

    public List<Image> list() {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM images WHERE deleted = 0 ORDER BY created_at "
                + "DESC, id DESC", ImageStore::row));
    }

    /**
     * glance's default image list for a project: public images, the project's own, shared ones
     * it accepted as a member; community images only when it owns them. An admin (glance's is_admin) lists
     * every image but other projects' community images. Newest first.
     */
    public List<Image> listVisible(String projectId, boolean admin) {
        String owner = projectId == null ? "" : projectId;
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM images WHERE deleted = 0");
        List<Object> args = new ArrayList<>();
        if (!admin) {
            sql.append(" AND (visibility = 'public' OR owner = ? OR (visibility = 'shared' AND id IN "
                    + "(SELECT image_id FROM image_members WHERE member = ? AND status = 'accepted')))");
            args.add(owner);
            args.add(owner);
        }
        sql.append(" AND (visibility <> 'community' OR owner = ?) ORDER BY created_at DESC, id DESC");
        args.add(owner);
        return db.read(tx -> tx.query(sql.toString(), ImageStore::row, args.toArray()));
    }

    /** The status of a project's membership of an image (pending, accepted, rejected). */
    public Optional<String> memberStatus(String imageId, String projectId) {
        return db.read(tx -> tx.queryOne("SELECT status FROM image_members WHERE image_id = ? AND member = ?",
                r -> r.getString("status"), imageId, projectId));
    }

    /** Makes a project a member of an image with a status, or changes the member's status. */
    public void setMember(String imageId, String projectId, String status) {
        db.inTransaction(tx -> {
            setMember(tx, imageId, projectId, status);
            return null;
        });
    }

    /** As {@link #setMember(String, String, String)} in the caller's transaction. */
    public void setMember(Tx tx, String imageId, String projectId, String status) throws SQLException {
        if (tx.update("UPDATE image_members SET status = ?, updated_at = ? WHERE image_id = ? AND member = ?", status,
                FlavorJson.now(), imageId, projectId) == 0) {
            tx.update("INSERT INTO image_members (image_id, member, status, created_at) VALUES (?, ?, ?, ?)",
                    imageId, projectId, status, FlavorJson.now());
        }
    }

    /** Live images a project owns (glance's image count). */
    public long countOwned(Tx tx, String projectId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM images WHERE owner = ? AND deleted = 0", projectId);
    }

    /**
     * Moves a live image to {@code status}; a non-null size is stored and {@code extraProperties}
     * are added to its properties. Returns whether the image was there.
     */
    public boolean updateStatus(String id, String status, Long size, Map<String, String> extraProperties) {
        return db.inTransaction(tx -> {
            Optional<Image> image = tx.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ? AND deleted = 0",
                    ImageStore::row, id);
            if (image.isEmpty()) {
                return false;
            }
            Map<String, String> props = new TreeMap<>(image.get().properties());
            props.putAll(extraProperties);
            tx.update("UPDATE images SET status = ?, size = ?, properties = ?, updated_at = ? WHERE id = ? "
                    + "AND deleted = 0", status, size != null ? size : image.get().size(), FlavorJson.writeMap(props),
                    FlavorJson.now(), id);
            return true;
        });
    }

    /** Replaces an image's properties; returns whether the image exists. */
    public boolean setProperties(String id, Map<String, String> properties) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET properties = ?, updated_at = ? WHERE id = ? AND "
                + "deleted = 0", FlavorJson.writeMap(properties), FlavorJson.now(), id) > 0);
    }

    /** Changes a live image's visibility; returns whether the image exists. */
    public boolean setVisibility(String id, String visibility) {
        return db.inTransaction(tx -> tx.update("UPDATE images SET visibility = ?, updated_at = ? WHERE id = ? AND "
                + "deleted = 0", visibility, FlavorJson.now(), id) > 0);
    }

    /** Deletes an image and its memberships. */
    public boolean delete(String id) {
        return db.inTransaction(tx -> {
            tx.update("DELETE FROM image_members WHERE image_id = ?", id);
            return tx.update("UPDATE images SET deleted = 1, deleted_at = ?, status = 'deleted' WHERE id = ? AND "
                    + "deleted = 0", FlavorJson.now(), id) > 0;
        });
    }

    private static Image row(Row r) throws SQLException {
        Map<String, String> props = new TreeMap<>();
        FlavorJson.readMap(r.getString("properties")).forEach((k, v) -> props.put(k, String.valueOf(v)));
        return new Image(r.getString("id"), r.getString("name"), r.getString("status"), r.getInt("min_disk"),
                r.getInt("min_ram"), r.getLong("size"), props, r.getInstant("created_at"), r.getInstant("updated_at"),
                r.getString("owner"), r.getString("visibility"));
    }
}
