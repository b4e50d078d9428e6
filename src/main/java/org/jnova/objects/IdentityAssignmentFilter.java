package org.jnova.objects;

import java.util.Optional;

/** Which role assignments to list; an empty filter matches every value. */
public record IdentityAssignmentFilter(Optional<String> userId, Optional<String> groupId, Optional<String> projectId,
        Optional<String> domainId, Optional<String> roleId) {
    public static IdentityAssignmentFilter all() {
        return new IdentityAssignmentFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
