package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.compute.servers.RebuildServerView;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.api.openstack.compute.servers.DiskConfigRequest;
import org.jnova.compute.RebuildApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * rebuild of nova's servers module: 202 with the server as the servers view renders it
 * (see {@link RebuildServerView}), adminPass unless [api] enable_instance_password is off,
 * and a Location header. key_name from 2.54, user_data 2.57, hostname 2.90.
 */
public final class ServerRebuildController {
    private final ServersApi servers;
    private final RebuildApi rebuild;
    private final RebuildServerView view;
    private final boolean showPassword;
    private final int passwordLength;

    /** {@code showPassword}: [api] enable_instance_password; {@code passwordLength}: [DEFAULT] password_length. */
    public ServerRebuildController(ServersApi servers, RebuildApi rebuild, RebuildServerView view,
            boolean showPassword, int passwordLength) {
        this.servers = requireNonNull(servers, "servers is null");
        this.rebuild = requireNonNull(rebuild, "rebuild is null");
        this.view = requireNonNull(view, "view is null");
        this.showPassword = showPassword;
        this.passwordLength = passwordLength;
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    @Action("rebuild")
    @RequestSchema("rebuild")
    public Object rebuild(ApiRequest req) {
        JsonNode body = req.body().get("rebuild");
        String password = body.hasNonNull("adminPass") ? body.get("adminPass").asText()
                : AdminPasswords.generate(passwordLength);
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:servers:rebuild", ActionTargets.owner(server));
        Map<String, String> metadata = null;
        if (body.has("metadata") && body.get("metadata").isObject()) {
            metadata = new LinkedHashMap<>();
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) body.get("metadata")::fields) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        boolean setKey = req.isSupported("2.54") && body.has("key_name");
        boolean setUserData = req.isSupported("2.57") && body.has("user_data");
        String hostname = req.isSupported("2.90") && body.hasNonNull("hostname") ? body.get("hostname").asText() : null;
        boolean setDescription = req.isSupported("2.19") && body.has("description");
        // nova answers with the server as the API left it (task_state rebuilding), not as the
        // compute host may already have moved it on
        Instance rebuilt = rebuild.rebuild(req.context(), id, new RebuildApi.Rebuild(body.get("imageRef").asText(),
                body.hasNonNull("name") ? body.get("name").asText().strip() : null, metadata,
                body.path("preserve_ephemeral").asBoolean(false), setKey, text(body, "key_name"), setUserData,
                text(body, "user_data"), hostname, text(body, "accessIPv4"), text(body, "accessIPv6"), setDescription,
                text(body, "description"), req.isSupported("2.93"), DiskConfigRequest.of(body), password));
        return ApiResult.of(view.of(req, rebuilt, showPassword ? password : null))
                .header("Location", req.applicationUrl() + "/servers/" + id);
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
