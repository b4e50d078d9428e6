package org.jnova.objects;

import static java.util.Objects.requireNonNull;

/**
 * A role given to an actor (user or group) on a target (project or domain), a row of
 * Keystone's assignment table.
 */
public record IdentityAssignment(Type type, String actorId, String targetId, String roleId) {
    /** Keystone's assignment types: who holds the role, on what. */
    public enum Type {
        USER_PROJECT("UserProject", true, true),
        GROUP_PROJECT("GroupProject", false, true),
        USER_DOMAIN("UserDomain", true, false),
        GROUP_DOMAIN("GroupDomain", false, false);

        private final String stored;
        private final boolean user;
        private final boolean project;

        Type(String stored, boolean user, boolean project) {
            this.stored = stored;
            this.user = user;
            this.project = project;
        }

        /** The value of the {@code type} column, Keystone's name. */
        public String stored() {
            return stored;
        }

        public boolean user() {
            return user;
        }

        public boolean project() {
            return project;
        }

        public static Type of(boolean user, boolean project) {
            return user ? (project ? USER_PROJECT : USER_DOMAIN) : (project ? GROUP_PROJECT : GROUP_DOMAIN);
        }

        public static Type fromStored(String stored) {
            for (Type type : values()) {
                if (type.stored.equals(stored)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("Unknown assignment type " + stored);
        }
    }

    public IdentityAssignment {
        requireNonNull(type, "type is null");
        requireNonNull(actorId, "actorId is null");
        requireNonNull(targetId, "targetId is null");
        requireNonNull(roleId, "roleId is null");
    }
}
