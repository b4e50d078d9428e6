package org.jnova.objects;

import java.util.List;
import java.util.Map;

/** A server group (stored; the scheduler does not honour its policy yet). */
public record ServerGroup(String uuid, String name, String userId, String projectId, String policy,
        Map<String, Object> rules, List<String> members) {
    public ServerGroup {
        rules = Map.copyOf(rules);
        members = List.copyOf(members);
    }
}
