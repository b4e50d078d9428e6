-- nova's share_mapping table: the manila shares attached to a server (2.97). tag is wider
-- than nova's 48 characters so every tag the API accepts (255) can be kept.
CREATE TABLE share_mapping (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    share_id VARCHAR(36) NOT NULL,
    status VARCHAR(32) NOT NULL,
    tag VARCHAR(255) NOT NULL,
    export_location ${TEXT},
    share_proto VARCHAR(32),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX share_mapping_uuid_idx ON share_mapping (uuid);
CREATE UNIQUE INDEX share_mapping_instance_uuid_share_id_idx ON share_mapping (instance_uuid, share_id);
CREATE UNIQUE INDEX share_mapping_instance_uuid_tag_idx ON share_mapping (instance_uuid, tag);
CREATE INDEX share_mapping_share_id_idx ON share_mapping (share_id);
