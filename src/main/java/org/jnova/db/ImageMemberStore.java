package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.objects.ImageMember;

/** glance's image members: the projects a shared image is shared with, in {@code image_members}. */
public final class ImageMemberStore {
    private static final String COLUMNS = "image_id, member, status, created_at, COALESCE(updated_at, created_at) "
            + "AS updated_at";
    private final Database db;

    public ImageMemberStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** What {@link #add} did. */
    public enum Added { ADDED, DUPLICATE, OVER_QUOTA }

    /** An image's members, oldest first. */
    public List<ImageMember> list(String imageId) {
        return db.read(tx -> tx.query("SELECT " + COLUMNS + " FROM image_members WHERE image_id = ? ORDER BY "
                + "created_at, member", ImageMemberStore::row, imageId));
    }

    /** A project's memberships: image id to status. */
    public Map<String, String> statusesOf(String memberId) {
        Map<String, String> statuses = new HashMap<>();
        db.read(tx -> tx.query("SELECT image_id, status FROM image_members WHERE member = ?",
                r -> Map.entry(r.getString("image_id"), r.getString("status")), memberId))
                .forEach(e -> statuses.put(e.getKey(), e.getValue()));
        return statuses;
    }

    public Optional<ImageMember> get(String imageId, String memberId) {
        return db.read(tx -> tx.queryOne("SELECT " + COLUMNS + " FROM image_members WHERE image_id = ? AND "
                + "member = ?", ImageMemberStore::row, imageId, memberId));
    }

    public long count(String imageId) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM image_members WHERE image_id = ?", imageId));
    }

    /**
     * Adds a pending member unless the image has it already or would have more than
     * {@code quota} members (negative: no limit), glance's order of checks.
     */
    public Added add(String imageId, String memberId, long quota) {
        return db.inTransaction(tx -> {
            if (quota >= 0 && tx.count("SELECT COUNT(*) FROM image_members WHERE image_id = ?", imageId) + 1 > quota) {
                return Added.OVER_QUOTA;
            }
            if (tx.count("SELECT COUNT(*) FROM image_members WHERE image_id = ? AND member = ?", imageId,
                    memberId) > 0) {
                return Added.DUPLICATE;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            tx.update("INSERT INTO image_members (image_id, member, status, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", imageId, memberId, ImageMember.PENDING, now, now);
            return Added.ADDED;
        });
    }

    /** Sets a member's status; false when the image has no such member. */
    public boolean setStatus(String imageId, String memberId, String status) {
        return db.inTransaction(tx -> tx.update("UPDATE image_members SET status = ?, updated_at = ? WHERE "
                + "image_id = ? AND member = ?", status, Instant.now().truncatedTo(ChronoUnit.SECONDS), imageId,
                memberId) > 0);
    }

    public boolean remove(String imageId, String memberId) {
        return db.inTransaction(tx -> tx.update("DELETE FROM image_members WHERE image_id = ? AND member = ?",
                imageId, memberId) > 0);
    }

    private static ImageMember row(Row r) throws SQLException {
        return new ImageMember(r.getString("image_id"), r.getString("member"), r.getString("status"),
                r.getInstant("created_at"), r.getInstant("updated_at"));
    }
}
