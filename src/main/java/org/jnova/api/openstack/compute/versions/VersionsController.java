package org.jnova.api.openstack.compute.versions;

import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.exception.NotFound;

/**
 * {@code GET /v2.1/} and {@code GET /v2.1/versions/{id}}: this API's version document.
 * Mirrors nova/api/openstack/compute/versionsV21.py. Through the legacy /v2 API it is v2.0's.
 */
public final class VersionsController {
    private final VersionsView view;

    public VersionsController(VersionsView view) {
        this.view = Objects.requireNonNull(view, "view is null");
    }

    @ExpectedErrors(404)
    public Object show(ApiRequest request) {
        String id = request.pathParams().getOrDefault("id", "v2.1");
        if (request.isLegacyV2()) {
            id = "v2.0";
        }
        if (!VersionsView.isKnown(id)) {
            throw new NotFound("The resource could not be found.");
        }
        return view.version(id, request.applicationUrl());
    }
}
