-- Casts recorded in the transaction of the state change they follow, deleted once the
-- transport took them; rows left behind (the sender died first) are sent again by a relay.
CREATE TABLE rpc_outbox (
    id ${ID},
    topic VARCHAR(255) NOT NULL,
    host VARCHAR(255),
    method VARCHAR(255) NOT NULL,
    version VARCHAR(32),
    args ${MEDIUMTEXT} NOT NULL,
    created_at ${DATETIME} NOT NULL,
    claimed_until ${DATETIME}
)${ENGINE};
CREATE INDEX rpc_outbox_created_at_idx ON rpc_outbox (created_at, id);
