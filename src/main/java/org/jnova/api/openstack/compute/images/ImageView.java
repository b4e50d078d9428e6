package org.jnova.api.openstack.compute.images;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.Urls;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.objects.Image;
import org.jnova.utils.BoolFromString;

/** nova's images ViewBuilder: brief and detailed image bodies with self, bookmark and glance links. */
public final class ImageView {
    private static final String COLLECTION = "images";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATUS = Map.of("active", "ACTIVE", "queued", "SAVING", "saving",
            "SAVING", "deleted", "DELETED", "pending_delete", "DELETED", "killed", "ERROR");
    private static final Map<String, Integer> PROGRESS = Map.of("queued", 25, "saving", 50, "active", 100);

    private final Links links;
    private final Optional<String> glancePrefix;

    /** @param glancePrefix {@code [api] glance_link_prefix} (empty: none) */
    public ImageView(Links links, Optional<String> glancePrefix) {
        this.links = java.util.Objects.requireNonNull(links, "links is null");
        this.glancePrefix = java.util.Objects.requireNonNull(glancePrefix, "glancePrefix is null")
                .filter(p -> !p.isEmpty());
    }

    public Links links() {
        return links;
    }

    public Map<String, Object> basic(ApiRequest req, Image image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", image.id());
        m.put("name", image.name());
        m.put("links", imageLinks(req, image.id()));
        return m;
    }

    public Map<String, Object> show(ApiRequest req, Image image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", image.id());
        m.put("name", image.name());
        m.put("minRam", image.minRam());
        m.put("minDisk", image.minDisk());
        m.put("metadata", new LinkedHashMap<>(image.properties()));
        m.put("created", format(image.createdAt()));
        m.put("updated", format(image.updatedAt()));
        m.put("status", STATUS.getOrDefault(image.status(), "UNKNOWN"));
        m.put("progress", PROGRESS.getOrDefault(image.status(), 0));
        m.put("OS-EXT-IMG-SIZE:size", image.size());
        m.put("links", imageLinks(req, image.id()));
        String server = image.properties().get("instance_uuid");
        if (server != null) {
            m.put("server", Map.of("id", server, "links", links.itemLinks(req, "servers", server)));
        }
        String autoDisk = image.properties().get("auto_disk_config");
        if (autoDisk != null) {
            m.put("OS-DCF:diskConfig", BoolFromString.isTrue(autoDisk.strip()) ? "AUTO" : "MANUAL");
        }
        return m;
    }

    /** {"images": [...], "images_links": [...]} */
    public Map<String, Object> list(ApiRequest req, List<Image> images, boolean detailed) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Image image : images) {
            items.add(detailed ? show(req, image) : basic(req, image));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("images", items);
        String last = images.isEmpty() ? null : images.get(images.size() - 1).id();
        List<Map<String, Object>> next = links.collectionLinks(req, images.size(), last,
                detailed ? COLLECTION + "/detail" : COLLECTION);
        if (!next.isEmpty()) {
            body.put("images_links", next);
        }
        return body;
    }

    private List<Map<String, Object>> imageLinks(ApiRequest req, String id) {
        List<Map<String, Object>> out = new ArrayList<>(links.itemLinks(req, COLLECTION, id));
        Map<String, Object> alternate = new LinkedHashMap<>();
        alternate.put("rel", "alternate");
        alternate.put("type", "application/vnd.openstack.image");
        alternate.put("href", glanceUrl(req) + "/" + COLLECTION + "/" + id);
        out.add(alternate);
        return out;
    }

    /** The image service URL: scheme://host:9292 of the request (jnova serves images itself), or the prefix. */
    private String glanceUrl(ApiRequest req) {
        URI host = URI.create(req.hostUrl());
        String url = host.getScheme() + "://" + host.getHost() + ":9292";
        return Urls.withLinkPrefix(glancePrefix, url);
    }

    private static String format(Instant t) {
        return t == null ? null : ISO.format(t);
    }
}
