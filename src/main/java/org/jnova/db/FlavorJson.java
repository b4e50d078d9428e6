package org.jnova.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.objects.Flavor;
import org.jnova.utils.JsonMappers;

/** The flavor snapshot an instance keeps (nova's instance_extra.flavor), as JSON text. */
final class FlavorJson {
    private static final ObjectMapper JSON = JsonMappers.standard();

    private FlavorJson() {
    }

    static String write(Flavor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("flavorid", f.flavorId());
        m.put("name", f.name());
        m.put("memory_mb", f.memoryMb());
        m.put("vcpus", f.vcpus());
        m.put("root_gb", f.rootGb());
        m.put("ephemeral_gb", f.ephemeralGb());
        m.put("swap", f.swap());
        m.put("rxtx_factor", f.rxtxFactor());
        m.put("is_public", f.isPublic());
        m.put("disabled", f.disabled());
        m.put("description", f.description());
        m.put("extra_specs", f.extraSpecs());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Flavor read(String text) {
        try {
            Map<String, Object> m = JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            return new Flavor(((Number) m.get("id")).intValue(), (String) m.get("flavorid"), (String) m.get("name"),
                    ((Number) m.get("memory_mb")).intValue(), ((Number) m.get("vcpus")).intValue(),
                    ((Number) m.get("root_gb")).intValue(), ((Number) m.get("ephemeral_gb")).intValue(),
                    ((Number) m.get("swap")).intValue(), ((Number) m.get("rxtx_factor")).doubleValue(),
                    Boolean.TRUE.equals(m.get("is_public")), Boolean.TRUE.equals(m.get("disabled")),
                    (String) m.get("description"), (Map<String, String>) m.getOrDefault("extra_specs", Map.of()),
                    null, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String writeMap(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> readMap(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
