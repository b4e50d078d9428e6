package org.jnova.api.openstack.compute.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jnova.api.openstack.ApiRequest;

/**
 * nova's {@code _get_collection_links}: a "next" link when the page is full (as many items
 * as the requested limit, capped by [api] max_limit), carrying every query parameter of the
 * request sorted by name with the marker replaced by the last item's id.
 */
public final class CollectionLinks {
    private CollectionLinks() {
    }

    /** The links list (empty or one "next" link) for a page of {@code size} items. */
    public static List<Map<String, String>> next(ApiRequest req, int maxLimit, int size, Object lastId,
            String collection) {
        Map<String, String> params = rawParams(req);
        int maxItems = maxLimit;
        if (params.containsKey("limit")) {
            try {
                maxItems = Math.min(Integer.parseInt(params.get("limit").strip()), maxLimit);
            } catch (NumberFormatException e) {
                maxItems = maxLimit;
            }
        }
        if (maxItems == 0 || maxItems != size) {
            return List.of();
        }
        // sorted names, then the marker: in place when the request had one, else last (nova's OrderedDict)
        Map<String, String> ordered = new LinkedHashMap<>(params);
        ordered.put("marker", String.valueOf(lastId));
        params = ordered;
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        return List.of(Map.of("rel", "next", "href", req.applicationUrl() + "/" + collection + "?" + query));
    }

    /** webob's {@code request.params} as nova sorts them: each name once, with its last value. */
    private static Map<String, String> rawParams(ApiRequest req) {
        Map<String, String> params = new TreeMap<>();
        req.raw().queryParams().forEach((name, values) -> params.put(name, values.getLast()));
        return params;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
