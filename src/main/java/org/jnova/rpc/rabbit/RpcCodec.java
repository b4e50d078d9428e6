package org.jnova.rpc.rabbit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.exception.NovaException;
import org.jnova.rpc.RemoteError;
import org.jnova.rpc.RemoteNovaError;
import org.jnova.utils.JsonMappers;

/**
 * The JSON bodies on the wire: a request {@code {"method": ..., "version": "6.0", "args": {...}}}
 * (the version of the receiver's interface, left out when the sender gives none), a reply
 * {@code {"result": ...}} or {@code {"failure": {"class", "message", "nova", "code"}}}.
 */
final class RpcCodec {
    /** A decoded request. */
    record Request(String method, String version, Map<String, Object> args) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json = JsonMappers.standard();

    byte[] request(String method, String version, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        if (version != null) {
            body.put("version", version);
        }
        body.put("args", args == null ? Map.of() : args);
        return write(body);
    }

    Request readRequest(byte[] body) throws IOException {
        JsonNode node = json.readTree(body);
        if (node == null || !node.path("method").isTextual()) {
            throw new IOException("message without a method");
        }
        JsonNode args = node.path("args");
        Map<String, Object> map = args.isObject() ? json.convertValue(args, MAP) : Map.of();
        JsonNode version = node.path("version");
        return new Request(node.get("method").asText(), version.isTextual() ? version.asText() : null, map);
    }

    byte[] result(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        return write(body);
    }

    byte[] failure(Throwable error) {
        ObjectNode failure = json.createObjectNode();
        failure.put("class", error.getClass().getName());
        failure.put("message", error.getMessage());
        if (error instanceof NovaException nova) {
            failure.put("nova", true);
            failure.put("code", nova.code());
        }
        ObjectNode body = json.createObjectNode();
        body.set("failure", failure);
        return write(body);
    }

    /** The result of a reply, or the remote failure as an exception to complete the call with. */
    Object readReply(byte[] body) throws IOException {
        JsonNode node = json.readTree(body);
        JsonNode failure = node.path("failure");
        if (failure.isObject()) {
            throw remote(failure);
        }
        return json.treeToValue(node.path("result"), Object.class);
    }

    private static RuntimeException remote(JsonNode failure) {
        String type = failure.path("class").asText("Exception");
        String message = failure.path("message").isNull() ? null : failure.path("message").asText(null);
        if (failure.path("nova").asBoolean(false)) {
            return new RemoteNovaError(type, failure.path("code").asInt(500), message);
        }
        return new RemoteError(type, message);
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
