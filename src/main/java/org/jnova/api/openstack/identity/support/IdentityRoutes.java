package org.jnova.api.openstack.identity.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table of Identity v3: finds the route of a method and path, with the values of
 * its {@code {name}} segments. A literal segment wins over a parameter at the same place, so
 * {@code /users/{user_id}/projects} and {@code /users/{user_id}/{anything}} do not compete.
 */
public final class IdentityRoutes {
    private final List<IdentityRoute> routes;

    public IdentityRoutes(List<IdentityRoute> routes) {
        this.routes = List.copyOf(routes);
        Map<String, IdentityRoute> seen = new LinkedHashMap<>();
        for (IdentityRoute route : this.routes) {
            String key = route.method() + " " + route.template();
            if (seen.putIfAbsent(key, route) != null) {
                throw new IllegalArgumentException("Route registered twice: " + key);
            }
        }
    }

    /** A matched route and its path parameters. */
    public record Match(IdentityRoute route, Map<String, String> parameters) {
    }

    /** What a path matched: the route of the method, or only other methods (405), or nothing (404). */
    public sealed interface Result {
        record Found(Match match) implements Result {
        }

        record MethodNotAllowed() implements Result {
        }

        record NotFound() implements Result {
        }
    }

    public Result find(String method, String path) {
        List<String> segments = segments(path);
        Optional<Match> best = Optional.empty();
        boolean pathMatched = false;
        int bestScore = -1;
        for (IdentityRoute route : routes) {
            Optional<Map<String, String>> parameters = match(route.segments(), segments);
            if (parameters.isEmpty()) {
                continue;
            }
            pathMatched = true;
            int score = literalScore(route.segments());
            if (route.method().equals(method) && score > bestScore) {
                best = Optional.of(new Match(route, parameters.get()));
                bestScore = score;
            }
        }
        if (best.isPresent()) {
            return new Result.Found(best.get());
        }
        return pathMatched ? new Result.MethodNotAllowed() : new Result.NotFound();
    }

    /** The non-empty segments of a path; a trailing slash is ignored, as Keystone's router does. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static Optional<Map<String, String>> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                parameters.put(expected.substring(1, expected.length() - 1), path.get(i));
            } else if (!expected.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** How specific a template is: literal segments weigh more the earlier they come. */
    private static int literalScore(List<String> template) {
        int score = 0;
        for (String segment : template) {
            score = score * 2 + (segment.startsWith("{") ? 0 : 1);
        }
        return score;
    }
}
