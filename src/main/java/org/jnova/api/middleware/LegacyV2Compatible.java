package org.jnova.api.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Response;

/**
 * nova's {@code LegacyV2CompatibleWrapper} for the {@code /v2} endpoint: marks the request
 * as legacy v2 ({@link #LEGACY_V2}, so the API serves 2.1 with relaxed validation), ignores
 * the microversion request headers and removes the microversion headers (and their
 * {@code Vary} entries) from the response.
 */
public final class LegacyV2Compatible implements Middleware {
    /** Request attribute, {@code Boolean.TRUE} on the legacy v2 endpoint ({@code openstack.legacy_v2}). */
    public static final String LEGACY_V2 = "openstack.legacy_v2";

    private static final String VERSION_HEADER = "OpenStack-API-Version";
    private static final String LEGACY_VERSION_HEADER = "X-OpenStack-Nova-API-Version";

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            request.setAttribute(LEGACY_V2, Boolean.TRUE);
            request.headers().remove(VERSION_HEADER).remove(LEGACY_VERSION_HEADER);
            Response response = next.handle(request);
            filterResponse(response.headers());
            return response;
        };
    }

    private static void filterResponse(Headers headers) {
        headers.remove(VERSION_HEADER).remove(LEGACY_VERSION_HEADER);
        List<String> vary = headers.all("Vary");
        if (vary.isEmpty()) {
            return;
        }
        // webob reads the last Vary line; what remains of it replaces them all
        List<String> kept = new ArrayList<>();
        for (String value : vary.get(vary.size() - 1).split(",")) {
            String name = value.strip();
            if (!name.equals(VERSION_HEADER) && !name.equals(LEGACY_VERSION_HEADER)) {
                kept.add(name);
            }
        }
        if (kept.isEmpty()) {
            headers.remove("Vary");
        } else {
            headers.set("Vary", String.join(",", kept));
        }
    }
}
