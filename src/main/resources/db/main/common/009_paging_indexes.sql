-- Pages read in sort order: os-migrations newest first, simple tenant usage by project and uuid.
CREATE INDEX migrations_created_at_id_idx ON migrations (created_at, id);
CREATE INDEX instances_project_id_uuid_idx ON instances (project_id, uuid);
