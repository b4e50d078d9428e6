-- glance's image fields jnova's catalog lacked, for the built-in Image v2 API: formats,
-- the checksums of the uploaded data, protection and tags (a JSON array).
ALTER TABLE images ADD COLUMN disk_format VARCHAR(20);
ALTER TABLE images ADD COLUMN container_format VARCHAR(20);
ALTER TABLE images ADD COLUMN checksum VARCHAR(32);
ALTER TABLE images ADD COLUMN os_hash_algo VARCHAR(64);
ALTER TABLE images ADD COLUMN os_hash_value VARCHAR(128);
ALTER TABLE images ADD COLUMN protected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN tags ${TEXT};
