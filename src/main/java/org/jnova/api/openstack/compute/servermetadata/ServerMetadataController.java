package org.jnova.api.openstack.compute.servermetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerMetadataApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Conflict;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.InstanceIsLocked;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;

/** /servers/{server_id}/metadata: index, show, create (merge), update_all (replace), update (one key), delete. */
public final class ServerMetadataController {
    private static final String RULE = "os_compute_api:server-metadata:";
    private final ServersApi servers;
    private final ServerMetadataApi metadata;

    public ServerMetadataController(ServersApi servers, ServerMetadataApi metadata) {
        this.servers = requireNonNull(servers, "servers is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = server(req, "index");
        return Map.of("metadata", new TreeMap<>(i.metadata()));
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Instance i = server(req, "show");
        String key = req.pathParam("id");
        if (!i.metadata().containsKey(key)) {
            throw new NotFound("Metadata item was not found");
        }
        return Map.of("meta", Map.of(key, i.metadata().get(key)));
    }

    @ExpectedErrors({403, 404, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        Instance i = server(req, "create");
        Map<String, String> items = items(req.body().path("metadata"));
        return Map.of("metadata", new TreeMap<>(change(req, i, () -> metadata.update(req.context(), i.uuid(), items,
                false))));
    }

    @ExpectedErrors({403, 404, 409})
    @RequestSchema("update_all")
    public Object update_all(ApiRequest req) {
        Instance i = server(req, "update_all");
        Map<String, String> items = items(req.body().path("metadata"));
        return Map.of("metadata", new TreeMap<>(change(req, i, () -> metadata.update(req.context(), i.uuid(), items,
                true))));
    }

    @ExpectedErrors({400, 403, 404, 409})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        Instance i = server(req, "update");
        Map<String, String> item = items(req.body().path("meta"));
        if (!item.containsKey(req.pathParam("id"))) {
            throw new Invalid("Request body and URI mismatch");
        }
        change(req, i, () -> metadata.update(req.context(), i.uuid(), item, false));
        return Map.of("meta", item);
    }

    @Response(204)
    @ExpectedErrors({404, 409})
    public void delete(ApiRequest req) {
        Instance i = server(req, "delete");
        String key = req.pathParam("id");
        if (!i.metadata().containsKey(key)) {
            throw new NotFound("Metadata item was not found");
        }
        change(req, i, () -> {
            metadata.deleteItem(req.context(), i.uuid(), key);
            return Map.of();
        });
    }

    private Instance server(ApiRequest req, String action) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize(RULE + action, Map.of("project_id", i.projectId()));
        return i;
    }

    /** nova's compute API checks the lock first, then the state (409 "Cannot 'update metadata' ..."). */
    private static Map<String, String> change(ApiRequest req, Instance i, Supplier<Map<String, String>> work) {
        if (i.locked() && !req.context().isAdmin()) {
            throw new InstanceIsLocked(i.uuid());
        }
        try {
            return work.get();
        } catch (InstanceInvalidState e) {
            throw new Conflict(e.getMessage().replace("'update_metadata'", "'update metadata'")
                    .replace("'delete_metadata'", "'delete metadata'"));
        }
    }

    private static Map<String, String> items(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
