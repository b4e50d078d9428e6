package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jnova.testing.EachEngine;

/**
 * Migration 8 gives images glance's owner and visibility: images already there stay public,
 * except snapshots, which become private images of their server's project (archived servers
 * included); a snapshot of a server no longer known stays as it was.
 */
class ImageOwnersMigrationTest {
    private static final String LIVE = "11111111-1111-4111-8111-111111111111";
    private static final String ARCHIVED = "22222222-2222-4222-8222-222222222222";

    private static Database open(String url) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    @EachEngine
    void snapshotsBecomeTheirServersProjectsPrivateImages(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            Migrator main = new Migrator(db, "main");
            main.migrate(Optional.of(7));
            Instant now = Instant.now();
            db.inTransaction(tx -> {
                tx.update("INSERT INTO instances (uuid, project_id, user_id, created_at, deleted) "
                        + "VALUES (?, ?, ?, ?, 0)", LIVE, "proj-live", "u1", now);
                tx.update("INSERT INTO shadow_instances (id, uuid, project_id, user_id, power_state, memory_mb, vcpus, "
                        + "root_gb, ephemeral_gb, locked, launch_index, progress, created_at, deleted) "
                        + "VALUES (99, ?, ?, ?, 0, 0, 0, 0, 0, ?, 0, 0, ?, 99)", ARCHIVED, "proj-archived", "u2", false,
                        now);
                for (String[] image : List.of(new String[] {"seed", "{\"architecture\":\"x86_64\"}"},
                        new String[] {"live-snap", "{\"image_type\":\"snapshot\",\"instance_uuid\":\"" + LIVE + "\"}"},
                        new String[] {"old-snap", "{\"instance_uuid\":\"" + ARCHIVED + "\",\"user_id\":\"u2\"}"},
                        new String[] {"lost-snap", "{\"instance_uuid\":\"33333333-3333-4333-8333-333333333333\"}"})) {
                    tx.update("INSERT INTO images (id, name, status, properties, created_at, deleted) "
                            + "VALUES (?, ?, 'active', ?, ?, 0)", image[0], image[0], image[1], now);
                }
                return null;
            });
            assertThat(main.migrate(Optional.empty())).isEqualTo(main.latestVersion());

            assertThat(ownership(db, "seed")).containsExactly(null, "public");
            assertThat(ownership(db, "live-snap")).containsExactly("proj-live", "private");
            assertThat(ownership(db, "old-snap")).containsExactly("proj-archived", "private");
            assertThat(ownership(db, "lost-snap")).containsExactly(null, "public");
            long members = db.read(tx -> tx.count("SELECT COUNT(*) FROM image_members"));
            assertThat(members).isZero();
        } finally {
            TestDatabases.drop(url);
        }
    }

    private static List<String> ownership(Database db, String id) {
        return db.read(tx -> tx.queryOne("SELECT owner, visibility FROM images WHERE id = ?",
                r -> java.util.Arrays.asList(r.getString("owner"), r.getString("visibility")), id).orElseThrow());
    }
}
