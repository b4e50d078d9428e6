package org.jnova.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.policy.Enforcer;
import org.jnova.utils.JsonMappers;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.WebobErrorPage;

/**
 * nova's {@code NovaKeystoneContext}: turns the identity headers {@link AuthToken} set into
 * the request's {@link RequestContext} (user, project, domains, roles, system scope,
 * {@code is_admin_project} from {@code X-Is-Admin-Project}, the token, request ids), with {@code isAdmin} decided by the {@code context_is_admin} policy
 * rule, and puts "user project" in the log's {@code user_identity}. A request without a
 * user id (possible only with {@code delay_auth_decision}) is answered 401; an unreadable
 * {@code X-Service-Catalog} 500.
 */
public final class NovaKeystoneContext implements Middleware {
    private static final ObjectMapper JSON = JsonMappers.standard();

    private final Enforcer enforcer;

    public NovaKeystoneContext(Enforcer enforcer) {
        this.enforcer = Objects.requireNonNull(enforcer, "enforcer is null");
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Headers headers = request.headers();
            Optional<String> catalog = headers.first("X-Service-Catalog");
            if (catalog.isPresent() && !readableJson(catalog.get())) {
                return WebobErrorPage.response(request, 500, "Internal Server Error",
                        "The server has either erred or is incapable of performing the requested operation.",
                        "Invalid service catalog json.");
            }
            Optional<String> userId = nonEmpty(headers, "X-User-Id").or(() -> nonEmpty(headers, "X-User"));
            if (userId.isEmpty()) {
                return WebobErrorPage.response(request, 401, "Unauthorized",
                        "This server could not verify that you are authorized to access the document you requested. "
                                + "Either you supplied the wrong credentials (e.g., bad password), or your browser "
                                + "does not understand how to supply the credentials required.", "");
            }
            RequestContext context = context(request, userId.get());
            return CallerContext.handleAs(context, request, next);
        };
    }

    private RequestContext context(Request request, String userId) {
        Headers headers = request.headers();
        Optional<String> projectId = nonEmpty(headers, "X-Project-Id").or(() -> nonEmpty(headers, "X-Tenant-Id"))
                .or(() -> nonEmpty(headers, "X-Tenant"));
        List<String> roles = nonEmpty(headers, "X-Roles").or(() -> nonEmpty(headers, "X-Role"))
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList())
                .orElse(List.of());
        String requestId = CallerContext.requestId(request);
        Optional<String> globalRequestId = CallerContext.globalRequestId(request);
        // oslo.context: true unless the header says otherwise, so old policies keep working
        boolean isAdminProject = headers.first("X-Is-Admin-Project").map(v -> v.equalsIgnoreCase("true")).orElse(true);
        RequestContext context = new RequestContext(userId, projectId, roles, false, requestId, globalRequestId,
                nonEmpty(headers, "OpenStack-System-Scope"), nonEmpty(headers, "X-Auth-Token"),
                nonEmpty(headers, "X-User-Domain-Id"), nonEmpty(headers, "X-Project-Domain-Id"), isAdminProject,
                nonEmpty(headers, "X-Service-Catalog"));
        if (!enforcer.isAdmin(context)) {
            return context;
        }
        return new RequestContext(context.userId(), context.projectId(), context.roles(), true, context.requestId(),
                context.globalRequestId(), context.systemScope(), context.authToken(), context.userDomainId(),
                context.projectDomainId(), isAdminProject, context.serviceCatalog());
    }

    private static Optional<String> nonEmpty(Headers headers, String name) {
        return headers.first(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static boolean readableJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
