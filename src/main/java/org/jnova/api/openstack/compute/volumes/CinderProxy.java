package org.jnova.api.openstack.compute.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the os-volumes and os-snapshots proxies read and write alike. */
public final class CinderProxy {
    /** How the volume service prints times (oslo's to_primitive: always microseconds). */
    private static final DateTimeFormatter CINDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private CinderProxy() {
    }

    /** The field's text, or null when the body leaves it out or sends null. */
    public static String optionalText(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.path(field).asText() : null;
    }

    /** A time as the volume service prints it. */
    public static String time(Instant instant) {
        return CINDER_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
