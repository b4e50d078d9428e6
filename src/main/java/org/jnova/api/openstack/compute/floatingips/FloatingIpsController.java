package org.jnova.api.openstack.compute.floatingips;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.FloatingIpsApi;
import org.jnova.objects.FloatingIp;

/** os-floating-ips, nova's proxy to the network service's floating IPs (2.1 to 2.35; 404 after). */
public final class FloatingIpsController {
    private static final String MAX = "2.35";
    private final FloatingIpsApi floatingIps;

    public FloatingIpsController(FloatingIpsApi floatingIps) {
        this.floatingIps = requireNonNull(floatingIps, "floatingIps is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({})
    public Object index(ApiRequest req) {
        authorize(req, "list");
        return Map.of("floating_ips", floatingIps.list(req.context()).stream().map(FloatingIpsController::view)
                .toList());
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 404})
    public Object show(ApiRequest req) {
        authorize(req, "show");
        return Map.of("floating_ip", view(floatingIps.get(req.context(), req.pathParam("id"))));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        authorize(req, "create");
        String pool = req.body() != null && req.body().hasNonNull("pool") ? req.body().path("pool").asText() : null;
        return Map.of("floating_ip", view(floatingIps.allocate(req.context(), pool)));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    public void delete(ApiRequest req) {
        authorize(req, "delete");
        floatingIps.release(req.context(), floatingIps.get(req.context(), req.pathParam("id")));
    }

    /** nova's _translate_floating_ip_view. */
    static Map<String, Object> view(FloatingIp ip) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fixed_ip", ip.fixedIp());
        out.put("id", ip.id());
        out.put("instance_id", ip.instanceUuid());
        out.put("ip", ip.address());
        out.put("pool", ip.pool());
        return out;
    }

    private static void authorize(ApiRequest req, String rule) {
        req.authorizeProject("os_compute_api:os-floating-ips:" + rule);
    }
}
