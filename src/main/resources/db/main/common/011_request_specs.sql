-- What nova keeps of a boot request in its request_specs table that the API shows: the
-- scheduler hints a server was created with (2.100), as JSON (hint name to a list of strings).
CREATE TABLE request_specs (
    id ${ID},
    instance_uuid VARCHAR(36) NOT NULL,
    scheduler_hints ${TEXT},
    created_at ${DATETIME} NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX request_specs_instance_uuid_idx ON request_specs (instance_uuid);
