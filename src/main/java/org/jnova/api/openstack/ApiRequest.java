package org.jnova.api.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.RequestAttributes;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.Request;

/**
 * What a controller method gets: the caller's context, the microversion, path and query
 * parameters, the (validated) body and the URLs links are built from. One per request.
 */
public final class ApiRequest {
    private final Request raw;
    private final ApiVersionRequest version;
    private final boolean legacyV2;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> queryParams;
    private final JsonNode body;
    private final PolicyCheck policy;
    /** Answers of {@link #isSupported(String)} by bound, so a view asking per server parses each bound once. */
    private final Map<String, Boolean> supportedByMin = new HashMap<>();

    public ApiRequest(Request raw, ApiVersionRequest version, boolean legacyV2, Map<String, String> pathParams,
            Map<String, List<String>> queryParams, JsonNode body, PolicyCheck policy) {
        this.raw = Objects.requireNonNull(raw, "raw is null");
        this.version = Objects.requireNonNull(version, "version is null");
        this.legacyV2 = legacyV2;
        this.pathParams = Map.copyOf(pathParams);
        this.queryParams = Objects.requireNonNull(queryParams, "queryParams is null");
        this.body = Objects.requireNonNull(body, "body is null");
        this.policy = Objects.requireNonNull(policy, "policy is null");
    }

    /** The caller, as the auth middleware put it in {@link RequestAttributes#CONTEXT}. */
    public RequestContext context() {
        return raw.<RequestContext>attribute(RequestAttributes.CONTEXT)
                .orElseThrow(() -> new IllegalStateException("no request context: is the auth middleware missing?"));
    }

    public Optional<RequestContext> contextIfAny() {
        return raw.attribute(RequestAttributes.CONTEXT);
    }

    public ApiVersionRequest version() {
        return version;
    }

    /** nova's {@code api_version_request.is_supported(req, min)}: version >= min. */
    public boolean isSupported(String min) {
        Boolean known = supportedByMin.get(min);
        if (known == null) {
            known = version.isAtLeast(min);
            supportedByMin.put(min, known);
        }
        return known;
    }

    /** version within [min, max]. */
    public boolean isSupported(String min, String max) {
        return isSupported(min) && ApiVersionRequest.of(max).compareTo(version) >= 0;
    }

    /** Whether the request came through the legacy /v2 API (no microversions). */
    public boolean isLegacyV2() {
        return legacyV2;
    }

    /** A path parameter of the route, e.g. "id" or "server_id". */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    /** Query parameters after query-schema validation (unknown ones dropped), each with all values. */
    public Map<String, List<String>> queryParams() {
        return queryParams;
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The decoded body: {@link MissingNode} for GET/DELETE, NullNode for an empty POST/PUT. */
    public JsonNode body() {
        return body;
    }

    /** scheme://host/v2.1 (where the API is mounted), for "self" links. */
    public String applicationUrl() {
        return raw.applicationUrl();
    }

    /** scheme://host, for "bookmark" links. */
    public String hostUrl() {
        return raw.hostUrl();
    }

    /** The underlying request (headers, attributes). */
    public Request raw() {
        return raw;
    }

    /** Checks a policy rule with the given target; throws Forbidden when denied. */
    public void authorize(String rule, Map<String, String> target) {
        policy.authorize(context(), rule, target);
    }

    /**
     * Checks a policy rule with the caller's project (empty when it has none) as the only target
     * (nova's {@code context.can(rule, target={'project_id': context.project_id})}); throws
     * Forbidden when denied.
     */
    public void authorizeProject(String rule) {
        authorize(rule, Map.of("project_id", context().projectId().orElse("")));
    }

    /**
     * Checks a policy rule with the caller's project (when it has one) and user as target
     * (nova's common {@code context.can(rule, target={...})}); throws Forbidden when denied.
     */
    public void authorize(String rule) {
        Map<String, String> target = new java.util.LinkedHashMap<>();
        contextIfAny().ifPresent(context -> {
            context.projectId().ifPresent(project -> target.put("project_id", project));
            target.put("user_id", context.userId());
        });
        authorize(rule, target);
    }
}
