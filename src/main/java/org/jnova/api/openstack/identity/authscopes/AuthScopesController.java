package org.jnova.api.openstack.identity.authscopes;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.identity.domains.DomainView;
import org.jnova.api.openstack.identity.projects.ProjectView;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.identity.IdentityProjects;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/auth/projects} and {@code /v3/auth/domains}: what the caller's token may be
 * scoped to, the projects and domains its user holds a role on (disabled ones included, as
 * Keystone lists them).
 */
public final class AuthScopesController {
    private final IdentityProjects projects;

    public AuthScopesController(IdentityProjects projects) {
        this.projects = requireNonNull(projects, "projects is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/auth/projects", this::projects));
        routes.addAll(IdentityRoute.getAndHead("/auth/domains", this::domains));
        return routes;
    }

    Response projects(IdentityCall call) {
        call.authorize("identity:get_auth_projects", Map.of());
        return IdentityEntities.collection(call.request(), "projects",
                projects.projectsOfUser(call.caller().user().id()).stream().map(ProjectView::of).toList());
    }

    Response domains(IdentityCall call) {
        call.authorize("identity:get_auth_domains", Map.of());
        return IdentityEntities.collection(call.request(), "domains",
                projects.domainsOfUser(call.caller().user().id()).stream().map(DomainView::of).toList());
    }
}
