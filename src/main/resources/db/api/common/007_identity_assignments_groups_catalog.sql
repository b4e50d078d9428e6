-- Identity v3 roles, groups, role assignments and the catalog as Keystone keeps them:
-- an assignment's type (UserProject, GroupProject, UserDomain, GroupDomain; the rows
-- before this migration are users on projects), roles with a description, options and
-- extra attributes, groups and their members, services and endpoints with extra
-- attributes (a service's name beside its description), and regions.
ALTER TABLE identity_assignments ADD COLUMN type VARCHAR(16) NOT NULL DEFAULT 'UserProject';
CREATE INDEX identity_assignments_role_id_idx ON identity_assignments (role_id);

ALTER TABLE identity_roles ADD COLUMN description TEXT;
ALTER TABLE identity_roles ADD COLUMN options TEXT;
ALTER TABLE identity_roles ADD COLUMN extra TEXT;

CREATE TABLE identity_groups (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    domain_id VARCHAR(64) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    extra TEXT,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_groups0domain_id0name ON identity_groups (domain_id, name);

CREATE TABLE identity_group_members (
    group_id VARCHAR(64) NOT NULL,
    user_id VARCHAR(64) NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_group_members0group0user ON identity_group_members (group_id, user_id);
CREATE INDEX identity_group_members_user_id_idx ON identity_group_members (user_id);

ALTER TABLE identity_services ADD COLUMN extra TEXT;
ALTER TABLE identity_endpoints ADD COLUMN extra TEXT;

CREATE TABLE identity_regions (
    id VARCHAR(255) NOT NULL PRIMARY KEY,
    description VARCHAR(255) NOT NULL,
    parent_region_id VARCHAR(255),
    extra TEXT
)${ENGINE};
INSERT INTO identity_regions (id, description)
    SELECT DISTINCT region_id, '' FROM identity_endpoints WHERE region_id IS NOT NULL;
