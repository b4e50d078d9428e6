package org.jnova.api.openstack.compute.servers.actions;

import java.util.Map;
import org.jnova.objects.Instance;

/** The policy targets nova's action controllers pass: the server's project, and its user too. */
final class ActionTargets {
    private ActionTargets() {
    }

    static Map<String, String> project(Instance server) {
        return Map.of("project_id", server.projectId());
    }

    static Map<String, String> owner(Instance server) {
        return Map.of("user_id", server.userId(), "project_id", server.projectId());
    }
}
