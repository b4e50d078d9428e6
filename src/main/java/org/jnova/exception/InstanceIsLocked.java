package org.jnova.exception;

/** InstanceIsLocked: "Instance %(instance_uuid)s is locked" */
public final class InstanceIsLocked extends Conflict {
    public InstanceIsLocked(String uuid) {
        super("Instance " + uuid + " is locked");
    }
}
