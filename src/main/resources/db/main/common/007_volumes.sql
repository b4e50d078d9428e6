-- The built-in volume catalog (org.jnova.volume.BuiltinVolumeApi): cinder's volumes and
-- volume_attachment tables, reduced to what nova reads. deleted is 0 while live, 1 after.
CREATE TABLE volumes (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    project_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255),
    display_name VARCHAR(255),
    display_description VARCHAR(255),
    size INTEGER NOT NULL,
    status VARCHAR(255) NOT NULL,
    availability_zone VARCHAR(255),
    volume_type VARCHAR(255),
    bootable ${BOOL} NOT NULL DEFAULT FALSE,
    multiattach ${BOOL} NOT NULL DEFAULT FALSE,
    snapshot_id VARCHAR(36),
    image_id VARCHAR(36),
    metadata ${TEXT},
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX volumes_project_id_deleted_idx ON volumes (project_id, deleted);

CREATE TABLE volume_attachment (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    volume_id VARCHAR(36) NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    mountpoint VARCHAR(255),
    attach_status VARCHAR(255) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    deleted_at ${DATETIME},
    deleted INTEGER NOT NULL DEFAULT 0
)${ENGINE};
CREATE INDEX volume_attachment_volume_id_idx ON volume_attachment (volume_id, deleted);

-- nova's block_device_mapping.tag (2.49+ tagged attach) and attachment_id (cinder 3.44 flow)
ALTER TABLE block_device_mapping ADD COLUMN tag VARCHAR(255);
ALTER TABLE block_device_mapping ADD COLUMN attachment_id VARCHAR(36);
ALTER TABLE shadow_block_device_mapping ADD COLUMN tag VARCHAR(255);
ALTER TABLE shadow_block_device_mapping ADD COLUMN attachment_id VARCHAR(36);
CREATE INDEX block_device_mapping_volume_id_idx ON block_device_mapping (volume_id);
