package org.jnova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.validation.SchemaDialect;
import org.jnova.api.openstack.validation.SchemaError;
import org.jnova.api.openstack.validation.SchemaRegistry;
import org.jnova.api.openstack.validation.SchemaValidator;
import org.jnova.wsgi.Response;

/**
 * Checks API responses against nova's OpenAPI description
 * ({@code ../shared/reference/compute-openapi-v2.104.yaml}), read once per test JVM. Every API
 * test calls it on the responses it gets:
 *
 * <pre>{@code
 * OpenApiConformance.get().assertConforms("GET", "/v2.1/flavors/{flavor_id}", "2.61", response);
 * }</pre>
 *
 * <p>It finds the operation for method and path template, checks it exists at the
 * microversion, picks the response schema variants valid at that version ({@code x-openstack}
 * min-ver/max-ver; a variant whose max is below its min is open-ended), and validates the
 * body, reporting every violation. Allowances for the file's known errata: link arrays
 * ({@code prefixItems}) compare as sets; a success body is judged by whichever 2xx response
 * of the operation has a schema; formats are not checked (so a {@code oneOf} that two
 * alternatives match only because of a format passes). Error bodies must be nova faults.
 */
public final class OpenApiConformance {
    public static final Path DEFAULT_FILE = Path.of("..", "shared", "reference", "compute-openapi-v2.104.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaValidator validator;

    public OpenApiConformance(Path file) {
        try {
            org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            this.document = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build())
                    .readTree(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        this.validator = new SchemaValidator(new SchemaRegistry(Map.of()), SchemaDialect.OPENAPI, false);
    }

    /** The shared instance over {@link #DEFAULT_FILE}, loaded on first use. */
    public static OpenApiConformance get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final OpenApiConformance INSTANCE = new OpenApiConformance(DEFAULT_FILE);
    }

    /** Fails with a readable list of violations unless the response conforms. */
    public void assertConforms(String method, String pathTemplate, String version, Response response) {
        JsonNode body;
        try {
            body = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathTemplate + ": response body is not JSON: " + response.bodyText());
        }
        assertConforms(method, pathTemplate, response.status(), version, body);
    }

