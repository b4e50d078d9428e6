package org.jnova.api.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.NovaJson;
import org.jnova.wsgi.Response;

/**
 * nova's fault bodies: {@code {"<name>": {"code": N, "message": "..."}}} with
 * {@code application/json; charset=UTF-8}. The name follows from the status as in nova's
 * {@code Fault._fault_names}.
 */
public final class Faults {
    /** Immutable and thread-safe: writes with Python's separators as nova does. */
    private static final NovaJson JSON = new NovaJson();

    private Faults() {
    }

    public static String faultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    /** A fault response with nova's body for this status and message. */
    public static Response response(int status, String message) {
        return response(status, faultName(status), message);
    }

    public static Response response(int status, String name, String message) {
        Response response = new Response(status, body(status, name, message));
        response.headers().set("Content-Type", "application/json; charset=UTF-8");
        return response;
    }

    static byte[] body(int status, String name, String message) {
        ObjectNode fault = JSON.mapper().createObjectNode();
        fault.putObject(name).put("code", status).put("message", message);
        return JSON.write(fault);
    }
}
