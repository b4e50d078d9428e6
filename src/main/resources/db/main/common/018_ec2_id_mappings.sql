-- EC2 ids of images (nova's s3_images): ami-/ari-/aki- and the row id in hex. Rows are made the
-- first time an image is shown through EC2 or the metadata service and never change; the
-- images registered before this migration keep the ids their registration order gave them.
-- Instances need no row: their EC2 id is i- and the instance's own id (nova's
-- instance_id_mappings followed the same numbering).
CREATE TABLE ec2_id_mappings (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    created_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_ec2_id_mappings0uuid ON ec2_id_mappings (uuid);
INSERT INTO ec2_id_mappings (uuid, created_at) SELECT id, created_at FROM images ORDER BY created_at, id;
