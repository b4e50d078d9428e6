package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jnova.api.RequestAttributes;
import org.jnova.api.middleware.RequestId;
import org.jnova.context.RequestContext;
import org.jnova.policy.Enforcer;
import org.jnova.policy.PolicySettings;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** nova's keystone context: from auth_token's identity headers to the request context. */
class NovaKeystoneContextTest {
    private final Enforcer enforcer = Enforcer.nova(PolicySettings.defaults(), name -> Optional.empty());
    private final AtomicReference<String> identityInLog = new AtomicReference<>();
    private final App app = new NovaKeystoneContext(enforcer).wrap(request -> {
        identityInLog.set(MDC.get("user_identity"));
        return Response.text(200, "text/plain", "ok");
    });

    private static Request request() {
        Request request = Request.of("GET", "/v2.1/servers", null);
        request.headers().add("X-Auth-Token", "tok").add("X-User-Id", "u1").add("X-Project-Id", "p1")
                .add("X-Roles", "Member, reader").add("X-User-Domain-Id", "default")
                .add("X-Project-Domain-Id", "dom2");
        request.setAttribute(RequestAttributes.REQUEST_ID, "req-1");
        request.setAttribute(RequestId.GLOBAL_REQUEST_ID, "req-global");
        return request;
    }

    @Test
    void headersBecomeTheContextAndTheLogIdentity() throws Exception {
        Request request = request();
        assertThat(app.handle(request).status()).isEqualTo(200);
        RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(context.userId()).isEqualTo("u1");
        assertThat(context.projectId()).contains("p1");
        assertThat(context.roles()).containsExactly("member", "reader");
        assertThat(context.isAdmin()).isFalse();
        assertThat(context.requestId()).isEqualTo("req-1");
        assertThat(context.globalRequestId()).contains("req-global");
        assertThat(context.authToken()).contains("tok");
        assertThat(context.userDomainId()).contains("default");
        assertThat(context.projectDomainId()).contains("dom2");
        assertThat(identityInLog.get()).isEqualTo("u1 p1");
        assertThat(MDC.get("user_identity")).isNull();
    }

    @Test
    void isAdminProjectComesFromTheHeaderAndIsTrueWhenItIsMissing() throws Exception {
        Request absent = request();
        app.handle(absent);
        RequestContext defaulted = absent.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(defaulted.isAdminProject()).isTrue();
        assertThat(org.jnova.policy.Credentials.of(defaulted)).containsEntry("is_admin_project", true);

        Request notAdminProject = request();
        notAdminProject.headers().set("X-Roles", "admin").set("X-Is-Admin-Project", "False");
        app.handle(notAdminProject);
        RequestContext context = notAdminProject.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(context.isAdminProject()).isFalse();
        assertThat(context.isAdmin()).isTrue(); // context_is_admin is role:admin alone
        assertThat(org.jnova.policy.Credentials.of(context)).containsEntry("is_admin_project", false);

        Request adminProject = request();
        adminProject.headers().set("X-Is-Admin-Project", "true");
        app.handle(adminProject);
        assertThat(adminProject.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow().isAdminProject())
                .isTrue();
    }

    @Test
    void theAdminRoleMakesAnAdministrator() throws Exception {
        Request request = request();
        request.headers().set("X-Roles", "admin");
        app.handle(request);
        assertThat(request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow().isAdmin()).isTrue();
    }

    @Test
    void anUnreadableServiceCatalogIsAServerError() throws Exception {
        Request request = request();
        request.headers().add("X-Service-Catalog", "[{not json");
        Response response = app.handle(request);
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).contains("Invalid service catalog json.");
        assertThat(request.attribute(RequestAttributes.CONTEXT)).isEmpty();
    }

    @Test
    void noUserIsUnauthorized() throws Exception {
        Request request = Request.of("GET", "/v2.1/servers", null);
        request.headers().add("Accept", "text/plain");
        Response response = app.handle(request);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).startsWith("401 Unauthorized\n\nThis server could not verify");
    }
}
