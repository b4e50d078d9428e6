-- Identity v3 (Keystone's data for the identity API jnova can serve): domains, projects,
-- users with their password hashes, roles and implied roles, role assignments of users on
-- projects, the catalog's services and endpoints, and the keys that sign tokens.
CREATE TABLE identity_domains (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    description TEXT,
    enabled ${BOOL} NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_domains0name ON identity_domains (name);

CREATE TABLE identity_projects (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    domain_id VARCHAR(64) NOT NULL,
    description TEXT,
    enabled ${BOOL} NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_projects0domain_id0name ON identity_projects (domain_id, name);

CREATE TABLE identity_users (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    domain_id VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255),
    enabled ${BOOL} NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_users0domain_id0name ON identity_users (domain_id, name);

CREATE TABLE identity_roles (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_roles0name ON identity_roles (name);

CREATE TABLE identity_implied_roles (
    prior_role_id VARCHAR(64) NOT NULL,
    implied_role_id VARCHAR(64) NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_implied_roles0prior0implied ON identity_implied_roles (prior_role_id, implied_role_id);

CREATE TABLE identity_assignments (
    actor_id VARCHAR(64) NOT NULL,
    target_id VARCHAR(64) NOT NULL,
    role_id VARCHAR(64) NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_assignments0actor0target0role ON identity_assignments (actor_id, target_id, role_id);

CREATE TABLE identity_services (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    type VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    enabled ${BOOL} NOT NULL
)${ENGINE};

CREATE TABLE identity_endpoints (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    service_id VARCHAR(64) NOT NULL,
    interface VARCHAR(8) NOT NULL,
    region_id VARCHAR(255),
    url TEXT NOT NULL,
    enabled ${BOOL} NOT NULL
)${ENGINE};
CREATE INDEX identity_endpoints_service_id_idx ON identity_endpoints (service_id);

CREATE TABLE identity_signing_keys (
    id ${ID},
    secret VARCHAR(128) NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
