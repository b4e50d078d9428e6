package org.jnova.image;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jnova.conf.GlanceClientOpts;
import org.jnova.context.RequestContext;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.exception.OverQuota;
import org.jnova.objects.Image;
import org.jnova.utils.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute side's images in the operator's Glance, over Image v2 (nova's image/glance.py
 * with glanceclient): each call carries the caller's token, so Glance decides what the caller
 * sees and may change. Glance's 404 is nova's ImageNotFound, 403 ImageNotAuthorized; a Glance
 * that cannot be reached or answers 5xx is tried again ({@code num_retries}, over the
 * {@code api_servers} in turn) and then is {@link GlanceConnectionFailed} (503).
 */
public final class GlanceClientImagesApi implements ImagesApi {
    private static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";
    /** Image v2 fields that are not custom properties. */
    private static final Set<String> BASE_FIELDS = Set.of("id", "name", "status", "min_disk", "min_ram", "size",
            "virtual_size", "owner", "visibility", "created_at", "updated_at", "checksum", "disk_format",
            "container_format", "protected", "os_hidden", "os_hash_algo", "os_hash_value", "tags", "self", "file",
            "schema", "direct_url", "locations", "stores");
    private static final int PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(GlanceClientImagesApi.class);
    private final ObjectMapper json = JsonMappers.standard();
    private final GlanceClientOpts.Settings settings;
    private final Supplier<Optional<String>> serviceToken;
    private final HttpClient http;

    /** A client that sends only the caller's token. */
    public GlanceClientImagesApi(GlanceClientOpts.Settings settings) {
        this(settings, Optional::empty);
    }

