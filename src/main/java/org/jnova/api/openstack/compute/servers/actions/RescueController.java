package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * rescue / unrescue (nova's rescue module). rescue answers 200 with the rescue password
 * ({"adminPass"}) unless [api] enable_instance_password is off ({}).
 */
public final class RescueController {
    private final ServersApi servers;
    private final ServerActionsApi actions;
    private final boolean showPassword;
    private final int passwordLength;

    /** {@code passwordLength}: [DEFAULT] password_length of generated passwords. */
    public RescueController(ServersApi servers, ServerActionsApi actions, boolean showPassword, int passwordLength) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.showPassword = showPassword;
        this.passwordLength = passwordLength;
    }

    @ExpectedErrors({400, 404, 409, 501})
    @Action("rescue")
    @RequestSchema("rescue")
    public Object rescue(ApiRequest req) {
        JsonNode body = req.body().get("rescue");
        boolean hasBody = body != null && body.isObject();
        String password = hasBody && body.has("adminPass") ? body.get("adminPass").asText()
                : AdminPasswords.generate(passwordLength);
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-rescue", ActionTargets.owner(server));
        String image = hasBody && body.hasNonNull("rescue_image_ref") ? body.get("rescue_image_ref").asText() : null;
        actions.rescue(req.context(), id, password, image);
        return showPassword ? Map.of("adminPass", password) : Map.of();
    }

    @Response(202)
    @ExpectedErrors({404, 409, 501})
    @Action("unrescue")
    @RequestSchema("unrescue")
    public void unrescue(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-unrescue", ActionTargets.project(server));
        actions.unrescue(req.context(), id);
    }
}
