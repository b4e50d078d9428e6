package org.jnova.api.openstack.identity.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.identity.support.CatalogJson;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.KeystoneLinks;
import org.jnova.identity.IdentityCatalog;
import org.jnova.identity.IdentityError;
import org.jnova.wsgi.Response;

/** {@code GET /v3/auth/catalog}: the catalog of the caller's project-scoped token, as it stands now. */
public final class AuthCatalogController {
    private final IdentityCatalog catalog;

    public AuthCatalogController(IdentityCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public List<IdentityRoute> routes() {
        return IdentityRoute.getAndHead("/auth/catalog", this::show);
    }

    Response show(IdentityCall call) {
        call.authorize("identity:get_auth_catalog", Map.of());
        if (call.caller().project().isEmpty()) {
            throw IdentityError.forbiddenBecause("A project-scoped token is required to produce a service catalog.");
        }
        ObjectNode body = IdentityJson.object();
        CatalogJson.write(body.putArray("catalog"), catalog.tokenCatalog());
        body.putObject("links").put("self", KeystoneLinks.url(call.request(), "auth/catalog"));
        return IdentityJson.json(200, body);
    }
}
