-- nova's console_auth_tokens table: one row per console URL handed out; only the token's
-- SHA-256 is kept. expires is in seconds since the epoch.
CREATE TABLE console_auth_tokens (
    id ${ID},
    token_hash VARCHAR(255) NOT NULL,
    console_type VARCHAR(255) NOT NULL,
    host VARCHAR(255) NOT NULL,
    port INTEGER NOT NULL,
    tls_port INTEGER,
    internal_access_path VARCHAR(255),
    access_url_base VARCHAR(255),
    instance_uuid VARCHAR(36) NOT NULL,
    expires BIGINT NOT NULL,
    created_at ${DATETIME} NOT NULL,
    updated_at ${DATETIME}
)${ENGINE};
CREATE UNIQUE INDEX console_auth_tokens_token_hash_idx ON console_auth_tokens (token_hash);
CREATE INDEX console_auth_tokens_instance_uuid_idx ON console_auth_tokens (instance_uuid);
