package org.jnova.api.openstack.compute.tenantnetworks;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.removed.Gone;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.NetworksApi;
import org.jnova.compute.NetworksApi.Network;

/**
 * os-tenant-networks, nova's nova-network proxy: index and show to 2.35 (404 after); create
 * and delete were removed with nova-network and answer 410 at every version.
 */
public final class TenantNetworksController {
    private static final String MAX = "2.35";
    private final NetworksApi networks;

    public TenantNetworksController(NetworksApi networks) {
        this.networks = requireNonNull(networks, "networks is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({})
    public Object index(ApiRequest req) {
        authorize(req, "list");
        return Map.of("networks", networks.list(req.context()).stream().map(TenantNetworksController::view).toList());
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(404)
    public Object show(ApiRequest req) {
        authorize(req, "show");
        return Map.of("network", view(networks.get(req.context(), req.pathParam("id"))));
    }

    @ExpectedErrors(410)
    public void create(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public void delete(ApiRequest req) {
        throw Gone.error();
    }

    /** nova's network_dict over neutron: the cidr is the text "None", as nova has always answered. */
    private static Map<String, Object> view(Network n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", n.id());
        out.put("cidr", "None");
        out.put("label", n.label());
        return out;
    }


    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject("os_compute_api:os-tenant-networks:" + rule);
    }
}
