package org.jnova.api.openstack.compute.baremetalnodes;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.exception.Invalid;
import org.jnova.exception.NovaException;

/**
 * os-baremetal-nodes (nova/api/openstack/compute/baremetal_nodes.py), a proxy to Ironic up to
 * 2.35. jnova has no Ironic: listing and showing nodes answer 501 after the policy check; the
 * writes answer nova's 400 pointing at the Ironic command, as nova always does.
 */
public final class BaremetalNodesController {
    private static final String POLICY = "os_compute_api:os-baremetal-nodes:";
    private static final String MAX_PROXY = "2.35";

    @ApiVersion(max = MAX_PROXY)
    @ExpectedErrors({404, 501})
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "list", Map.of());
        throw noIronic();
    }

    @ApiVersion(max = MAX_PROXY)
    @ExpectedErrors({404, 501})
    public Object show(ApiRequest req) {
        req.authorize(POLICY + "show", Map.of());
        throw noIronic();
    }

    @ApiVersion(max = MAX_PROXY)
    @ExpectedErrors(400)
    public Object create(ApiRequest req) {
        throw useIronic("node-create");
    }

    @ApiVersion(max = MAX_PROXY)
    @ExpectedErrors(400)
    public void delete(ApiRequest req) {
        throw useIronic("node-delete");
    }

    @ApiVersion(max = MAX_PROXY)
    @ExpectedErrors(400)
    @Action("add_interface")
    public void addInterface(ApiRequest req) {
        throw useIronic("port-create");
    }

    @ApiVersion(max = MAX_PROXY)
    @ExpectedErrors(400)
    @Action("remove_interface")
    public void removeInterface(ApiRequest req) {
        throw useIronic("port-delete");
    }

    private static NovaException noIronic() {
        return new NovaException(501, "The requested functionality is not supported.");
    }

    private static Invalid useIronic(String command) {
        return new Invalid("Command not supported. Please use Ironic command " + command + " to perform this action.");
    }
}
