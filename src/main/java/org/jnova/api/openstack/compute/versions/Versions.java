package org.jnova.api.openstack.compute.versions;

import java.util.Objects;
import org.jnova.api.openstack.NovaJson;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * The app at {@code /} (paste: {@code nova.api.openstack.compute.versions:Versions.factory}):
 * {@code GET /} lists the versions (200); any other path it receives answers 300 Multiple
 * Choices pointing at the same path under each version. Outside microversions: no version
 * headers, any method.
 */
public final class Versions implements App {
    public static final String PASTE_FACTORY = "nova.api.openstack.compute.versions:Versions.factory";

    private final VersionsView view;
    private final NovaJson json;

    public Versions(VersionsView view, NovaJson json) {
        this.view = Objects.requireNonNull(view, "view is null");
        this.json = Objects.requireNonNull(json, "json is null");
    }

    @Override
    public Response handle(Request request) {
        if (request.pathInfo().equals("/") || request.pathInfo().isEmpty()) {
            return Response.json(200, json.write(view.versions(request.applicationUrl())));
        }
        String path = request.scriptName() + request.pathInfo();
        return Response.json(300, json.write(view.choices(request.applicationUrl(), path)));
    }
}
