package org.jnova.api.openstack.compute.versions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ControllerMethods;
import org.jnova.api.openstack.wsgi.Resource;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * The app at exactly {@code /v2.1} and {@code /v2} (paste:
 * {@code nova.api.openstack.compute.versions:VersionsV2.factory}): that API's version
 * document, with microversion headers on /v2.1 (v2.0's document behind the legacy filter).
 */
public final class VersionsV2 implements App {
    public static final String PASTE_FACTORY = "nova.api.openstack.compute.versions:VersionsV2.factory";

    private final Resource resource;

    public VersionsV2(VersionsView view, ResourceSupport support) {
        Objects.requireNonNull(view, "view is null");
        this.resource = new Resource("versions_v2", List.of(new Controller(view)),
                new ControllerMethods(support.json().mapper()), support);
    }

    @Override
    public Response handle(Request request) {
        return resource.handle(request, "index", Map.of());
    }

    /** The one action: the document of the API the request came through. */
    public static final class Controller {
        private final VersionsView view;

        Controller(VersionsView view) {
            this.view = view;
        }

        public Object index(ApiRequest request) {
            return view.version(request.isLegacyV2() ? "v2.0" : "v2.1", request.applicationUrl());
        }
    }
}
