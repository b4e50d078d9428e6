package org.jnova.api.openstack.routing;

import java.util.Map;
import java.util.Objects;

/** A route that fits a request, with the values of its path variables. */
public record RouteMatch(Route route, Map<String, String> pathParams) {
    public RouteMatch {
        Objects.requireNonNull(route, "route is null");
        pathParams = Map.copyOf(pathParams);
    }
}
