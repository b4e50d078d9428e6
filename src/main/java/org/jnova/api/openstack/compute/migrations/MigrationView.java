package org.jnova.api.openstack.compute.migrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.api.openstack.compute.servers.ServerTimes;
import org.jnova.objects.Migration;

/**
 * nova's migration views per microversion: migration_type from 2.23 (with self/bookmark links
 * to /servers/{id}/migrations/{id} for in-progress live migrations), uuid from 2.59,
 * user_id and project_id from 2.80.
 */
public final class MigrationView {
    /** The live-migration statuses nova calls in progress. */
    public static final Set<String> LIVE_IN_PROGRESS = Set.of("queued", "preparing", "running", "post-migrating");

    private final Links links;

    public MigrationView(Links links) {
        this.links = links;
    }

    List<Map<String, Object>> list(ApiRequest req, List<Migration> migrations) {
        return migrations.stream().map(m -> show(req, m)).toList();
    }

    /** One os-migrations entry for the request's microversion. */
    public Map<String, Object> show(ApiRequest req, Migration m) {
        Map<String, Object> out = new LinkedHashMap<>();
        // nova's Migration object field order
        out.put("id", m.id());
        if (req.isSupported("2.59")) {
            out.put("uuid", m.uuid());
        }
        out.put("source_compute", m.sourceCompute());
        out.put("dest_compute", m.destCompute());
        out.put("source_node", m.sourceNode());
        out.put("dest_node", m.destNode());
        out.put("dest_host", m.destHost());
        out.put("old_instance_type_id", m.oldInstanceTypeId());
        out.put("new_instance_type_id", m.newInstanceTypeId());
        out.put("instance_uuid", m.instanceUuid());
        out.put("status", m.status());
        if (req.isSupported("2.23")) {
            out.put("migration_type", m.migrationType());
        }
        if (req.isSupported("2.80")) {
            out.put("user_id", m.userId());
            out.put("project_id", m.projectId());
        }
        out.put("created_at", ServerTimes.naive(m.createdAt()));
        out.put("updated_at", ServerTimes.naive(m.updatedAt()));
        if (req.isSupported("2.23") && "live-migration".equals(m.migrationType())
                && LIVE_IN_PROGRESS.contains(m.status())) {
            out.put("links", links.itemLinks(req, "servers/" + m.instanceUuid() + "/migrations",
                    String.valueOf(m.id())));
        }
        return out;
    }
}
