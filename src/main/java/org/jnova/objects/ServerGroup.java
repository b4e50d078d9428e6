package org.jnova.objects;

import java.util.List;
import java.util.Map;

/** A server group; {@code members} may include deleted servers (nova keeps their rows until archived). */
public record ServerGroup(String uuid, String name, String userId, String projectId, String policy,
        Map<String, Object> rules, List<String> members) {
    public ServerGroup {
        rules = Map.copyOf(rules);
        members = List.copyOf(members);
    }
}
