package org.jnova.api.openstack.wsgi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jnova.api.RequestAttributes;
import org.jnova.api.fault.Faults;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.LegacyV2CompatibleWrapper;
import org.jnova.api.openstack.Microversions;
import org.jnova.api.openstack.VersionRange;
import org.jnova.api.openstack.validation.SchemaError;
import org.jnova.context.RequestContext;
import org.jnova.exception.NovaException;
import org.jnova.exception.ValidationError;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API resource (nova's {@code wsgi.Resource}): the controllers of e.g. "servers", their
 * route actions and body actions, and the steps every request goes through, in nova's order:
 * <ol>
 * <li>microversion from the headers (400 malformed, 406 out of range; /v2 is always 2.1);</li>
 * <li>Content-Type (415 "Unsupported Content-Type");</li>
 * <li>the method: for {@code POST .../action} the body's single key names it (400 "Malformed
 *     request body", 400 "There is no such action: x");</li>
 * <li>the body of POST/PUT (400 "Malformed request body"; empty means null);</li>
 * <li>a {@code project_id} in the URL must be the caller's (400 "Malformed request URL...");</li>
 * <li>the method for the version (404 when none serves it);</li>
 * <li>body schema, then query schema (400 with nova's message);</li>
 * <li>the call (the method checks its policy rules first, 403); errors become faults, checked against {@code @ExpectedErrors} (else 500);</li>
 * <li>the success status for the version, the body as nova's JSON, and on every response the
 *     version headers (not on /v2 nor after a malformed version).</li>
 * </ol>
 */
public final class Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Resource.class);
    private static final Pattern MEDIA_TYPE_PARAMS = Pattern.compile(";.*$");
    private static final String NOT_FOUND = "The resource could not be found.";

    private final String name;
    private final ResourceSupport support;
    private final VersionRange served;
    private final Map<String, List<MethodDescriptor>> routeActions = new LinkedHashMap<>();
    private final Map<String, List<MethodDescriptor>> bodyActions = new LinkedHashMap<>();

    /** @param controllers the main controller first, then any that only add body actions */
    public Resource(String name, List<?> controllers, ControllerMethods introspector, ResourceSupport support) {
        this(name, controllers, introspector, support, VersionRange.ALL);
    }

    /**
     * A resource whose every method answers 404 outside {@code served}, as nova's controllers
     * whose methods all stop at one microversion (os-volumes_boot up to 2.102).
     */
    public Resource(String name, List<?> controllers, ControllerMethods introspector, ResourceSupport support,
            VersionRange served) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.support = Objects.requireNonNull(support, "support is null");
        this.served = Objects.requireNonNull(served, "served is null");
        for (Object controller : controllers) {
            for (MethodDescriptor method : introspector.describe(controller)) {
                Map<String, List<MethodDescriptor>> table = method.bodyAction() ? bodyActions : routeActions;
                List<MethodDescriptor> sameName = table.computeIfAbsent(method.action(), k -> new ArrayList<>());
                for (MethodDescriptor other : sameName) {
                    if (other.versions().overlaps(method.versions())) {
                        throw new IllegalStateException("resource " + name + ": " + other.describe() + " and "
                                + method.describe() + " both serve " + (method.bodyAction() ? "action " : "")
                                + method.action() + " at overlapping versions");
                    }
                }
                sameName.add(method);
            }
        }
    }

    public String name() {
        return name;
    }

    /** Whether a route may name this action ("index", "show", ..., or "action" for body actions). */
    public boolean hasRouteAction(String action) {
        return routeActions.containsKey(action) || (action.equals("action") && !bodyActions.isEmpty());
    }

    /** True when only {@code @Action} controllers are registered (the resource's main controller is not). */
    public boolean hasOnlyBodyActions() {
        return routeActions.isEmpty() && !bodyActions.isEmpty();
    }

    public List<String> bodyActionNames() {
        return List.copyOf(bodyActions.keySet());
    }

    /** Serves one routed request. */
    public Response handle(Request request, String action, Map<String, String> pathParams) {
        boolean legacyV2 = LegacyV2CompatibleWrapper.isLegacyV2(request);
        ApiVersionRequest version;
        if (legacyV2) {
            version = ApiVersionRequest.MIN;
        } else {
            try {
                version = support.microversions().select(request.headers());
            } catch (Microversions.UnsupportedVersion e) {
                request.setAttribute(RequestAttributes.API_VERSION, e.requested());
                Response refused = Faults.response(406, e.getMessage());
                Microversions.addResponseHeaders(refused.headers(), e.requested());
                return refused;
            } catch (NovaException malformed) {
                return Faults.response(malformed.code(), malformed.getMessage());
            }
        }
        request.setAttribute(RequestAttributes.API_VERSION, version.toString());
        return withVersion(dispatch(request, action, pathParams, version, legacyV2), version, legacyV2);
    }

    private static Response withVersion(Response response, ApiVersionRequest version, boolean legacyV2) {
        if (!legacyV2) {
            Microversions.addResponseHeaders(response.headers(), version);
        }
        return response;
    }

    private Response dispatch(Request request, String action, Map<String, String> pathParams,
            ApiVersionRequest version, boolean legacyV2) {
        if (!supportedContentType(request)) {
            return Faults.response(415, "Unsupported Content-Type");
        }
        boolean hasBody = request.method().equals("POST") || request.method().equals("PUT");
        JsonNode body = MissingNode.getInstance();
        if (hasBody) {
            if (request.body().length == 0) {
                body = NullNode.getInstance();
            } else {
                try {
                    body = support.json().read(request.body());
                } catch (IOException malformed) {
                    return Faults.response(400, "Malformed request body");
                }
            }
        }
        List<MethodDescriptor> candidates;
        if (action.equals("action") && !routeActions.containsKey("action")) {
            if (!body.isObject() || body.size() != 1) {
                return Faults.response(400, "Malformed request body");
            }
            String key = body.fieldNames().next();
            candidates = bodyActions.get(key);
            if (candidates == null) {
                return Faults.response(400, "There is no such action: " + key);
            }
        } else {
            candidates = routeActions.get(action);
            if (candidates == null) {
                return Faults.response(404, NOT_FOUND);
            }
        }
        Map<String, String> params = new LinkedHashMap<>(pathParams);
        String projectId = params.remove("project_id");
        Optional<RequestContext> context = request.attribute(RequestAttributes.CONTEXT);
        if (projectId != null && context.isPresent() && context.get().projectId().isPresent()
                && !projectId.equals(context.get().projectId().get())) {
            return Faults.response(400, "Malformed request URL: URL's project_id '" + projectId
                    + "' doesn't match Context's project_id '" + context.get().projectId().get() + "'");
        }
        MethodDescriptor method = null;
        for (MethodDescriptor candidate : candidates) {
            if (candidate.versions().contains(version)) {
                method = candidate;
                break;
            }
        }
        if (method == null || !served.contains(version)) {
            return Faults.response(404, NOT_FOUND);
        }
        return call(method, request, params, body, version, legacyV2);
    }

    private Response call(MethodDescriptor method, Request request, Map<String, String> params, JsonNode body,
            ApiVersionRequest version, boolean legacyV2) {
        Object result;
        try {
            validateBody(method, body, version, legacyV2);
            Map<String, List<String>> query = validateQuery(method, request, version, legacyV2);
            ApiRequest apiRequest = new ApiRequest(request, version, legacyV2, params, query, body, support.policy());
            result = method.handle().invokeExact(apiRequest);
        } catch (ValidationFailure invalid) {
            return Faults.response(400, invalid.getMessage());
        } catch (NovaException error) {
            // 503: a service jnova depends on (the operator's Glance) cannot be reached; not an API bug
            if (method.expectedErrors().isEmpty() || error.code() == 403 || error.code() == 401 || error.code() == 503
                    || error instanceof ValidationError || method.expectedErrors().get().contains(error.code())) {
                return Faults.response(error.code(), error.getMessage());
            }
            return unexpected(method, error);
        } catch (Error fatal) {
            throw fatal;
        } catch (Throwable other) {
            if (method.expectedErrors().isEmpty()) {
                throw other instanceof RuntimeException runtime ? runtime : new IllegalStateException(other);
            }
            return unexpected(method, other);
        }
        return success(method, result, version);
    }

    private Response unexpected(MethodDescriptor method, Throwable error) {
        LOG.error("Unexpected exception in API method {}", method.describe(), error);
        return Faults.response(500, "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ "
                + "and attach the Nova API log if possible.\n<class '" + error.getClass().getName() + "'>");
    }

    private void validateBody(MethodDescriptor method, JsonNode body, ApiVersionRequest version, boolean legacyV2) {
        if (method.requestSchema().isEmpty()) {
            return;
        }
        Optional<JsonNode> schema = method.requestSchema().get().forVersion(version, legacyV2);
        if (schema.isPresent()) {
            JsonNode instance = body.isMissingNode() ? NullNode.getInstance() : body;
            Optional<SchemaError> error = (legacyV2 ? support.relaxedValidator() : support.validator())
                    .firstError(schema.get(), schema.get(), instance);
            if (error.isPresent()) {
                throw new ValidationFailure(error.get().novaBodyMessage());
            }
        }
    }

    private Map<String, List<String>> validateQuery(MethodDescriptor method, Request request, ApiVersionRequest version,
            boolean legacyV2) {
        Map<String, List<String>> query = request.queryParams();
        if (method.querySchema().isEmpty()) {
            return query;
        }
        Optional<JsonNode> schema = method.querySchema().get().forVersion(version, legacyV2);
        if (schema.isEmpty()) {
            return query;
        }
        ObjectNode instance = JsonNodeFactory.instance.objectNode();
        query.forEach((key, values) -> {
            ArrayNode array = instance.putArray(key);
            values.forEach(array::add);
        });
        Optional<SchemaError> error = (legacyV2 ? support.relaxedValidator() : support.validator())
                .firstError(schema.get(), schema.get(), instance);
        if (error.isPresent()) {
            throw new ValidationFailure(error.get().novaQueryMessage());
        }
        JsonNode properties = schema.get().path("properties");
        List<Pattern> patterns = new ArrayList<>();
        schema.get().path("patternProperties").fieldNames().forEachRemaining(p -> patterns.add(Pattern.compile(p)));
        Map<String, List<String>> kept = new LinkedHashMap<>();
        query.forEach((key, values) -> {
            if (properties.has(key) || patterns.stream().anyMatch(p -> p.matcher(key).lookingAt())) {
                kept.put(key, List.copyOf(values));
            }
        });
        return kept;
    }

    private Response success(MethodDescriptor method, Object result, ApiVersionRequest version) {
        int status = method.successStatus(version);
        Optional<Object> body;
        List<String[]> headers = List.of();
        if (result instanceof ApiResult apiResult) {
            status = apiResult.statusOverride().orElse(status);
            body = apiResult.body();
            headers = apiResult.headers();
        } else {
            body = Optional.ofNullable(result);
        }
        Response response = new Response(status, body.map(support.json()::write).orElse(new byte[0]));
        if (status != 204) {
            response.headers().set("Content-Type", Response.JSON);
        }
        for (String[] header : headers) {
            response.headers().add(header[0], header[1]);
        }
        return response;
    }

    private static boolean supportedContentType(Request request) {
        Optional<String> header = request.headers().first("Content-Type");
        if (header.isEmpty()) {
            return true;
        }
        String type = MEDIA_TYPE_PARAMS.matcher(header.get()).replaceAll("").trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("text/plain") || type.equals("application/json")
                || type.equals("application/vnd.openstack.compute+json");
    }

    /** A schema violation: 400 with nova's message, always an expected error. */
    private static final class ValidationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValidationFailure(String message) {
            super(message, null, false, false);
        }
    }
}
