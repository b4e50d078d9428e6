-- Snapshots of the built-in volume catalog: cinder's snapshots table, reduced to what nova
-- reads. volume_size is the volume's size when the snapshot was taken.
CREATE TABLE snapshots (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    project_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255),
    volume_id VARCHAR(36) NOT NULL,
    volume_size INTEGER NOT NULL,
    status VARCHAR(255) NOT NULL,
    display_name VARCHAR(255),
    display_description VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX snapshots_project_id_deleted_idx ON snapshots (project_id, deleted);
CREATE INDEX snapshots_volume_id_deleted_idx ON snapshots (volume_id, deleted);

-- nova's block_device_mapping.snapshot_id: a volume made from a snapshot at boot
ALTER TABLE block_device_mapping ADD COLUMN snapshot_id VARCHAR(36);
ALTER TABLE shadow_block_device_mapping ADD COLUMN snapshot_id VARCHAR(36);
