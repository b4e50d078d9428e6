package org.jnova.api.middleware;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.Urls;
import org.jnova.api.auth.CallerContext;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * nova's {@code noauth2} ({@code NoAuthMiddleware}), for development and tests only: it
 * checks nothing. {@code X-Auth-Token: user:project} (or just {@code name}, then user and
 * project are both {@code name}) becomes the request's {@link RequestContext}; the user
 * {@code admin} is an administrator (roles admin, member, reader); anyone else is a member
 * and reader of the project the token names.
 *
 * <p>A request without {@code X-Auth-Token} is answered at once, as an Auth 1.1 login:
 * 204 with {@code X-Auth-Token: <user>:<project>} from {@code X-Auth-User} and
 * {@code X-Auth-Project-Id} (both {@code admin} by default) and
 * {@code X-Server-Management-Url}: the request URL with the project id appended.
 */
public final class NoAuth2 implements Middleware {
    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Optional<String> token = request.headers().first("X-Auth-Token");
            if (token.isEmpty()) {
                return login(request);
            }
            RequestContext context = context(request, token.get());
            return CallerContext.handleAs(context, request, next);
        };
    }

    private static Response login(Request request) {
        String user = request.headers().first("X-Auth-User").orElse("admin");
        String project = request.headers().first("X-Auth-Project-Id").orElse("admin");
        String url = Urls.stripTrailingSlashes(requestUrl(request)) + "/" + project;
        Response response = Response.empty(204);
        response.headers().add("X-Auth-Token", user + ":" + project);
        response.headers().add("X-Server-Management-Url", url);
        response.headers().add("Content-Type", "text/plain; charset=UTF-8");
        return response;
    }

    /*
     * nova Zed's noauth2 gave no roles and relied on the deprecated "admin_or_owner" rules.
     * With the secure-RBAC defaults (enforce_new_defaults = True) a caller without roles may do
     * nothing, so jnova's noauth2 makes every caller a member and reader of its project.
     */
    private static final List<String> MEMBER_ROLES = List.of("member", "reader");
    private static final List<String> ADMIN_ROLES = List.of("admin", "member", "reader");

    private static RequestContext context(Request request, String token) {
        int colon = token.indexOf(':');
        String user = colon < 0 ? token : token.substring(0, colon);
        String project = colon < 0 ? "" : token.substring(colon + 1);
        if (project.isEmpty()) {
            project = user;
        }
        boolean admin = user.equals("admin");
        String requestId = CallerContext.requestId(request);
        Optional<String> globalRequestId = CallerContext.globalRequestId(request);
        return new RequestContext(user, Optional.of(project), admin ? ADMIN_ROLES : MEMBER_ROLES, admin, requestId,
                globalRequestId, Optional.empty(), Optional.of(token), Optional.empty(), Optional.empty());
    }

    /** The URL as webob's {@code Request.url} writes it: quoted path, then the query string. */
    private static String requestUrl(Request request) {
        String url = request.hostUrl() + quote(request.scriptName()) + quote(request.pathInfo());
        return request.queryString().isEmpty() ? url : url + "?" + request.queryString();
    }

    private static String quote(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "_.-~/:@&+$,".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
