package org.jnova.api.openstack.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Routes-style mapper as nova's {@code ProjectMapper}: every route exists twice, with and
 * without a leading {@code /{project_id}} (hex digits and dashes only, as nova). Routes are
 * tried in the order they were added; the first whose path and method fit wins. Built at
 * start-up, then only read.
 */
public final class Mapper {
    /** nova's project id token: only hex and dashes, so it cannot be mistaken for a collection. */
    public static final String PROJECT_ID_TOKEN = "{project_id:[0-9a-f-]+}";

    private final List<Route> routes = new ArrayList<>();
    private final boolean projectIdPrefix;

    /** @param projectIdPrefix whether routes also exist under /{project_id} */
    public Mapper(boolean projectIdPrefix) {
        this.projectIdPrefix = projectIdPrefix;
    }

    /** nova's {@code create_route}: one path and method to a resource's action. */
    public Mapper connect(String method, String path, String resource, String action) {
        if (projectIdPrefix) {
            routes.add(Route.of(method, "/" + PROJECT_ID_TOKEN + path, resource, action));
        }
        routes.add(Route.of(method, path, resource, action));
        return this;
    }

    /**
     * Routes' {@code resource()}: for collection "os-foo" (member "foo") it connects the custom
     * collection actions ({@code GET /os-foo/detail} for {"detail": "GET"}), the custom member
     * actions ({@code POST /os-foo/{id}/action}), then index, create, show, update, delete.
     */
    public Mapper resource(String memberName, String collectionName, String resource,
            Map<String, String> collectionActions, Map<String, String> memberActions, Optional<ParentResource> parent) {
        String prefix = parent.map(p -> "/" + p.collectionName() + "/{" + p.memberName() + "_id}").orElse("");
        String collection = prefix + "/" + collectionName;
        collectionActions.forEach((action, method) -> connect(method, collection + "/" + action, resource, action));
        memberActions.forEach((action, method) -> connect(method, collection + "/{id}/" + action, resource, action));
        connect("GET", collection, resource, "index");
        connect("POST", collection, resource, "create");
        connect("GET", collection + "/{id}", resource, "show");
        connect("PUT", collection + "/{id}", resource, "update");
        connect("DELETE", collection + "/{id}", resource, "delete");
        return this;
    }

    /** The first route whose path and method fit. nova answers 404 when only the method differs. */
    public Optional<RouteMatch> match(String method, String path) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> values = route.match(path);
            if (values.isPresent()) {
                return Optional.of(new RouteMatch(route, values.get()));
            }
        }
        return Optional.empty();
    }

    /** Whether some route fits the path with another method. */
    public boolean matchesOtherMethod(String path) {
        return routes.stream().anyMatch(route -> route.match(path).isPresent());
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
