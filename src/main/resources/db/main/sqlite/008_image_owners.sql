-- Images get glance's owner and visibility, and glance's image members (the projects a
-- "shared" image is shared with: pending, accepted or rejected). Images present before
-- stay public, except snapshots: they become private images of their server's project.
ALTER TABLE images ADD COLUMN owner VARCHAR(255);
ALTER TABLE images ADD COLUMN visibility VARCHAR(32) NOT NULL DEFAULT 'public';
CREATE INDEX images_owner_deleted_idx ON images (owner, deleted);

CREATE TABLE image_members (
    image_id VARCHAR(36) NOT NULL,
    member VARCHAR(255) NOT NULL,
    status VARCHAR(20) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME},
    PRIMARY KEY (image_id, member)
)${ENGINE};
CREATE INDEX image_members_member_status_idx ON image_members (member, status);

UPDATE images SET owner = COALESCE(
    (SELECT MIN(i.project_id) FROM instances i WHERE images.properties LIKE '%"instance_uuid":"' || i.uuid || '"%'),
    (SELECT MIN(s.project_id) FROM shadow_instances s WHERE images.properties LIKE '%"instance_uuid":"' || s.uuid || '"%'))
WHERE properties LIKE '%"instance_uuid":"%';
UPDATE images SET visibility = 'private' WHERE owner IS NOT NULL;
