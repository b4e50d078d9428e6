package org.jnova.wsgi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP response: status, headers and a body held in memory, or a body of known length
 * that a {@link BodyWriter} writes as it goes (image data).
 */
public final class Response {
    public static final String JSON = "application/json";

    private int status;
    private final Headers headers = new Headers();
    private byte[] body;
    private BodyWriter writer;
    private long streamedLength;

    /** Writes a streamed body to the connection. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A response whose {@code length} bytes {@code writer} writes when the response is sent. */
    public static Response streamed(int status, long length, BodyWriter writer) {
        Response response = new Response(status, null);
        response.writer = java.util.Objects.requireNonNull(writer, "writer is null");
        response.streamedLength = length;
        return response;
    }

    public Response(int status, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
    }

    public static Response empty(int status) {
        return new Response(status, new byte[0]);
    }

    public static Response json(int status, byte[] body) {
        Response response = new Response(status, body);
        response.headers().set("Content-Type", JSON);
        return response;
    }

    public static Response text(int status, String contentType, String body) {
        Response response = new Response(status, body.getBytes(StandardCharsets.UTF_8));
        response.headers().set("Content-Type", contentType);
        return response;
    }

    public int status() { return status; }
    public void setStatus(int status) { this.status = status; }
    public Headers headers() { return headers; }
    public byte[] body() { return body; }
    public void setBody(byte[] body) {
        this.body = body == null ? new byte[0] : body;
        this.writer = null;
    }
    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }
    /** The writer of a streamed body; null when the body is in memory. */
    public BodyWriter bodyWriter() { return writer; }
    /** The length of the body, streamed or not. */
    public long bodyLength() { return writer != null ? streamedLength : body.length; }
}
