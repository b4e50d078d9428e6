package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.jnova.api.RequestAttributes;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class NoAuth2Test {
    private final AtomicReference<RequestContext> context = new AtomicReference<>();
    private final AtomicReference<String> identity = new AtomicReference<>();
    private final App app = RequestId.compute().wrap(new NoAuth2().wrap(request -> {
        context.set(request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow());
        identity.set(MDC.get("user_identity"));
        return Response.empty(200);
    }));

    private static Request request(String path) {
        return new Request("GET", "http", "127.0.0.1:28774", "/v2.1", path, "", new Headers(), null, "127.0.0.1");
    }

    @Test
    void withoutTokenAnswers204WithAFakeTokenAndManagementUrl() throws Exception {
        Response response = app.handle(request("/flavors"));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().first("X-Auth-Token")).contains("admin:admin");
        assertThat(response.headers().first("X-Server-Management-Url"))
                .contains("http://127.0.0.1:28774/v2.1/flavors/admin");
        assertThat(response.headers().first("Content-Type")).contains("text/plain; charset=UTF-8");
        assertThat(response.headers().contains("X-Openstack-Request-Id")).isTrue();
        assertThat(context.get()).isNull();

        Request named = request("/");
        named.headers().add("X-Auth-User", "alice").add("X-Auth-Project-Id", "p1");
        Response login = app.handle(named);
        assertThat(login.headers().first("X-Auth-Token")).contains("alice:p1");
        assertThat(login.headers().first("X-Server-Management-Url")).contains("http://127.0.0.1:28774/v2.1/p1");
    }

    @Test
    void userColonProjectTokenBecomesTheContext() throws Exception {
        Request request = request("/servers");
        request.headers().add("X-Auth-Token", "demo:project-a");
        app.handle(request);
        RequestContext ctx = context.get();
        assertThat(ctx.userId()).isEqualTo("demo");
        assertThat(ctx.projectId()).contains("project-a");
        assertThat(ctx.isAdmin()).isFalse();
        assertThat(ctx.roles()).containsExactly("member", "reader");
        assertThat(ctx.requestId()).startsWith("req-");
        assertThat(ctx.authToken()).contains("demo:project-a");
        assertThat(identity.get()).isEqualTo("demo project-a");
        assertThat(MDC.get("user_identity")).isNull();
    }

    @Test
    void adminUserIsAdministratorAndATokenWithoutColonNamesBoth() throws Exception {
        Request request = request("/servers");
        request.headers().add("X-Auth-Token", "admin");
        request.headers().add("X-OpenStack-Request-ID", "req-11111111-2222-3333-4444-555555555555");
        app.handle(request);
        RequestContext ctx = context.get();
        assertThat(ctx.userId()).isEqualTo("admin");
        assertThat(ctx.projectId()).contains("admin");
        assertThat(ctx.isAdmin()).isTrue();
        assertThat(ctx.hasRole("admin")).isTrue();
        assertThat(ctx.globalRequestId()).contains("req-11111111-2222-3333-4444-555555555555");
    }
}
