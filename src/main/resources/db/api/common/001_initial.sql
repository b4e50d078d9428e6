-- jnova API database, version 1 (nova's nova_api: flavors, key pairs, quotas, server groups).
CREATE TABLE flavors (
    id ${ID},
    flavorid VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    memory_mb INTEGER NOT NULL,
    vcpus INTEGER NOT NULL,
    root_gb INTEGER NOT NULL DEFAULT 0,
    ephemeral_gb INTEGER NOT NULL DEFAULT 0,
    swap INTEGER NOT NULL DEFAULT 0,
    rxtx_factor ${FLOAT} NOT NULL DEFAULT 1.0,
    vcpu_weight INTEGER,
    disabled ${BOOL} NOT NULL DEFAULT FALSE,
    is_public ${BOOL} NOT NULL DEFAULT TRUE,
    description ${TEXT},
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_flavors0flavorid ON flavors (flavorid);
CREATE UNIQUE INDEX uniq_flavors0name ON flavors (name);

CREATE TABLE flavor_extra_specs (
    id ${ID},
    flavor_id INTEGER NOT NULL,
    spec_key VARCHAR(255) NOT NULL,
    spec_value VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_flavor_extra_specs0flavor_id0key ON flavor_extra_specs (flavor_id, spec_key);

CREATE TABLE flavor_projects (
    id ${ID},
    flavor_id INTEGER NOT NULL,
    project_id VARCHAR(255) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_flavor_projects0flavor_id0project_id ON flavor_projects (flavor_id, project_id);

CREATE TABLE key_pairs (
    id ${ID},
    name VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    fingerprint VARCHAR(255),
    public_key ${TEXT},
    key_type VARCHAR(10) NOT NULL DEFAULT 'ssh',
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_key_pairs0user_id0name ON key_pairs (user_id, name);

CREATE TABLE quotas (
    id ${ID},
    project_id VARCHAR(255) NOT NULL,
    resource VARCHAR(255) NOT NULL,
    hard_limit INTEGER,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_quotas0project_id0resource ON quotas (project_id, resource);

CREATE TABLE project_user_quotas (
    id ${ID},
    project_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    resource VARCHAR(255) NOT NULL,
    hard_limit INTEGER,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_project_user_quotas0user_id0project_id0resource
    ON project_user_quotas (user_id, project_id, resource);

CREATE TABLE quota_classes (
    id ${ID},
    class_name VARCHAR(255) NOT NULL,
    resource VARCHAR(255) NOT NULL,
    hard_limit INTEGER,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_quota_classes0class_name0resource ON quota_classes (class_name, resource);

CREATE TABLE instance_groups (
    id ${ID},
    uuid VARCHAR(36) NOT NULL,
    name VARCHAR(255),
    user_id VARCHAR(255),
    project_id VARCHAR(255),
    policy VARCHAR(255),
    rules ${TEXT},
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX uniq_instance_groups0uuid ON instance_groups (uuid);

CREATE TABLE instance_group_member (
    id ${ID},
    group_id INTEGER NOT NULL,
    instance_uuid VARCHAR(36) NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE INDEX instance_group_member_group_id_idx ON instance_group_member (group_id);
