package org.jnova.api.openstack.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;

/** The OS-DCF:diskConfig a create, update, rebuild or resize asked for (the schemas allow AUTO and MANUAL). */
public final class DiskConfigRequest {
    public static final String FIELD = "OS-DCF:diskConfig";

    private DiskConfigRequest() {
    }

    /** TRUE for AUTO, FALSE for MANUAL, null when not given. */
    public static Boolean of(JsonNode dict) {
        JsonNode value = dict.path(FIELD);
        return value.isTextual() ? "AUTO".equals(value.asText()) : null;
    }
}
