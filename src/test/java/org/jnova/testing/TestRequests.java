package org.jnova.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jnova.api.RequestAttributes;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Request;

/**
 * Requests for calling an App directly, as they arrive after the URL map and the auth
 * middleware: mounted at a prefix (so links get it) and carrying a RequestContext.
 */
public final class TestRequests {
    public static final String PROJECT = "6f70656e737461636b20342065766572";
    public static final String USER = "fake";

    private TestRequests() {
    }

    /** A request to the API mounted at {@code mount} (e.g. "/v2.1"), as user fake of PROJECT. */
    public static Request api(String mount, String method, String path, String body, String... headerPairs) {
        Request request = Request.of(method, mount + path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        if (!mount.isEmpty()) {
            request.mount(mount);
        }
        Headers headers = request.headers();
        if (body != null) {
            headers.set("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        request.setAttribute(RequestAttributes.CONTEXT,
                RequestContext.project(USER, PROJECT, List.of("member", "reader"), false, "req-test"));
        return request;
    }

    public static Request v21(String method, String path, String body, String... headerPairs) {
        return api("/v2.1", method, path, body, headerPairs);
    }
}
