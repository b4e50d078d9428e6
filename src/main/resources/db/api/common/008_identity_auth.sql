-- Identity v3 authentication data: role assignments on the system (Keystone's
-- system_assignment), token revocation events, application credentials with their roles,
-- and credentials (Keystone's credential table; EC2 credentials have type 'ec2', their id is
-- the SHA-256 of the access key and their credential_blob the JSON {"access", "secret", "trust_id"}).
CREATE TABLE identity_system_assignments (
    actor_id VARCHAR(64) NOT NULL,
    target_id VARCHAR(64) NOT NULL,
    role_id VARCHAR(64) NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_system_assignments0actor0target0role
    ON identity_system_assignments (actor_id, target_id, role_id);

CREATE TABLE identity_revocation_events (
    id ${ID},
    user_id VARCHAR(64),
    project_id VARCHAR(64),
    audit_id VARCHAR(32),
    audit_chain_id VARCHAR(32),
    issued_before ${DATETIME} NOT NULL,
    revoked_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE INDEX identity_revocation_events_issued_before_idx ON identity_revocation_events (issued_before);
CREATE INDEX identity_revocation_events_revoked_at_idx ON identity_revocation_events (revoked_at);

CREATE TABLE identity_application_credentials (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    secret_hash VARCHAR(255) NOT NULL,
    description TEXT,
    user_id VARCHAR(64) NOT NULL,
    project_id VARCHAR(64),
    expires_at ${DATETIME},
    unrestricted ${BOOL} NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_application_credentials0user_id0name
    ON identity_application_credentials (user_id, name);

CREATE TABLE identity_application_credential_roles (
    application_credential_id VARCHAR(64) NOT NULL,
    role_id VARCHAR(64) NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_application_credential_roles0credential0role
    ON identity_application_credential_roles (application_credential_id, role_id);

CREATE TABLE identity_credentials (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id VARCHAR(64) NOT NULL,
    project_id VARCHAR(64),
    type VARCHAR(255) NOT NULL,
    credential_blob TEXT NOT NULL,
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE INDEX identity_credentials_user_id_idx ON identity_credentials (user_id);
