-- Host aggregates (nova_api's aggregates, aggregate_hosts, aggregate_metadata); an
-- availability zone is the aggregate's "availability_zone" metadata item.
CREATE TABLE aggregates (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_aggregate0name ON aggregates (name);
CREATE UNIQUE INDEX uniq_aggregate0uuid ON aggregates (uuid);

CREATE TABLE aggregate_hosts (
    id ${ID},
    host VARCHAR(255) NOT NULL,
    aggregate_id INTEGER NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_aggregate_hosts0host0aggregate_id ON aggregate_hosts (host, aggregate_id);

CREATE TABLE aggregate_metadata (
    id ${ID},
    aggregate_id INTEGER NOT NULL,
    meta_key VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_aggregate_metadata0aggregate_id0key ON aggregate_metadata (aggregate_id, meta_key);
CREATE INDEX aggregate_metadata_key_idx ON aggregate_metadata (meta_key);
