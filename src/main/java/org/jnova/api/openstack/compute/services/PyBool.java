package org.jnova.api.openstack.compute.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/** oslo's {@code strutils.bool_from_string} for values the boolean parameter type let through. */
public final class PyBool {
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");

    private PyBool() {
    }

    public static boolean parse(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return TRUE.contains(value.asText().strip().toLowerCase(Locale.ROOT));
    }
}
