package org.jnova.api.openstack.identity.support;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One operation of Identity v3: an HTTP method, a path below {@code /v3} whose
 * {@code {name}} segments are parameters ({@code /projects/{project_id}}), and its handler.
 */
public record IdentityRoute(String method, String template, Handler handler) {
    /** Answers one matched request. */
    @FunctionalInterface
    public interface Handler {
        org.jnova.wsgi.Response handle(IdentityCall call);
    }

    public IdentityRoute {
        requireNonNull(method, "method is null");
        requireNonNull(template, "template is null");
        requireNonNull(handler, "handler is null");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
    }

    public static IdentityRoute get(String template, Handler handler) {
        return new IdentityRoute("GET", template, handler);
    }

    /** {@code GET} and the same handler for {@code HEAD}, whose body is dropped, as Keystone's routes. */
    public static List<IdentityRoute> getAndHead(String template, Handler handler) {
        return List.of(get(template, handler), new IdentityRoute("HEAD", template, handler));
    }

    public static IdentityRoute post(String template, Handler handler) {
        return new IdentityRoute("POST", template, handler);
    }

    public static IdentityRoute put(String template, Handler handler) {
        return new IdentityRoute("PUT", template, handler);
    }

    public static IdentityRoute patch(String template, Handler handler) {
        return new IdentityRoute("PATCH", template, handler);
    }

    public static IdentityRoute delete(String template, Handler handler) {
        return new IdentityRoute("DELETE", template, handler);
    }

    /** The template's segments ({@code ["projects", "{project_id}"]}). */
    List<String> segments() {
        return IdentityRoutes.segments(template);
    }
}
