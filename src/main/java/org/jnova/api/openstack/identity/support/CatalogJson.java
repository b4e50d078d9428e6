package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jnova.objects.CatalogEndpoint;
import org.jnova.objects.CatalogService;

/** Keystone's service catalog as a token and {@code /v3/auth/catalog} show it. */
public final class CatalogJson {
    private CatalogJson() {
    }

    /** Adds one entry per service, with its endpoints, to {@code into}. */
    public static void write(ArrayNode into, List<CatalogService> services) {
        for (CatalogService service : services) {
            ObjectNode entry = into.addObject();
            ArrayNode endpoints = entry.putArray("endpoints");
            for (CatalogEndpoint endpoint : service.endpoints()) {
                endpoints.addObject().put("id", endpoint.id()).put("interface", endpoint.interfaceName())
                        .put("region_id", endpoint.regionId()).put("url", endpoint.url())
                        .put("region", endpoint.regionId());
            }
            entry.put("id", service.id()).put("type", service.type()).put("name", service.name());
        }
    }
}
