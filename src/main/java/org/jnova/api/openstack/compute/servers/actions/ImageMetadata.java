package org.jnova.api.openstack.compute.servers.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The optional "metadata" object of createImage / createBackup as a string map. */
final class ImageMetadata {
    private ImageMetadata() {
    }

    static Map<String, String> of(JsonNode entity) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode metadata = entity.get("metadata");
        if (metadata != null && metadata.isObject()) {
            metadata.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
