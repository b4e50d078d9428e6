package org.jnova.api.openstack.identity.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jnova.identity.IdentityError;
import org.jnova.utils.JsonMappers;
import org.jnova.wsgi.Response;

/** JSON in and out of the Identity API, and Keystone's error body. */
public final class IdentityJson {
    private static final ObjectMapper MAPPER = JsonMappers.rejectingTrailingText();
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private IdentityJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Keystone's time text: microseconds and a Z. */
    public static String time(Instant instant) {
        return ISO_MICROS.format(instant);
    }

    /** The request body as JSON; Keystone's 400 when it is not. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw IdentityError.badRequest("Malformed request body.");
            }
            return node;
        } catch (java.io.IOException e) {
            throw IdentityError.badRequest("Malformed request body.");
        }
    }

    public static Response json(int status, JsonNode body) {
        try {
            return Response.json(status, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"error": {"code": ..., "message": ..., "title": ...}}}. */
    public static Response error(IdentityError error) {
        return error(error.code(), error.title(), error.getMessage());
    }

    public static Response error(int code, String title, String message) {
        ObjectNode body = object();
        body.putObject("error").put("code", code).put("message", message).put("title", title);
        return json(code, body);
    }
}
