package org.jnova.api.openstack.compute.links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jnova.api.Urls;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.context.RequestContext;

/**
 * nova's common ViewBuilder links: "self" and "bookmark" links of one item and the "next"
 * link of a paged collection, honouring {@code [api] compute_link_prefix} and a project id
 * in the request URL.
 */
public final class Links {
    private final Optional<String> computePrefix;
    private final int maxLimit;

    /**
     * @param computePrefix {@code [api] compute_link_prefix} (empty: none)
     * @param maxLimit {@code [api] max_limit}
     */
    public Links(Optional<String> computePrefix, int maxLimit) {
        this.computePrefix = java.util.Objects.requireNonNull(computePrefix, "computePrefix is null")
                .filter(p -> !p.isEmpty());
        this.maxLimit = maxLimit;
    }

    /** From {@code [api] compute_link_prefix} and {@code [api] max_limit}. */
    public static Links from(org.jnova.conf.cfg.ConfigOpts conf) {
        return new Links(Optional.ofNullable(conf.get(org.jnova.conf.ApiOpts.COMPUTE_LINK_PREFIX)),
                conf.get(org.jnova.conf.ApiOpts.MAX_LIMIT));
    }

    public int maxLimit() {
        return maxLimit;
    }

    /** nova's get_limit_and_marker limit: min(max_limit, limit), any size; 400 when not an integer &gt;= 0. */
    public int limit(ApiRequest req) {
        return QueryValues.limit(req, maxLimit);
    }

    /** [{rel: self, href}, {rel: bookmark, href}] for {@code collection/id}. */
    public List<Map<String, Object>> itemLinks(ApiRequest req, String collection, String id) {
        return List.of(link("self", href(req, collection, id)), link("bookmark", bookmark(req, collection, id)));
    }

    /** The self href: application URL, project id when in the URL, collection, id. */
    public String href(ApiRequest req, String collection, String id) {
        return join(prefixed(req.applicationUrl()), projectInUrl(req), collection, id);
    }

    /** The bookmark href: application URL without its version, project id when in the URL, collection, id. */
    public String bookmark(ApiRequest req, String collection, String id) {
        return join(prefixed(withoutVersion(req.applicationUrl())), projectInUrl(req), collection, id);
    }

    /**
     * nova's {@code _get_collection_links}: a "next" link when the page is full (the limit
     * asked for, capped at max_limit, equals the number of items). The link carries every
     * query parameter sorted by name, with {@code marker} set to the last item's id: in its
     * sorted place when the request had one, else last (nova's OrderedDict).
     */
    public List<Map<String, Object>> collectionLinks(ApiRequest req, int itemCount, String lastId, String collection) {
        Map<String, String> params = new LinkedHashMap<>(new TreeMap<>(rawParams(req)));
        int pageSize = QueryValues.pageSize(params.get("limit"), maxLimit);
        if (pageSize == 0 || pageSize != itemCount) {
            return List.of();
        }
        params.put("marker", lastId);
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        String url = join(prefixed(req.applicationUrl()), projectInUrl(req), collection, null);
        return List.of(link("next", url + "?" + query));
    }

    private static Map<String, Object> link(String rel, String href) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rel", rel);
        m.put("href", href);
        return m;
    }

    /** The request's query parameters, last value of each (as webob's dict view). */
    private static Map<String, String> rawParams(ApiRequest req) {
        Map<String, String> out = new LinkedHashMap<>();
        req.raw().queryParams().forEach((name, values) -> out.put(name, values.getLast()));
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String projectInUrl(ApiRequest req) {
        Optional<String> project = req.contextIfAny().flatMap(RequestContext::projectId);
        String path = req.raw().pathInfo();
        if (project.isPresent() && (path.startsWith("/" + project.get() + "/") || path.equals("/" + project.get()))) {
            return project.get();
        }
        return null;
    }

    private static String join(String base, String project, String collection, String id) {
        List<String> parts = new ArrayList<>();
        parts.add(Urls.stripTrailingSlashes(base));
        if (project != null) {
            parts.add(project);
        }
        parts.add(collection);
        if (id != null) {
            parts.add(id);
        }
        return String.join("/", parts);
    }

    /** nova's remove_trailing_version_from_href: http://host/compute/v2.1 -> http://host/compute. */
    static String withoutVersion(String url) {
        int slash = url.lastIndexOf('/');
        if (slash > url.indexOf("//") + 1 && url.substring(slash + 1).matches("v[0-9]+(\\.[0-9]+)?")) {
            return url.substring(0, slash);
        }
        return url;
    }

    private String prefixed(String url) {
        return Urls.withLinkPrefix(computePrefix, url);
    }
}
