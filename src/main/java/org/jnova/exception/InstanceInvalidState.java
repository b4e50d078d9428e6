package org.jnova.exception;

/** InstanceInvalidState: "Cannot '%(action)s' instance %(instance_uuid)s while it is in %(attr)s %(state)s" */
public final class InstanceInvalidState extends Conflict {
    public InstanceInvalidState(String attr, String state, String action, String uuid) {
        super("Cannot '" + action + "' instance " + uuid + " while it is in " + attr + " " + state);
    }
}
