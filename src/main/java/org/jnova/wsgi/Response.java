package org.jnova.wsgi;

import java.nio.charset.StandardCharsets;

/** One HTTP response: status, headers and a body held in memory. */
public final class Response {
    public static final String JSON = "application/json";

    private int status;
    private final Headers headers = new Headers();
    private byte[] body;

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
    public void setBody(byte[] body) { this.body = body == null ? new byte[0] : body; }
    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }
}
