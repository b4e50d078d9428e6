package org.jnova.api.openstack.compute.versions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.Urls;
import org.jnova.api.openstack.ApiVersionRequest;

/**
 * The version documents of the Compute API, nova's {@code compute/versions.py} data and
 * {@code views/versions.py} builder: the list at {@code /}, one version at {@code /v2.1/} or
 * {@code /v2/}, and the 300 choices. Links start at the request's application URL, or at
 * {@code [api] compute_link_prefix} when set.
 */
public final class VersionsView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DOCS = "http://docs.openstack.org/";

    private final ApiVersionRequest min;
    private final ApiVersionRequest max;
    private final Optional<String> linkPrefix;

    public VersionsView(ApiVersionRequest min, ApiVersionRequest max, Optional<String> linkPrefix) {
        this.min = Objects.requireNonNull(min, "min is null");
        this.max = Objects.requireNonNull(max, "max is null");
        this.linkPrefix = Objects.requireNonNull(linkPrefix, "linkPrefix is null").filter(p -> !p.isEmpty());
    }

    /** "v2.0" or "v2.1". */
    public static boolean isKnown(String id) {
        return id.equals("v2.0") || id.equals("v2.1");
    }

    /** {"versions": [...]} for GET /. */
    public ObjectNode versions(String baseUrl) {
        String prefix = prefixed(baseUrl);
        ArrayNode list = NODES.arrayNode();
        for (String id : new String[] {"v2.0", "v2.1"}) {
            ArrayNode links = summary(list.addObject(), id).putArray("links");
            links.addObject().put("rel", "self").put("href", urlJoin(prefix, hrefVersion(id), ""));
        }
        ObjectNode document = NODES.objectNode();
        document.set("versions", list);
        return document;
    }

    /** {"version": {...}} for the API mounted at {@code applicationUrl}. */
    public ObjectNode version(String id, String applicationUrl) {
        ObjectNode version = summary(NODES.objectNode(), id);
        ArrayNode links = version.putArray("links");
        links.addObject().put("rel", "self").put("href", Urls.stripTrailingSlashes(prefixed(applicationUrl)) + "/");
        links.addObject().put("rel", "describedby").put("type", "text/html").put("href", DOCS);
        ArrayNode mediaTypes = version.putArray("media-types");
        mediaTypes.addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=" + (id.equals("v2.1") ? "2.1" : "2"));
        ObjectNode document = NODES.objectNode();
        document.set("version", version);
        return document;
    }

    /** The id, status, version range and date every version body starts with. */
    private ObjectNode summary(ObjectNode version, String id) {
        version.put("id", id);
        version.put("status", status(id));
        version.put("version", id.equals("v2.1") ? max.toString() : "");
        version.put("min_version", id.equals("v2.1") ? min.toString() : "");
        version.put("updated", updated(id));
        return version;
    }

    /** {"choices": [...]} (300) for a path under / that no API serves. */
    public ObjectNode choices(String baseUrl, String path) {
        String prefix = prefixed(baseUrl);
        ArrayNode list = NODES.arrayNode();
        for (String id : new String[] {"v2.0", "v2.1"}) {
            ObjectNode choice = list.addObject();
            choice.put("id", id);
            choice.put("status", status(id));
            choice.putArray("links").addObject().put("rel", "self").put("href", urlJoin(prefix, hrefVersion(id), path));
            choice.putArray("media-types").addObject().put("base", "application/json")
                    .put("type", "application/vnd.openstack.compute+json;version=" + (id.equals("v2.1") ? "2.1" : "2"));
        }
        ObjectNode document = NODES.objectNode();
        document.set("choices", list);
        return document;
    }

    private static String status(String id) {
        return id.equals("v2.1") ? "CURRENT" : "SUPPORTED";
    }

    private static String updated(String id) {
        return id.equals("v2.1") ? "2013-07-23T11:33:21Z" : "2011-01-21T11:33:21Z";
    }

    private static String hrefVersion(String id) {
        return id.startsWith("v2.1") ? "v2.1" : "v2";
    }

    /** nova's common.url_join: parts stripped of '/', joined by '/', trailing '/' if the last is empty. */
    static String urlJoin(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(out.isEmpty() ? "" : "/").append(strip(part));
        }
        if (parts[parts.length - 1].isEmpty()) {
            out.append('/');
        }
        return out.toString();
    }

    private static String strip(String part) {
        int start = 0;
        int end = part.length();
        while (start < end && part.charAt(start) == '/') {
            start++;
        }
        while (end > start && part.charAt(end - 1) == '/') {
            end--;
        }
        return part.substring(start, end);
    }

    private String prefixed(String url) {
        return Urls.withLinkPrefix(linkPrefix, url);
    }
}
