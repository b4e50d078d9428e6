package org.jnova.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of nova's OpenAPI description: method, path template, query parameters
 * with their schemas and the request body's schema, with {@code $ref}s resolved on demand.
 */
final class ApiOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");

    /**
     * One operation; {@code body} is null when the description has no request body. An action
     * resource ({@code POST .../action}) is one operation per action, named by {@code action}.
     */
    record Operation(String method, String template, Map<String, JsonNode> query, JsonNode body, String action) {
        /** The path parameters in order, e.g. [server_id, id]. */
        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            int i = 0;
            while ((i = template.indexOf('{', i)) >= 0) {
                int end = template.indexOf('}', i);
                names.add(template.substring(i + 1, end));
                i = end;
            }
            return names;
        }

        String label() {
            return method + " " + template + (action == null ? "" : " " + action);
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private ApiOperations(JsonNode document) {
        this.document = document;
        this.operations = read(document);
    }

    static ApiOperations load(Path file) {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            return new ApiOperations(new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** How many operations the description has (an action resource counts once). */
    long distinctOperations() {
        return operations.stream().map(o -> o.method() + " " + o.template()).distinct().count();
    }

    /** The operation's own entry in the description (its x-openstack, responses...). */
    JsonNode node(Operation op) {
        return document.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT));
    }

    /** The schema a {@code $ref} names, or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private List<Operation> read(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<String, JsonNode> query = new LinkedHashMap<>();
                List<JsonNode> parameters = new ArrayList<>(shared);
                op.getValue().path("parameters").forEach(parameters::add);
                for (JsonNode p : parameters) {
                    JsonNode parameter = resolve(p);
                    if ("query".equals(parameter.path("in").asText())) {
                        query.put(parameter.path("name").asText(), resolve(parameter.path("schema")));
                    }
                }
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                String method = op.getKey().toUpperCase(Locale.ROOT);
                JsonNode resolved = body.isMissingNode() ? null : resolve(body);
                if (resolved != null && "action".equals(resolved.path("x-openstack").path("discriminator").asText())) {
                    // one target per action, so that every action gets its share of the requests
                    for (JsonNode action : resolved.path("oneOf")) {
                        JsonNode schema = resolve(action);
                        out.add(new Operation(method, path.getKey(), query, schema,
                                schema.path("x-openstack").path("action-name").asText(null)));
                    }
                } else {
                    out.add(new Operation(method, path.getKey(), query, resolved, null));
                }
            }
        }
        return List.copyOf(out);
    }
}
