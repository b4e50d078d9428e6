package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.MoveApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Invalid;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;

/**
 * evacuate (nova's evacuate module): 200 with {"adminPass"} before 2.14, empty from then;
 * force 2.29–2.67; from 2.95 the server ends STOPPED.
 */
public final class EvacuateController {
    private final ServersApi servers;
    private final MoveApi moves;
    private final boolean showPassword;
    private final int passwordLength;

    /** {@code passwordLength}: [DEFAULT] password_length of generated passwords. */
    public EvacuateController(ServersApi servers, MoveApi moves, boolean showPassword, int passwordLength) {
        this.servers = requireNonNull(servers, "servers is null");
        this.moves = requireNonNull(moves, "moves is null");
        this.showPassword = showPassword;
        this.passwordLength = passwordLength;
    }

    @ExpectedErrors({400, 403, 404, 409})
    @Action("evacuate")
    @RequestSchema("evacuate")
    public Object evacuate(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-evacuate", ActionTargets.owner(server));
        JsonNode body = req.body().get("evacuate");
        String host = body.hasNonNull("host") ? body.get("host").asText() : null;
        if (req.isSupported("2.29", "2.67") && body.has("force") && body.get("force").asBoolean(false)
                && host == null) {
            throw new Invalid("Can't force to a non-provided destination");
        }
        boolean onSharedStorage = !req.isSupported("2.14") && body.path("onSharedStorage").asBoolean(false);
        if (onSharedStorage && body.has("adminPass")) {
            throw new Invalid("admin password can't be changed on existing disk");
        }
        // a disk kept on shared storage keeps its password
        String password = body.hasNonNull("adminPass") ? body.get("adminPass").asText()
                : onSharedStorage ? null : AdminPasswords.generate(passwordLength);
        moves.evacuate(req.context(), id, host, req.isSupported("2.95") ? VmStates.STOPPED : null, password);
        if (!req.isSupported("2.14") && showPassword) {
            return java.util.Collections.singletonMap("adminPass", password);
        }
        return null;
    }
}
