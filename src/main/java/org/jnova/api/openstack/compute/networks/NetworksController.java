package org.jnova.api.openstack.compute.networks;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.removed.Gone;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.NetworksApi;
import org.jnova.compute.NetworksApi.Network;

/**
 * os-networks, nova's nova-network proxy: index and show to 2.35 (404 after); create, add,
 * delete and the association actions were removed with nova-network and answer 410 at every
 * version.
 */
public final class NetworksController {
    private static final String MAX = "2.35";
    private static final List<String> FIELDS = List.of("id", "cidr", "netmask", "gateway", "broadcast", "dns1", "dns2",
            "cidr_v6", "gateway_v6", "label", "netmask_v6");
    private static final List<String> ADMIN_FIELDS = List.of("created_at", "updated_at", "deleted_at", "deleted",
            "injected", "bridge", "vlan", "vpn_public_address", "vpn_public_port", "vpn_private_address",
            "dhcp_start", "project_id", "host", "bridge_interface", "multi_host", "priority", "rxtx_base", "mtu",
            "dhcp_server", "enable_dhcp", "share_address");

    private final NetworksApi networks;

    public NetworksController(NetworksApi networks) {
        this.networks = requireNonNull(networks, "networks is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({})
    public Object index(ApiRequest req) {
        authorize(req, "list");
        boolean admin = req.context().isAdmin();
        return Map.of("networks", networks.list(req.context()).stream().map(n -> view(n, admin)).toList());
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(404)
    public Object show(ApiRequest req) {
        authorize(req, "show");
        return Map.of("network", view(networks.get(req.context(), req.pathParam("id")), req.context().isAdmin()));
    }

    @ExpectedErrors(410)
    public void create(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public void add(ApiRequest req) {
        throw Gone.error();
    }

    @ExpectedErrors(410)
    public void delete(ApiRequest req) {
        throw Gone.error();
    }

    /** nova's network_dict since nova-network left: id and label, every other field null. */
    private static Map<String, Object> view(Network n, boolean admin) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : FIELDS) {
            out.put(field, null);
        }
        if (admin) {
            for (String field : ADMIN_FIELDS) {
                out.put(field, null);
            }
        }
        out.put("id", n.id());
        out.put("label", n.label());
        return out;
    }


    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject("os_compute_api:os-networks:" + rule);
    }
}
