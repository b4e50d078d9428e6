package org.jnova.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.utils.JsonMappers;

/** Scheduler hints (hint name to a list of strings) as the JSON text the request spec row keeps. */
final class SchedulerHintsJson {
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final TypeReference<LinkedHashMap<String, List<String>>> TYPE = new TypeReference<>() {
    };

    private SchedulerHintsJson() {
    }

    static String write(Map<String, List<String>> hints) {
        try {
            return JSON.writeValueAsString(hints);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, List<String>> read(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scheduler hints: " + e.getOriginalMessage(), e);
        }
    }
}
