package org.jnova.api.openstack.identity.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class IdentityRoutesTest {
    private static final IdentityRoute.Handler NONE = call -> Response.empty(204);

    private final IdentityRoutes routes = new IdentityRoutes(List.of(
            IdentityRoute.get("/projects", NONE),
            IdentityRoute.get("/projects/{project_id}", NONE),
            IdentityRoute.patch("/projects/{project_id}", NONE),
            IdentityRoute.get("/users/{user_id}/projects", NONE),
            IdentityRoute.get("/users/{user_id}/{anything}", NONE)));

    @Test
    void matchesTemplatesAndCollectsParameters() {
        IdentityRoutes.Result result = routes.find("PATCH", "/projects/abc/");
        assertThat(result).isInstanceOf(IdentityRoutes.Result.Found.class);
        IdentityRoutes.Match match = ((IdentityRoutes.Result.Found) result).match();
        assertThat(match.route().template()).isEqualTo("/projects/{project_id}");
        assertThat(match.parameters()).isEqualTo(Map.of("project_id", "abc"));
    }

    @Test
    void literalSegmentsWinOverParameters() {
        IdentityRoutes.Result result = routes.find("GET", "/users/u1/projects");
        assertThat(((IdentityRoutes.Result.Found) result).match().route().template())
                .isEqualTo("/users/{user_id}/projects");
    }

    @Test
    void otherMethodsAnd404sAreTold() {
        assertThat(routes.find("DELETE", "/projects/abc")).isInstanceOf(IdentityRoutes.Result.MethodNotAllowed.class);
        assertThat(routes.find("GET", "/projects/abc/extra")).isInstanceOf(IdentityRoutes.Result.NotFound.class);
        assertThat(routes.find("GET", "/domains")).isInstanceOf(IdentityRoutes.Result.NotFound.class);
    }

    @Test
    void aRouteRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> new IdentityRoutes(List.of(IdentityRoute.get("/a", NONE),
                IdentityRoute.get("/a", NONE)))).isInstanceOf(IllegalArgumentException.class);
    }
}
