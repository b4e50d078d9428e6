package org.jnova.api.openstack.compute.extensioninfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.extensions.Extension;
import org.jnova.api.openstack.extensions.ExtensionManager;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.exception.NotFound;

/**
 * {@code GET /extensions} and {@code GET /extensions/{alias}}. Mirrors
 * nova/api/openstack/compute/extension_info.py: nova's fixed list of the extensions folded
 * into 2.1 (one more through /v2), plus the extensions jnova loaded, sorted by alias.
 */
public final class ExtensionInfoController {
    public static final String POLICY = "os_compute_api:extensions";

    private final List<JsonNode> extensions;
    private final List<JsonNode> legacyExtensions;

    public ExtensionInfoController(ExtensionManager manager, ObjectMapper json) {
        Objects.requireNonNull(manager, "manager is null");
        JsonNode fixed = read(json);
        List<JsonNode> current = new ArrayList<>();
        fixed.get("extensions").forEach(current::add);
        for (Extension extension : manager.extensions()) {
            current.add(describe(extension));
        }
        List<JsonNode> legacy = new ArrayList<>(current);
        fixed.get("legacy_v2_only").forEach(legacy::add);
        Comparator<JsonNode> byAlias = Comparator.comparing(node -> node.get("alias").asText());
        current.sort(byAlias);
        legacy.sort(byAlias);
        this.extensions = List.copyOf(current);
        this.legacyExtensions = List.copyOf(legacy);
    }

    private static JsonNode read(ObjectMapper json) {
        try (InputStream in = ExtensionInfoController.class.getResourceAsStream("extension-list.json")) {
            return json.readTree(Objects.requireNonNull(in, "extension-list.json is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode describe(Extension extension) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("alias", extension.alias());
        node.put("description", extension.description());
        node.putArray("links");
        node.put("name", extension.name());
        node.put("namespace", extension.namespace());
        node.put("updated", extension.updated());
        return node;
    }

    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest request) {
        request.authorize(POLICY);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("extensions");
        (request.isLegacyV2() ? legacyExtensions : extensions).forEach(list::add);
        return body;
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest request) {
        request.authorize(POLICY);
        String alias = request.pathParam("id");
        for (JsonNode extension : request.isLegacyV2() ? legacyExtensions : extensions) {
            if (extension.get("alias").asText().equals(alias)) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.set("extension", extension);
                return body;
            }
        }
        throw new NotFound("The resource could not be found.");
    }
}
