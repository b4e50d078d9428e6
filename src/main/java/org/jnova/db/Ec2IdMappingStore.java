package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The numbers behind EC2 ids (nova's {@code s3_images} and {@code instance_id_mappings}):
 * images get a row in {@code ec2_id_mappings} the first time they are asked for; an
 * instance's number is its own row id.
 */
public final class Ec2IdMappingStore {
    private final Database db;

    public Ec2IdMappingStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** The number of {@code uuid}, made now when it has none. */
    public long numberOf(String uuid) {
        requireNonNull(uuid, "uuid is null");
        Optional<Long> known = find(uuid);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return db.inTransaction(tx -> {
                Optional<Long> again = tx.queryOne("SELECT id FROM ec2_id_mappings WHERE uuid = ?",
                        r -> r.getLong("id"), uuid);
                if (again.isPresent()) {
                    return again.get();
                }
                tx.update("INSERT INTO ec2_id_mappings (uuid, created_at) VALUES (?, ?)", uuid, FlavorJson.now());
                return tx.queryOne("SELECT id FROM ec2_id_mappings WHERE uuid = ?", r -> r.getLong("id"), uuid)
                        .orElseThrow();
            });
        } catch (DuplicateEntry e) {
            // a concurrent first use of the same uuid won the race on the unique index
            return find(uuid).orElseThrow(() -> e);
        }
    }

    /** The number of {@code uuid} if it has one. */
    public Optional<Long> find(String uuid) {
        return db.read(tx -> tx.queryOne("SELECT id FROM ec2_id_mappings WHERE uuid = ?", r -> r.getLong("id"),
                uuid));
    }

    /** The uuid behind an image number. */
    public Optional<String> uuidOf(long number) {
        return db.read(tx -> tx.queryOne("SELECT uuid FROM ec2_id_mappings WHERE id = ?", r -> r.getString("uuid"),
                number));
    }

    /** The uuid of the instance with row id {@code id}, deleted or not. */
    public Optional<String> instanceUuid(long id) {
        return db.read(tx -> tx.queryOne("SELECT uuid FROM instances WHERE id = ?", r -> r.getString("uuid"), id));
    }
}