    /** @param body null for an empty body */
    public void assertConforms(String method, String pathTemplate, int status, String version, JsonNode body) {
        List<String> violations = violations(method, pathTemplate, status, version, body);
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + pathTemplate + " -> " + status + " at " + version
                    + " does not conform to the OpenAPI description:\n  - " + String.join("\n  - ", violations)
                    + "\nbody: " + body);
        }
    }

    /** Every violation; empty when the response conforms. */
    public List<String> violations(String method, String pathTemplate, int status, String version, JsonNode body) {
        ApiVersionRequest requested = ApiVersionRequest.parse(version);
        JsonNode operation = findPath(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of("the OpenAPI file has no operation " + method + " " + pathTemplate);
        }
        if (!inRange(operation.path("x-openstack"), requested)) {
            return List.of("operation " + method + " " + pathTemplate + " does not exist at " + version + " ("
                    + operation.path("x-openstack") + ")");
        }
        if (status >= 400) {
            return faultViolations(status, body);
        }
        if (status == 204) {
            return body == null ? List.of() : List.of("a 204 response must not have a body");
        }
        Optional<JsonNode> schema = successSchema(operation, status);
        if (schema.isEmpty()) {
            return body == null ? List.of() : List.of("the operation documents no body for " + status + " but got one");
        }
        if (body == null) {
            if (noVariantAt(resolve(schema.get()), requested)) {
                // the body's variants all end before this version (volume attach from 2.101)
                return List.of();
            }
            return List.of("the operation documents a body for " + status + " but the response has none");
        }
        return validateVariants(resolve(schema.get()), requested, body);
    }

    /**
     * The path item for a template, whatever its variables are called ({@code /v2.1/flavors/{flavor_id}}
     * finds {@code /v2.1/flavors/{id}}), or for a concrete path ({@code /v2.1/flavors/1}), literal
     * segments winning over variables as in nova's route order.
     */
    private JsonNode findPath(String path) {
        JsonNode paths = document.path("paths");
        if (paths.has(path)) {
            return paths.get(path);
        }
        String[] wanted = path.split("/", -1);
        JsonNode best = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        int bestLiterals = -1;
        Iterator<Map.Entry<String, JsonNode>> entries = paths.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String[] candidate = entry.getKey().split("/", -1);
            if (candidate.length != wanted.length) {
                continue;
            }
            int literals = 0;
            boolean fits = true;
            for (int i = 0; i < candidate.length && fits; i++) {
                boolean candidateVariable = candidate[i].startsWith("{");
                boolean wantedVariable = wanted[i].startsWith("{");
                if (candidate[i].equals(wanted[i]) && !candidateVariable) {
                    literals++;
                } else if (!candidateVariable || (!wantedVariable && wanted[i].isEmpty())) {
                    fits = false;
                }
            }
            if (fits && literals > bestLiterals) {
                best = entry.getValue();
                bestLiterals = literals;
            }
        }
        return best;
    }

    private Optional<JsonNode> successSchema(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        JsonNode own = responses.path(Integer.toString(status)).path("content").path("application/json").path("schema");
        if (!own.isMissingNode()) {
            return Optional.of(own);
        }
        if (responses.has(Integer.toString(status)) && responses.path(Integer.toString(status)).path("content")
                .isMissingNode()) {
            // documented without a body (e.g. 202 of most server actions)
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> all = responses.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> entry = all.next();
            JsonNode schema = entry.getValue().path("content").path("application/json").path("schema");
            if (entry.getKey().startsWith("2") && !schema.isMissingNode()) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    private boolean noVariantAt(JsonNode schema, ApiVersionRequest version) {
        if (!schema.has("oneOf") || !isVersionedChoice(schema.get("oneOf"))) {
            return false;
        }
        for (JsonNode variant : schema.get("oneOf")) {
            if (inRange(resolve(variant).path("x-openstack"), version)) {
                return false;
            }
        }
        return true;
    }

    private List<String> validateVariants(JsonNode schema, ApiVersionRequest version, JsonNode body) {
        List<JsonNode> variants = new ArrayList<>();
        if (schema.has("oneOf") && isVersionedChoice(schema.get("oneOf"))) {
            for (JsonNode variant : schema.get("oneOf")) {
                JsonNode resolved = resolve(variant);
                if (inRange(resolved.path("x-openstack"), version)) {
                    variants.add(resolved);
                }
            }
            if (variants.isEmpty()) {
                return List.of("no response schema variant is valid at " + version);
            }
        } else if (schema.has("oneOf")) {
            schema.get("oneOf").forEach(variant -> variants.add(resolve(variant)));
        } else {
            if (!inRange(schema.path("x-openstack"), version)) {
                return List.of("the response schema is not valid at " + version + " (" + schema.path("x-openstack") + ")");
            }
            variants.add(schema);
        }
        List<String> best = null;
        for (JsonNode variant : variants) {
            List<String> problems = new ArrayList<>();
            for (SchemaError error : validator.errors(document, variant, body)) {
                // with formats unchecked, a oneOf of a formatted string and a constant matches twice
                error.explain().stream().filter(p -> !p.contains(" is valid under each of ")).forEach(problems::add);
            }
            if (problems.isEmpty()) {
                return List.of();
            }
            if (best == null || problems.size() < best.size()) {
                best = problems;
            }
        }
        return best;
    }

    private boolean isVersionedChoice(JsonNode branches) {
        for (JsonNode branch : branches) {
            if (resolve(branch).has("x-openstack")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref") && current.size() == 1) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(ref.indexOf('#') + 1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
        }
        return current;
    }

    /** min-ver <= version <= max-ver, where a max-ver below min-ver (an erratum) means no maximum. */
    private static boolean inRange(JsonNode openstack, ApiVersionRequest version) {
        if (openstack.isMissingNode()) {
            return true;
        }
        ApiVersionRequest min = openstack.has("min-ver") ? ApiVersionRequest.parse(openstack.get("min-ver").asText())
                : ApiVersionRequest.NULL;
        ApiVersionRequest max = openstack.has("max-ver") ? ApiVersionRequest.parse(openstack.get("max-ver").asText())
                : ApiVersionRequest.NULL;
        if (!max.isNull() && max.compareTo(min) < 0) {
            max = ApiVersionRequest.NULL;
        }
        return (min.isNull() || version.compareTo(min) >= 0) && (max.isNull() || version.compareTo(max) <= 0);
    }

    private static List<String> faultViolations(int status, JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 1) {
            return List.of("an error response must be a nova fault {\"<name>\": {\"code\", \"message\"}}, got " + body);
        }
        JsonNode fault = body.elements().next();
        List<String> problems = new ArrayList<>();
        if (fault.path("code").asInt(-1) != status) {
            problems.add("fault code " + fault.path("code") + " is not the status " + status);
        }
        if (!fault.path("message").isTextual()) {
            problems.add("fault has no message");
        }
        return problems;
    }
}
