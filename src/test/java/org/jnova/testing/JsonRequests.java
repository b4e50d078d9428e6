package org.jnova.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Requests to an OpenStack-style JSON API, as the tests send them. */
public final class JsonRequests {
    private JsonRequests() {
    }

    /** A request with a 30-second timeout, the {@code X-Auth-Token} if there is a token and a JSON body if any. */
    public static HttpRequest.Builder builder(String method, URI uri, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }
}
