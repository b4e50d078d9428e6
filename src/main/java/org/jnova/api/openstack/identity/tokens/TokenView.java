package org.jnova.api.openstack.identity.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.api.openstack.identity.support.CatalogJson;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.identity.Token;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityRole;

/**
 * Keystone's token body: {@code {"token": {methods, user, audit_ids, expires_at, issued_at, ...}}}
 * with, by scope, {@code system} or {@code domain} or {@code project} and {@code is_domain}, the
 * roles and the catalog, and {@code application_credential} for an application credential's token.
 */
public final class TokenView {
    private TokenView() {
    }

    public static ObjectNode show(Token token, boolean withCatalog) {
        ObjectNode root = IdentityJson.object();
        ObjectNode body = root.putObject("token");
        ArrayNode methods = body.putArray("methods");
        token.methods().forEach(methods::add);
        ObjectNode user = body.putObject("user");
        domain(user, token.userDomain());
        user.put("id", token.user().id()).put("name", token.user().name()).putNull("password_expires_at");
        ArrayNode auditIds = body.putArray("audit_ids");
        token.auditIds().forEach(auditIds::add);
        body.put("expires_at", IdentityJson.time(token.expiresAt()));
        body.put("issued_at", IdentityJson.time(token.issuedAt()));
        if (token.systemScoped()) {
            roles(body, token);
            body.putObject("system").put("all", true);
        } else if (token.domain().isPresent()) {
            domain(body, token.domain().get());
            roles(body, token);
        } else if (token.project().isPresent()) {
            ObjectNode project = body.putObject("project");
            domain(project, token.projectDomain().orElseThrow());
            project.put("id", token.project().get().id()).put("name", token.project().get().name());
            body.put("is_domain", false);
            roles(body, token);
        }
        if (withCatalog && !token.unscoped()) {
            CatalogJson.write(body.putArray("catalog"), token.catalog());
        }
        token.applicationCredential().ifPresent(credential -> body.putObject("application_credential")
                .put("id", credential.id()).put("name", credential.name())
                .put("restricted", !credential.unrestricted()));
        return root;
    }

    private static void roles(ObjectNode body, Token token) {
        ArrayNode roles = body.putArray("roles");
        for (IdentityRole role : token.roles()) {
            roles.addObject().put("id", role.id()).put("name", role.name());
        }
    }

    private static void domain(ObjectNode owner, IdentityDomain domain) {
        owner.putObject("domain").put("id", domain.id()).put("name", domain.name());
    }
}
