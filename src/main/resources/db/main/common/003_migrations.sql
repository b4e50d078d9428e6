-- nova's migrations table: one row per resize, cold or live migration and evacuation.
CREATE TABLE migrations (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    migration_type VARCHAR(32) NOT NULL,
    status VARCHAR(255) NOT NULL,
    source_compute VARCHAR(255),
    source_node VARCHAR(255),
    dest_compute VARCHAR(255),
    dest_node VARCHAR(255),
    dest_host VARCHAR(255),
    old_instance_type_id INTEGER,
    new_instance_type_id INTEGER,
    hidden ${BOOL} NOT NULL DEFAULT FALSE,
    user_id VARCHAR(255),
    project_id VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX migrations_instance_uuid_idx ON migrations (instance_uuid);
CREATE UNIQUE INDEX migrations_uuid_idx ON migrations (uuid);