    /**
     * @param serviceToken the token of nova's service user sent as {@code X-Service-Token} beside
     *     the caller's ({@code [service_user] send_service_user_token}); empty: none is sent
     */
    public GlanceClientImagesApi(GlanceClientOpts.Settings settings, Supplier<Optional<String>> serviceToken) {
        this.settings = requireNonNull(settings, "settings is null");
        this.serviceToken = requireNonNull(serviceToken, "serviceToken is null");
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .sslContext(settings.tls().sslContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<Image> list(RequestContext ctx) {
        return allPages(ctx, "/v2/images?limit=" + PAGE);
    }

    @Override
    public Optional<Image> find(RequestContext ctx, String id) {
        String path = "/v2/images/" + encode(id);
        HttpResponse<String> reply = call(ctx, "GET", path, null, null, id);
        if (reply.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(image(readJson(reply, path)));
    }

    @Override
    public Image setProperties(RequestContext ctx, String id, Map<String, String> properties) {
        Image current = get(ctx, id);
        ArrayNode patch = json.createArrayNode();
        current.properties().keySet().stream().filter(key -> !properties.containsKey(key)).forEach(key ->
                patch.addObject().put("op", "remove").put("path", "/" + pointer(key)));
        properties.forEach((key, value) -> {
            if (!value.equals(current.properties().get(key))) {
                patch.addObject().put("op", "add").put("path", "/" + pointer(key)).put("value", value);
            }
        });
        if (patch.isEmpty()) {
            return current;
        }
        String path = "/v2/images/" + encode(id);
        return image(readJson(call(ctx, "PATCH", path, PATCH_TYPE, write(patch), id), path));
    }

    @Override
    public void delete(RequestContext ctx, String id) {
        String path = "/v2/images/" + encode(id);
        HttpResponse<String> reply = call(ctx, "DELETE", path, null, null, id);
        if (reply.statusCode() == 404) {
            throw notFound(id);
        }
    }

    /** Glance decides: its publicize_image and ownership rules answer 403, ImageNotAuthorized. */
    @Override
    public Image setVisibility(RequestContext ctx, String id, String visibility) {
        ArrayNode patch = json.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/visibility").put("value", visibility);
        String path = "/v2/images/" + encode(id);
        return image(readJson(call(ctx, "PATCH", path, PATCH_TYPE, write(patch), id), path));
    }

    /**
     * Creates the image in Glance (raw/bare, private, or shared with the server's project as a
     * member when an admin snapshots another project's server), then uploads the fake
     * driver's disk, which is empty, so Glance makes it active at once.
     */
    @Override
    public Image createSnapshot(RequestContext ctx, String serverProject, Image queued) {
        boolean own = serverProject.equals(ctx.requireProjectId());
        ObjectNode body = json.createObjectNode();
        queued.properties().forEach(body::put);
        body.put("id", queued.id());
        if (queued.name() != null) {
            body.put("name", queued.name());
        }
        body.put("min_disk", queued.minDisk()).put("min_ram", queued.minRam());
        body.put("disk_format", "raw").put("container_format", "bare");
        body.put("visibility", own ? Image.PRIVATE : Image.SHARED);
        readJson(call(ctx, "POST", "/v2/images", "application/json", write(body), queued.id()), "/v2/images");
        String path = "/v2/images/" + encode(queued.id());
        if (!own) {
            String member = write(json.createObjectNode().put("member", serverProject));
            readJson(call(ctx, "POST", path + "/members", "application/json", member, queued.id()), path);
        }
        HttpResponse<String> upload = call(ctx, "PUT", path + "/file", "application/octet-stream", "", queued.id());
        if (upload.statusCode() == 404) {
            throw notFound(queued.id());
        }
        return get(ctx, queued.id());
    }

    /**
     * Backups and other images by custom properties: Image v2 filters on them by equality; glance
     * sorts by created_at (then id) newest first.
     */
    @Override
    public List<Image> listByProperties(RequestContext ctx, Map<String, String> properties) {
        StringBuilder query = new StringBuilder("/v2/images?limit=" + PAGE + "&sort_key=created_at&sort_dir=desc");
        new TreeMap<>(properties).forEach((key, value) -> query.append('&').append(encode(key)).append('=')
                .append(encode(value)));
        return allPages(ctx, query.toString());
    }

    /** Nothing to do: {@link #createSnapshot} uploaded the fake driver's empty disk already. */
    @Override
    public void snapshotSaving(RequestContext ctx, String id) {
    }

    /** Nothing to do: the image has been active since {@link #createSnapshot}. */
    @Override
    public void snapshotUploaded(RequestContext ctx, String id, long size, Map<String, String> properties) {
    }

    /** One call with nova's retries; refusals become nova's errors, a 404 is left to the caller. */
    private HttpResponse<String> call(RequestContext ctx, String method, String path, String contentType,
            String body, String imageId) {
        int attempts = settings.numRetries() + 1;
        List<URI> servers = settings.apiServers().isEmpty() ? List.of(fromCatalog(ctx)) : settings.apiServers();
        String reason = "no api_servers";
        URI server = servers.get(0);
        for (int attempt = 0; attempt < attempts; attempt++) {
            server = servers.get(attempt % servers.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                    .timeout(settings.requestTimeout())
                    .header("Accept", "application/json")
                    .header("X-OpenStack-Request-ID", ctx.requestId())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            ctx.authToken().ifPresent(token -> request.header("X-Auth-Token", token));
            serviceToken.get().ifPresent(token -> request.header("X-Service-Token", token));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                long start = System.nanoTime();
                HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = reply.statusCode();
                if (settings.collectTiming()) {
                    LOG.info("Glance {} {}: {} in {} ms ({})", method, server + path, status,
                            (System.nanoTime() - start) / 1_000_000, ctx.requestId());
                }
                if (status >= 500) {
                    reason = "HTTP " + status;
                    continue;
                }
                refuse(reply, imageId);
                return reply;
            } catch (IOException e) {
                reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = "interrupted";
                break;
            }
        }
        throw new GlanceConnectionFailed(server.getAuthority(), reason);
    }

    /**
     * The image endpoint in the caller's service catalog (keystonemiddleware's
     * {@code X-Service-Catalog}: services with {@code type} and per-region endpoints with
     * {@code <interface>URL}), by service type, region and the first valid interface it has.
     */
    private URI fromCatalog(RequestContext ctx) {
        String wanted = settings.serviceType() + " endpoint (interfaces " + String.join(",", settings.interfaces())
                + (settings.region() == null ? "" : ", region " + settings.region()) + ")";
        JsonNode catalog;
        try {
            catalog = json.readTree(ctx.serviceCatalog().orElse("[]"));
        } catch (JsonProcessingException e) {
            throw new GlanceConnectionFailed(wanted, "the service catalog is not readable");
        }
        for (String iface : settings.interfaces()) {
            for (JsonNode service : catalog) {
                if (!settings.serviceType().equals(service.path("type").asText())) {
                    continue;
                }
                for (JsonNode endpoint : service.path("endpoints")) {
                    boolean region = settings.region() == null
                            || settings.region().equals(endpoint.path("region").asText(null));
                    String url = endpoint.path(iface + "URL").asText(null);
                    if (region && url != null) {
                        try {
                            return GlanceClientOpts.endpoint(url);
                        } catch (org.jnova.exception.ConfigError e) {
                            throw new GlanceConnectionFailed(url, "not a URL");
                        }
                    }
                }
            }
        }
        throw new GlanceConnectionFailed(wanted, "the service catalog has no such endpoint");
    }

    /** Glance's refusals as nova's exceptions (nova's _translate_image_exception). */
    private void refuse(HttpResponse<String> reply, String imageId) {
        int status = reply.statusCode();
        if (status < 400 || status == 404) {
            return;
        }
        switch (status) {
            case 401, 403 -> throw imageId == null ? new org.jnova.exception.Forbidden("Not authorized.")
                    : new ImageNotAuthorized(imageId);
            case 409 -> throw new Conflict(glanceText(reply));
            case 413 -> throw new OverQuota("Quota exceeded for resources: ['images']");
            default -> throw new Invalid(glanceText(reply));
        }
    }

    private JsonNode readJson(HttpResponse<String> reply, String path) {
        if (reply.statusCode() == 404) {
            throw new NotFound("Image not found.");
        }
        try {
            return json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new GlanceConnectionFailed(reply.uri().getAuthority(), "unreadable answer to " + path);
        }
    }

    /** An Image v2 image as the compute side's record: custom properties as text. */
    private static Image image(JsonNode node) {
        Map<String, String> properties = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!BASE_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                JsonNode value = field.getValue();
                properties.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
            }
        }
        String visibility = node.path("visibility").asText(Image.PRIVATE);
        return new Image(node.path("id").asText(), node.path("name").asText(null), node.path("status").asText(),
                node.path("min_disk").asInt(0), node.path("min_ram").asInt(0), node.path("size").asLong(0),
                properties, time(node.path("created_at")), time(node.path("updated_at")),
                node.path("owner").asText(null), Image.VISIBILITIES.contains(visibility) ? visibility : Image.PRIVATE);
    }

    private static Instant time(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }

    /** The explanation of Glance's error page (webob's JSON form, as asked for; else the page's text). */
    private String glanceText(HttpResponse<String> reply) {
        String body = reply.body() == null ? "" : reply.body();
        try {
            JsonNode page = json.readTree(body);
            if (page != null && page.path("message").isTextual()) {
                body = page.path("message").asText();
            }
        } catch (JsonProcessingException e) {
            // an HTML or text page: its text below
        }
        String text = body.split("\n\n|<br />", 2)[0].replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "HTTP " + reply.statusCode() : text;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static NotFound notFound(String id) {
        return new NotFound("Image " + id + " could not be found.");
    }

    /** Every page of an image list, following {@code next} from {@code path}. */
    private List<Image> allPages(RequestContext ctx, String path) {
        List<Image> images = new ArrayList<>();
        String next = path;
        while (next != null) {
            JsonNode page = readJson(call(ctx, "GET", next, null, null, null), next);
            for (JsonNode image : page.path("images")) {
                images.add(image(image));
            }
            String link = page.path("next").asText(null);
            next = link == null || page.path("images").isEmpty() ? null : link;
        }
        return images;
    }
}
