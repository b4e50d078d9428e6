package org.jnova.api.openstack.compute.flavoraccess;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.FlavorsApi;

/**
 * {@code POST /flavors/{id}/action} with addTenantAccess / removeTenantAccess. From 2.7 a
 * public flavor refuses new access with 409; before, the access row is added anyway.
 */
public final class FlavorActionController {
    private static final String POLICY_ROOT = "os_compute_api:os-flavor-access:";
    private final FlavorsApi flavors;

    public FlavorActionController(FlavorsApi flavors) {
        this.flavors = requireNonNull(flavors, "flavors is null");
    }

    @Action("addTenantAccess")
    @ExpectedErrors({400, 403, 404, 409})
    @RequestSchema("addTenantAccess")
    public Object addTenantAccess(ApiRequest req) {
        req.authorize(POLICY_ROOT + "add_tenant_access", Map.of());
        String id = req.pathParam("id");
        String tenant = req.body().get("addTenantAccess").get("tenant").asText();
        return FlavorAccessController.marshall(id, flavors.addAccess(id, tenant, !req.isSupported("2.7")));
    }

    @Action("removeTenantAccess")
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("removeTenantAccess")
    public Object removeTenantAccess(ApiRequest req) {
        req.authorize(POLICY_ROOT + "remove_tenant_access", Map.of());
        String id = req.pathParam("id");
        String tenant = req.body().get("removeTenantAccess").get("tenant").asText();
        return FlavorAccessController.marshall(id, flavors.removeAccess(id, tenant));
    }
}
