package org.jnova.api.openstack.compute.floatingippools;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.FloatingIpsApi;

/** os-floating-ip-pools, nova's proxy listing the network service's pools (2.1 to 2.35; 404 after). */
public final class FloatingIpPoolsController {
    private final FloatingIpsApi floatingIps;

    public FloatingIpPoolsController(FloatingIpsApi floatingIps) {
        this.floatingIps = requireNonNull(floatingIps, "floatingIps is null");
    }

    @ApiVersion(min = "2.1", max = "2.35")
    @ExpectedErrors({})
    public Object index(ApiRequest req) {
        req.authorize("os_compute_api:os-floating-ip-pools", Map.of());
        return Map.of("floating_ip_pools", floatingIps.pools(req.context()).stream()
                .map(name -> Map.of("name", name)).toList());
    }
}
