package org.jnova.api.openstack.compute.servers;

import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.exception.Forbidden;

/** Non-fatal policy checks of the server views (nova's {@code context.can(..., fatal=False)}). */
final class ServerPolicies {
    static final String EXTENDED_ATTRIBUTES = "os_compute_api:os-extended-server-attributes";
    static final String HOST_STATUS = "os_compute_api:servers:show:host_status";
    static final String EXTRA_SPECS = "os_compute_api:servers:show:flavor-extra-specs";
    static final String ALL_TENANTS = "os_compute_api:servers:index:get_all_tenants";
    static final String ALL_FILTERS = "os_compute_api:servers:allow_all_filters";

    private ServerPolicies() {
    }

    static boolean can(ApiRequest req, String rule, Map<String, String> target) {
        try {
            req.authorize(rule, target);
            return true;
        } catch (Forbidden e) {
            return false;
        }
    }
}
