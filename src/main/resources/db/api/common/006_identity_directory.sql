-- Identity v3 domains, projects and users as Keystone keeps them: the attributes a request
-- adds beyond the known ones (Keystone's "extra", a JSON object), the project hierarchy,
-- a user's default project, and the tags of projects and domains.
ALTER TABLE identity_domains ADD COLUMN extra TEXT;

ALTER TABLE identity_projects ADD COLUMN parent_id VARCHAR(64);
ALTER TABLE identity_projects ADD COLUMN extra TEXT;
CREATE INDEX identity_projects_parent_id_idx ON identity_projects (parent_id);

ALTER TABLE identity_users ADD COLUMN default_project_id VARCHAR(64);
ALTER TABLE identity_users ADD COLUMN extra TEXT;

CREATE TABLE identity_project_tags (
    project_id VARCHAR(64) NOT NULL,
    name VARCHAR(255) NOT NULL
)${ENGINE};
CREATE UNIQUE INDEX uniq_identity_project_tags0project_id0name ON identity_project_tags (project_id, name);

CREATE INDEX identity_assignments_target_id_idx ON identity_assignments (target_id);

-- Keystone gives every project a description ('' unless one is given).
UPDATE identity_projects SET description = '' WHERE description IS NULL;
