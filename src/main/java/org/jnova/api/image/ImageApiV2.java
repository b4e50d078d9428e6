package org.jnova.api.image;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jnova.api.RequestAttributes;
import org.jnova.context.RequestContext;
import org.jnova.exception.ValidationError;
import org.jnova.image.GlanceError;
import org.jnova.image.GlanceImagesApi;
import org.jnova.image.ImageMembersApi;
import org.jnova.image.ImagePatch;
import org.jnova.image.ImageQuery;
import org.jnova.objects.GlanceImage;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.jnova.wsgi.WebobErrorPage;

/**
 * glance's Image v2 router below {@code /v2} (paste: {@code glance.api.v2.router:API.factory}):
 * images, their data and the schemas. Errors are webob's pages with glance's explanations.
 */
public final class ImageApiV2 implements App {
    public static final String PASTE_FACTORY = "glance.api.v2.router:API.factory";
    static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";
    private static final List<String> PATCH_OPERATIONS = List.of("add", "remove", "replace");
    /** glance's enabled_import_methods: the ones jnova implements. */
    private static final List<String> IMPORT_METHODS = List.of("glance-direct");
    private static final Pattern DATA_PATH = Pattern.compile("(.*)?/v2/images/[^/]+/(file|stage)/*");
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 403, "Forbidden", 404,
            "Not Found", 405, "Method Not Allowed", 409, "Conflict", 410, "Gone", 413, "Request Entity Too Large",
            415, "Unsupported Media Type", 416, "Requested Range Not Satisfiable");

    private final GlanceImagesApi images;
    private final ImageMembersResource members;
    private final ImageSchemas schemas = new ImageSchemas();
    private final int limitDefault;
    private final int limitMax;

    public ImageApiV2(GlanceImagesApi images, ImageMembersApi members, int limitDefault, int limitMax) {
        this.images = requireNonNull(images, "images is null");
        this.members = new ImageMembersResource(requireNonNull(members, "members is null"));
        this.limitDefault = limitDefault;
        this.limitMax = limitMax;
    }

    @Override
    public Response handle(Request request) throws Exception {
        try {
            return route(request);
        } catch (GlanceError e) {
            return error(request, e.status(), e.getMessage());
        } catch (ValidationError e) {
            // a value the database refuses to store (a NUL in a filter on PostgreSQL)
            return error(request, 400, e.getMessage());
        } catch (MethodNotAllowed e) {
            Response response = error(request, 405, "The method specified is not allowed for this resource.");
            response.headers().set("Allow", e.allow);
            return response;
        }
    }

    private Response route(Request request) throws Exception {
        String[] parts = request.pathInfo().replaceAll("/+$", "").split("/");
        String method = request.method();
        if (parts.length == 3 && parts[1].equals("schemas") && schemas.named(parts[2]) != null) {
            requireMethod(method, "GET");
            return json(200, schemas.named(parts[2]));
        }
        if (parts.length == 3 && parts[1].equals("info")
                && (parts[2].equals("import") || parts[2].equals("stores"))) {
            requireMethod(method, "GET");
            if (parts[2].equals("stores")) {
                throw new GlanceError(404, "Multi backend is not supported at this site.");
            }
            ObjectNode body = ImageView.JSON.createObjectNode();
            ObjectNode methods = body.putObject("import-methods");
            methods.put("description", "Import methods available.");
            methods.put("type", "array");
            ArrayNode value = methods.putArray("value");
            IMPORT_METHODS.forEach(value::add);
            return json(200, body);
        }
        if (parts.length < 2 || !parts[1].equals("images")) {
            throw new GlanceError(404, "The resource could not be found.");
        }
        RequestContext ctx = request.<RequestContext>attribute(RequestAttributes.CONTEXT)
                .orElseThrow(() -> new GlanceError(403, "You are not authorized to complete this action."));
        if (parts.length == 2) {
            return switch (requireMethod(method, "GET", "POST")) {
                case "GET" -> list(request, ctx);
                default -> create(request, ctx);
            };
        }
        String id = parts[2];
        if (parts.length == 3) {
            return switch (requireMethod(method, "GET", "PATCH", "DELETE")) {
                case "GET" -> json(200, ImageView.image(images.get(ctx, id)));
                case "PATCH" -> update(request, ctx, id);
                default -> {
                    images.delete(ctx, id);
                    yield Response.empty(204);
                }
            };
        }
        if (parts.length == 4 && parts[3].equals("file")) {
            return switch (requireMethod(method, "GET", "PUT")) {
                case "GET" -> download(request, ctx, id);
                default -> upload(request, ctx, id);
            };
        }
        if (parts.length == 4 && parts[3].equals("stage")) {
            requireMethod(method, "PUT");
            requireOctetStream(request);
            images.stage(ctx, id, request.bodyStream(), declaredSize(request));
            return Response.empty(204);
        }
        if (parts.length == 4 && parts[3].equals("import")) {
            requireMethod(method, "POST");
            JsonNode body = readJson(request);
            checkImportBody(body);
            images.importStaged(ctx, id, body.path("all_stores_must_succeed").asBoolean(true));
            return Response.empty(202);
        }
        if (parts.length == 5 && parts[3].equals("actions")
                && (parts[4].equals("deactivate") || parts[4].equals("reactivate"))) {
            requireMethod(method, "POST");
            if (parts[4].equals("deactivate")) {
                images.deactivate(ctx, id);
            } else {
                images.reactivate(ctx, id);
            }
            return Response.empty(204);
        }
        if (parts.length >= 4 && parts.length <= 5 && parts[3].equals("members")) {
            return members.handle(request, ctx, id, parts.length == 5 ? parts[4] : null);
        }
        if (parts.length == 5 && parts[3].equals("tags")) {
            String tag = parts[4];
            if (requireMethod(method, "PUT", "DELETE").equals("PUT")) {
                images.addTag(ctx, id, tag);
            } else {
                images.removeTag(ctx, id, tag);
            }
            return Response.empty(204);
        }
        throw new GlanceError(404, "The resource could not be found.");
    }

    private Response list(Request request, RequestContext ctx) {
        ImageQuery query = ImageListQuery.parse(request.queryParams(), limitDefault, limitMax);
        GlanceImagesApi.Page page = images.list(ctx, query);
        ObjectNode body = ImageView.JSON.createObjectNode();
        ArrayNode list = body.putArray("images");
        page.images().forEach(g -> list.add(ImageView.image(g)));
        String rest = ImageListQuery.withoutMarker(request.queryString());
        body.put("first", "/v2/images" + (rest.isEmpty() ? "" : "?" + rest));
        body.put("schema", "/v2/schemas/images");
        page.nextMarker().ifPresent(marker -> body.put("next", "/v2/images?" + (rest.isEmpty() ? "" : rest + "&")
                + "marker=" + marker));
        return json(200, body);
    }

    private Response create(Request request, RequestContext ctx) {
        Map<String, Object> body = readObject(request);
        GlanceImage image = images.create(ctx, body);
        Response response = json(201, ImageView.image(image));
        response.headers().set("Location", request.applicationUrl().replaceAll("/+$", "") + "/v2/images/"
                + image.id());
        response.headers().set("OpenStack-image-import-methods", String.join(",", IMPORT_METHODS));
        return response;
    }

    /** The 2.1 patch form ({@code {"op": "add", "path": ...}}, JSON Patch's draft 10). */
    private static String draft10Operation(JsonNode op) {
        String name = op.path("op").asText(null);
        if (name == null || !op.path("op").isTextual()) {
            throw new GlanceError(400, "Unable to find `op` in JSON Schema change. It must be one of the "
                    + "following: add, remove, replace.");
        }
        return name;
    }

    /** The 2.0 patch form ({@code {"add": path}}, draft 4): exactly one of add, remove, replace names the path. */
    private static String draft4Operation(JsonNode op) {
        List<String> named = PATCH_OPERATIONS.stream().filter(op::has).toList();
        if (named.size() > 1) {
            throw new GlanceError(400, "Operation objects must contain only one member named \"add\", \"remove\", "
                    + "or \"replace\".");
        }
        if (named.isEmpty()) {
            throw new GlanceError(400, "Operation objects must contain exactly one member named \"add\", "
                    + "\"remove\", or \"replace\".");
        }
        return named.get(0);
    }

    private Response update(Request request, RequestContext ctx, String id) {
        String type = request.headers().first("Content-Type").orElse("").split(";")[0].strip();
        if (!type.equals(PATCH_TYPE) && !type.equals("application/openstack-images-v2.0-json-patch")) {
            Response response = error(request, 415, "The server could not comply with the request since it is "
                    + "either malformed or otherwise incorrect.");
            response.headers().set("Accept-Patch", "application/openstack-images-v2.0-json-patch, " + PATCH_TYPE);
            return response;
        }
        JsonNode body = readJson(request);
        if (!body.isArray()) {
            throw new GlanceError(400, "Request body must be a JSON array of operation objects.");
        }
        boolean draft4 = !type.equals(PATCH_TYPE);
        List<ImagePatch.Change> changes = new ArrayList<>();
        for (JsonNode op : body) {
            if (!op.isObject()) {
                throw new GlanceError(400, "Operations must be JSON objects.");
            }
            String name = draft4 ? draft4Operation(op) : draft10Operation(op);
            JsonNode path = draft4 ? op.get(name) : op.path("path");
            if (!path.isTextual()) {
                throw new GlanceError(400, "Unable to find 'path' in JSON Schema change");
            }
            if (!"remove".equals(name) && !op.has("value")) {
                throw new GlanceError(400, "Operation objects must contain exactly one member named \"add\", "
                        + "\"remove\", or \"replace\".");
            }
            Object value = op.has("value") ? ImageView.JSON.convertValue(op.get("value"), Object.class) : null;
            changes.add(new ImagePatch.Change(name, path.asText(), value));
        }
        return json(200, ImageView.image(images.update(ctx, id, changes)));
    }

    private Response upload(Request request, RequestContext ctx, String id) throws Exception {
        requireOctetStream(request);
        images.upload(ctx, id, request.bodyStream(), declaredSize(request));
        return Response.empty(204);
    }

    private static void requireOctetStream(Request request) {
        String type = request.headers().first("Content-Type").orElse("application/octet-stream").split(";")[0]
                .strip();
        if (!type.equals("application/octet-stream")) {
            throw new GlanceError(415, "Content type '" + type + "' is not supported for image data upload.");
        }
    }

    /** glance's import body checks: a method with a name it offers; boolean store flags. */
    private static void checkImportBody(JsonNode body) {
        JsonNode method = body.isObject() ? body.get("method") : null;
        if (method == null) {
            throw new GlanceError(400, "Import request requires a 'method' field.");
        }
        JsonNode name = method.isObject() ? method.get("name") : null;
        if (name == null) {
            throw new GlanceError(400, "Import request requires a 'name' field.");
        }
        if (!name.isTextual() || !IMPORT_METHODS.contains(name.asText())) {
            throw new GlanceError(400, "Unknown import method name '" + name.asText() + "'.");
        }
        JsonNode mustSucceed = body.get("all_stores_must_succeed");
        if (mustSucceed != null && !mustSucceed.isBoolean()) {
            throw new GlanceError(400, "'all_stores_must_succeed' must be boolean value only");
        }
        JsonNode allStores = body.get("all_stores");
        if (allStores != null && !allStores.isBoolean()) {
            throw new GlanceError(400, "'all_stores' must be boolean value only");
        }
    }

    /** glance's image size of an upload: {@code x-openstack-image-size}, else the Content-Length. */
    private static long declaredSize(Request request) {
        Optional<String> size = request.headers().first("x-openstack-image-size");
        try {
            if (size.isPresent()) {
                return Long.parseLong(size.get().strip());
            }
            return request.headers().first("Content-Length").map(String::strip).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            throw new GlanceError(400, "Invalid or missing image size in request headers.");
        }
    }

    /** The image's data, whole or the one byte range asked for (glance's Range support: 206, 416). */
    private Response download(Request request, RequestContext ctx, String id) throws Exception {
        GlanceImage image = images.get(ctx, id);
        Optional<Path> data = images.data(ctx, id);
        if (data.isEmpty()) {
            return Response.empty(204);
        }
        Path file = data.get();
        long size = Files.size(file);
        long offset = 0;
        long length = size;
        String contentRange = null;
        Optional<String> range = request.headers().first("Range");
        Optional<String> askedContentRange = request.headers().first("Content-Range");
        if (range.isPresent() || askedContentRange.isPresent()) {
            ByteRange asked = range.isPresent() ? ByteRange.parse(range.get(), size)
                    : ByteRange.parseContentRange(askedContentRange.get(), size);
            offset = asked.offset();
            length = asked.length();
            contentRange = "bytes " + offset + "-" + (offset + length - 1) + "/" + size;
        }
        long start = offset;
        long count = length;
        Response response = Response.streamed(contentRange == null ? 200 : 206, length, out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(start);
                byte[] buffer = new byte[65536];
                long left = count;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new java.io.EOFException("image data ended early");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        });
        response.headers().set("Content-Type", "application/octet-stream");
        if (contentRange != null) {
            response.headers().set("Content-Range", contentRange);
        }
        if (image.checksum() != null) {
            response.headers().set("Content-MD5", image.checksum());
        }
        response.headers().set("Content-Length", Long.toString(length));
        return response;
    }

    /** Whether a request's body is image data the app streams (uploads and staging). */
    public static boolean streamsBody(String method, String path) {
        return "PUT".equals(method) && DATA_PATH.matcher(path).matches();
    }

    static String requireMethod(String method, String... allowed) {
        for (String m : allowed) {
            if (m.equals(method)) {
                return m;
            }
        }
        throw new MethodNotAllowed(String.join(", ", allowed));
    }

    private static Map<String, Object> readObject(Request request) {
        JsonNode node = readJson(request);
        if (!node.isObject()) {
            throw new GlanceError(400, "Malformed JSON in request body.");
        }
        return ImageView.JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    static JsonNode readJson(Request request) {
        if (request.body().length == 0) {
            throw new GlanceError(400, "Body expected in request.");
        }
        JsonNode body;
        try {
            body = ImageView.JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new GlanceError(400, "Malformed JSON in request body.");
        } catch (java.io.IOException e) {
            throw new GlanceError(400, "Malformed JSON in request body.");
        }
        if (holdsNul(body)) {
            // not every database can store U+0000 (PostgreSQL cannot): refused on all of them alike
            throw new GlanceError(400, "A string cannot contain NUL (0x00) characters.");
        }
        return body;
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().indexOf('\0') >= 0 || holdsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Response json(int status, JsonNode body) {
        try {
            return Response.json(status, ImageView.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response error(Request request, int status, String explanation) {
        return WebobErrorPage.response(request, status, TITLES.getOrDefault(status, "Error"), explanation, "");
    }

    /** webob's 405 with the methods a path takes. */
    private static final class MethodNotAllowed extends RuntimeException {
        private final String allow;

        MethodNotAllowed(String allow) {
            super("method not allowed");
            this.allow = allow;
        }
    }
}
