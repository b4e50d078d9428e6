package org.jnova.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small Image v2 client over a real socket with noauth2 tokens ({@code user:project}). */
final class ImageApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final String url;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ImageApiClient(String url) {
        this.url = url;
    }

    record Reply(int status, HttpResponse<byte[]> raw) {
        JsonNode json() throws Exception {
            return JSON.readTree(raw.body());
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply call(String method, String path, String token, String contentType, byte[] body, String... headers)
            throws Exception {
        return send(method, path, token, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    Reply send(String method, String path, String token, String contentType, HttpRequest.BodyPublisher body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .method(method, body);
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response);
    }

    Reply json(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path, String token) throws Exception {
        return call("GET", path, token, null, null);
    }

    /** Creates an image as {@code token} with the JSON body and returns its id. */
    String create(String token, String body) throws Exception {
        Reply created = json("POST", "/v2/images", token, body);
        if (created.status() != 201) {
            throw new AssertionError(created.status() + " " + created.text());
        }
        return created.json().get("id").asText();
    }
}
