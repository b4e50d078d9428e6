-- Floating IPs of the built-in pool: one row per allocated address (released rows are removed),
-- associated with a server's fixed IP or not.
CREATE TABLE floating_ips (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    address VARCHAR(39) NOT NULL,
    pool VARCHAR(255) NOT NULL,
    project_id VARCHAR(255) NOT NULL,
    instance_uuid VARCHAR(36),
    fixed_ip VARCHAR(39),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_floating_ips0address ON floating_ips (address);
CREATE INDEX floating_ips_project_id_idx ON floating_ips (project_id);
CREATE INDEX floating_ips_instance_uuid_idx ON floating_ips (instance_uuid);
