-- cinder's snapshot metadata for the built-in volume catalog's snapshots (JSON, as volumes'
-- metadata); the EC2 API keeps a snapshot's tags there.
ALTER TABLE snapshots ADD COLUMN metadata ${TEXT};
