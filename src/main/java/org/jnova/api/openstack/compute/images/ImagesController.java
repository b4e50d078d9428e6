package org.jnova.api.openstack.compute.images;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.exception.Forbidden;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NotFound;
import org.jnova.image.ImageNotAuthorized;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
import org.jnova.utils.IsoTimes;

/**
 * The images proxy API, {@code /images} (nova's images.py), up to 2.35; from 2.36 it is
 * gone (404). Filters: name, status, changes-since, minRam, minDisk, server, type and
 * {@code property-<name>}; paging by limit/marker.
 */
public final class ImagesController {
    private static final String MAX = "2.35";
    private final ImagesApi images;
    private final ImageView view;

    public ImagesController(ImagesApi images, ImageView view) {
        this.images = requireNonNull(images, "images is null");
        this.view = requireNonNull(view, "view is null");
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        return view.list(req, query(req), false);
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(400)
    @QuerySchema("index.query")
    public Object detail(ApiRequest req) {
        return view.list(req, query(req), true);
    }

    @ApiVersion(min = "2.1", max = MAX)
    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        return Map.of("image", view.show(req, find(images, req, req.pathParam("id"))));
    }

    @ApiVersion(min = "2.1", max = MAX)
    @Response(204)
    @ExpectedErrors({403, 404})
    public void delete(ApiRequest req) {
        try {
            images.delete(req.context(), req.pathParam("id"));
        } catch (NotFound e) {
            throw new NotFound("Image not found.");
        } catch (ImageNotAuthorized e) {
            throw new Forbidden("You are not allowed to delete the image.");
        }
    }

    /** The image if the caller may see it, else nova's 404 "Image not found.". */
    public static Image find(ImagesApi images, ApiRequest req, String id) {
        return images.find(req.context(), id).orElseThrow(() -> new NotFound("Image not found."));
    }

    private List<Image> query(ApiRequest req) {
        Map<String, List<String>> q = req.raw() == null ? Map.of() : req.raw().queryParams();
        // nova's get_pagination_params: each an integer >= 0; a limit of 0 asks glance for no limit
        int limit = q.containsKey("limit") ? QueryValues.validateNonNegative(last(q, "limit"), "limit") : 0;
        for (String name : List.of("page_size", "offset")) {
            if (q.containsKey(name)) {
                QueryValues.validateNonNegative(last(q, name), name);
            }
        }
        List<Image> out = new ArrayList<>();
        Instant since = q.containsKey("changes-since") ? parseTime(last(q, "changes-since")) : null;
        for (Image image : images.list(req.context())) {
            if (matches(image, q, since)) {
                out.add(image);
            }
        }
        String marker = q.containsKey("marker") ? last(q, "marker") : null;
        if (marker != null) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).id().equals(marker)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new InvalidInput("Marker " + marker + " could not be found.");
            }
            out = new ArrayList<>(out.subList(at + 1, out.size()));
        }
        int pageSize = limit == 0 ? view.links().maxLimit() : Math.min(limit, view.links().maxLimit());
        return out.size() > pageSize ? out.subList(0, pageSize) : out;
    }

    private static boolean matches(Image image, Map<String, List<String>> q, Instant since) {
        Map<String, String> props = image.properties();
        if (q.containsKey("name") && !last(q, "name").equals(image.name())) {
            return false;
        }
        if (q.containsKey("status") && !last(q, "status").toLowerCase(Locale.ROOT).equals(image.status())) {
            return false;
        }
        if (since != null && (image.updatedAt() == null || image.updatedAt().isBefore(since))) {
            return false;
        }
        if (q.containsKey("minRam") && image.minRam() < intValue(q, "minRam")) {
            return false;
        }
        if (q.containsKey("minDisk") && image.minDisk() < intValue(q, "minDisk")) {
            return false;
        }
        if (q.containsKey("server")) {
            String server = last(q, "server");
            String uuid = server.substring(server.lastIndexOf('/') + 1);
            if (!uuid.equals(props.get("instance_uuid"))) {
                return false;
            }
        }
        if (q.containsKey("type") && !last(q, "type").equals(props.get("image_type"))) {
            return false;
        }
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            if (e.getKey().startsWith("property-")) {
                String want = e.getValue().get(e.getValue().size() - 1);
                if (!want.equals(props.get(e.getKey().substring("property-".length())))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long intValue(Map<String, List<String>> q, String name) {
        String v = last(q, name);
        return QueryValues.saturatedLong(QueryValues.pythonInt(v)
                .orElseThrow(() -> new InvalidInput("Invalid " + name + " filter [" + v + "]")));
    }

    private static Instant parseTime(String text) {
        return IsoTimes.parseIso(text).orElseThrow(() -> new InvalidInput("Invalid changes-since value"));
    }

    private static String last(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        return values.get(values.size() - 1);
    }

}
