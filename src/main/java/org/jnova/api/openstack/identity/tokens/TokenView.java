package org.jnova.api.openstack.identity.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.identity.Token;
import org.jnova.objects.CatalogEndpoint;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityRole;

/** Keystone's token body: {@code {"token": {methods, user, audit_ids, expires_at, issued_at, ...}}}. */
final class TokenView {
    private TokenView() {
    }

    static ObjectNode show(Token token, boolean withCatalog) {
        ObjectNode root = IdentityJson.object();
        ObjectNode body = root.putObject("token");
        ArrayNode methods = body.putArray("methods");
        token.methods().forEach(methods::add);
        ObjectNode user = body.putObject("user");
        domain(user, token.userDomain());
        user.put("id", token.user().id()).put("name", token.user().name()).putNull("password_expires_at");
        body.putArray("audit_ids").add(token.auditId());
        body.put("expires_at", IdentityJson.time(token.expiresAt()));
        body.put("issued_at", IdentityJson.time(token.issuedAt()));
        if (token.project().isPresent()) {
            ObjectNode project = body.putObject("project");
            domain(project, token.projectDomain().orElseThrow());
            project.put("id", token.project().get().id()).put("name", token.project().get().name());
            body.put("is_domain", false);
            ArrayNode roles = body.putArray("roles");
            for (IdentityRole role : token.roles()) {
                roles.addObject().put("id", role.id()).put("name", role.name());
            }
            if (withCatalog) {
                catalog(body.putArray("catalog"), token);
            }
        }
        return root;
    }

    private static void domain(ObjectNode owner, IdentityDomain domain) {
        owner.putObject("domain").put("id", domain.id()).put("name", domain.name());
    }

    private static void catalog(ArrayNode catalog, Token token) {
        for (CatalogService service : token.catalog()) {
            ObjectNode entry = catalog.addObject();
            ArrayNode endpoints = entry.putArray("endpoints");
            for (CatalogEndpoint endpoint : service.endpoints()) {
                endpoints.addObject().put("id", endpoint.id()).put("interface", endpoint.interfaceName())
                        .put("region_id", endpoint.regionId()).put("url", endpoint.url())
                        .put("region", endpoint.regionId());
            }
            entry.put("id", service.id()).put("type", service.type()).put("name", service.name());
        }
    }
}
