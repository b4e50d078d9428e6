-- nova's instance_group_member_instance_idx: the scheduler finds a server's group by its uuid.
CREATE INDEX instance_group_member_instance_idx ON instance_group_member (instance_uuid);
