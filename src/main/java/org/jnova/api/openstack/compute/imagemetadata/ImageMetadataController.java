package org.jnova.api.openstack.compute.imagemetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.images.ImagesController;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.Handles;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.Quotas;
import org.jnova.exception.Forbidden;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NotFound;
import org.jnova.image.ImagesApi;

/**
 * {@code /images/{image_id}/metadata[/{id}]}: nova's image_metadata.py, up to 2.38. The
 * number of properties counts toward the project's metadata_items quota.
 */
public final class ImageMetadataController {
    private static final String MAX = "2.38";
    private final ImagesApi images;
    private final Quotas quotas;

    public ImageMetadataController(ImagesApi images, Quotas quotas) {
        this.images = requireNonNull(images, "images is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({403, 404})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        return Map.of("metadata", properties(req));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({403, 404})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        String key = req.pathParam("id");
        String value = properties(req).get(key);
        if (value == null) {
            throw new NotFound("The resource could not be found.");
        }
        return Map.of("meta", Map.of(key, value));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        Map<String, String> props = properties(req);
        req.body().get("metadata").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        checkQuota(req, props);
        return Map.of("metadata", save(req, props));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        String key = req.pathParam("id");
        JsonNode meta = req.body().get("meta");
        if (!meta.has(key)) {
            throw new InvalidInput("Request body and URI mismatch");
        }
        Map<String, String> props = properties(req);
        props.put(key, meta.get(key).asText());
        checkQuota(req, props);
        save(req, props);
        return req.body();
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors({400, 403, 404})
    @RequestSchema("update_all")
    @Handles("update_all")
    public Object updateAll(ApiRequest req) {
        properties(req);
        Map<String, String> props = new LinkedHashMap<>();
        req.body().get("metadata").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        checkQuota(req, props);
        save(req, props);
        return req.body();
    }

    @ApiVersion(min = "2.1", max = MAX)
    @Response(204)
    @ExpectedErrors({403, 404})
    public void delete(ApiRequest req) {
        Map<String, String> props = properties(req);
        if (props.remove(req.pathParam("id")) == null) {
            throw new NotFound("Invalid metadata key");
        }
        save(req, props);
    }

    private Map<String, String> properties(ApiRequest req) {
        return new LinkedHashMap<>(ImagesController.find(images, req, req.pathParam("image_id")).properties());
    }

    private Map<String, String> save(ApiRequest req, Map<String, String> props) {
        try {
            return new LinkedHashMap<>(images.setProperties(req.context(), req.pathParam("image_id"), props)
                    .properties());
        } catch (NotFound e) {
            throw new NotFound("Image not found.");
        }
    }

    private void checkQuota(ApiRequest req, Map<String, String> props) {
        if (props.isEmpty()) {
            return;
        }
        int limit = quotas.limits(req.context().requireProjectId(), null).getOrDefault("metadata_items", -1);
        if (limit >= 0 && props.size() > limit) {
            throw new Forbidden("Image metadata limit exceeded");
        }
    }
}
