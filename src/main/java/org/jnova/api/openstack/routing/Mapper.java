package org.jnova.api.openstack.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Routes-style mapper as nova's {@code ProjectMapper}: every route exists twice, with and
 * without a leading {@code /{project_id}} (hex digits and dashes only, as nova). Routes are
 * tried in the order they were added; the first whose path and method fit wins. Built at
 * start-up, then only read. To keep a lookup short, routes are indexed by their first literal
 * path segment after the project id ({@code servers} for {@code /servers/{id}/action}), and a
 * lookup tries only the routes indexed under the path's first or second segment.
 */
public final class Mapper {
    /** nova's project id token: only hex and dashes, so it cannot be mistaken for a collection. */
    public static final String PROJECT_ID_TOKEN = "{project_id:[0-9a-f-]+}";

    private static final int[] NONE = new int[0];

    private final List<Route> routes = new ArrayList<>();
    /** Positions in {@link #routes}, ascending, by first literal segment ("" for the root). */
    private final Map<String, int[]> routesBySegment = new HashMap<>();
    /** Positions of routes that start with a variable other than the project id. */
    private int[] routesByVariable = NONE;
    private final boolean projectIdPrefix;

    /** @param projectIdPrefix whether routes also exist under /{project_id} */
    public Mapper(boolean projectIdPrefix) {
        this.projectIdPrefix = projectIdPrefix;
    }

    /** nova's {@code create_route}: one path and method to a resource's action. */
    public Mapper connect(String method, String path, String resource, String action) {
        if (projectIdPrefix) {
            add(Route.of(method, "/" + PROJECT_ID_TOKEN + path, resource, action), path);
        }
        add(Route.of(method, path, resource, action), path);
        return this;
    }

    private void add(Route route, String pathWithoutProject) {
        int position = routes.size();
        routes.add(route);
        String first = segment(pathWithoutProject, 0);
        if (first.startsWith("{")) {
            routesByVariable = append(routesByVariable, position);
        } else {
            routesBySegment.merge(first, new int[] {position}, (old, added) -> append(old, position));
        }
    }

    private static int[] append(int[] positions, int position) {
        int[] longer = Arrays.copyOf(positions, positions.length + 1);
        longer[positions.length] = position;
        return longer;
    }

    /** The path's segment number {@code index} (0 is the first), "" when it has fewer. */
    private static String segment(String path, int index) {
        int start = path.startsWith("/") ? 1 : 0;
        for (int i = 0; i < index; i++) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                return "";
            }
            start = slash + 1;
        }
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
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
        for (Route route : candidates(path)) {
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
        return candidates(path).stream().anyMatch(route -> route.match(path).isPresent());
    }

    /** The routes that may fit the path, in the order they were added. */
    private List<Route> candidates(String path) {
        int[] first = routesBySegment.getOrDefault(segment(path, 0), NONE);
        int[] second = projectIdPrefix ? routesBySegment.getOrDefault(segment(path, 1), NONE) : NONE;
        int[] positions = new int[first.length + second.length + routesByVariable.length];
        System.arraycopy(first, 0, positions, 0, first.length);
        System.arraycopy(second, 0, positions, first.length, second.length);
        System.arraycopy(routesByVariable, 0, positions, first.length + second.length, routesByVariable.length);
        Arrays.sort(positions);
        List<Route> found = new ArrayList<>(positions.length);
        int previous = -1;
        for (int position : positions) {
            if (position != previous) {
                found.add(routes.get(position));
            }
            previous = position;
        }
        return found;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
