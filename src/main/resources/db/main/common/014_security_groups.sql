-- Security groups of the built-in network (neutron's security groups, as nova's proxy API shows
-- them): per project, ingress rules only. A server's groups stay in its system metadata by name.
CREATE TABLE security_groups (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    project_id VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description VARCHAR(255),
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE INDEX security_groups_project_id_idx ON security_groups (project_id);

CREATE TABLE security_group_rules (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    parent_group_id VARCHAR(36) NOT NULL,
    protocol VARCHAR(255),
    from_port INTEGER,
    to_port INTEGER,
    remote_group_id VARCHAR(36),
    cidr VARCHAR(64),
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE INDEX security_group_rules_parent_idx ON security_group_rules (parent_group_id);
CREATE INDEX security_group_rules_remote_idx ON security_group_rules (remote_group_id);
