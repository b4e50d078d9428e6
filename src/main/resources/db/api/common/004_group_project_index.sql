-- A project's server groups, paged in id order.
CREATE INDEX instance_groups_project_id_id_idx ON instance_groups (project_id, id);
