package org.jnova.api.openstack.compute.flavors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.objects.Flavor;

/** nova's flavors ViewBuilder: the brief and detailed flavor bodies per microversion. */
public final class FlavorView {
    static final String COLLECTION = "flavors";
    private final Links links;

    public FlavorView(Links links) {
        this.links = java.util.Objects.requireNonNull(links, "links is null");
    }

    public Links links() {
        return links;
    }

    /** id, name, links (+ description from 2.55). */
    public Map<String, Object> basic(ApiRequest req, Flavor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.flavorId());
        m.put("name", f.name());
        m.put("links", links.itemLinks(req, COLLECTION, f.flavorId()));
        if (req.isSupported("2.55")) {
            m.put("description", f.description());
        }
        return m;
    }

    /**
     * The detailed flavor; extra_specs only when {@code withExtraSpecs} (2.61+, policy allowing);
     * without OS-FLV-DISABLED:disabled and rxtx_factor from 2.102.
     */
    public Map<String, Object> show(ApiRequest req, Flavor f, boolean withExtraSpecs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.flavorId());
        m.put("name", f.name());
        m.put("ram", f.memoryMb());
        m.put("disk", f.rootGb());
        m.put("swap", f.swap() == 0 && !req.isSupported("2.75") ? "" : (Object) f.swap());
        m.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb());
        boolean withDeadFields = !req.isSupported("2.102");
        if (withDeadFields) {
            m.put("OS-FLV-DISABLED:disabled", f.disabled());
        }
        m.put("vcpus", f.vcpus());
        m.put("os-flavor-access:is_public", f.isPublic());
        if (withDeadFields) {
            m.put("rxtx_factor", f.rxtxFactor() == 0 ? "" : (Object) f.rxtxFactor());
        }
        m.put("links", links.itemLinks(req, COLLECTION, f.flavorId()));
        if (req.isSupported("2.55")) {
            m.put("description", f.description());
        }
        if (withExtraSpecs) {
            m.put("extra_specs", new java.util.TreeMap<>(f.extraSpecs()));
        }
        return m;
    }

    /** {"flavor": show(...)} */
    public Map<String, Object> single(ApiRequest req, Flavor f, boolean withExtraSpecs) {
        return Map.of("flavor", show(req, f, withExtraSpecs));
    }

    /** {"flavors": [...], "flavors_links": [...]} for index (detailed false) or detail. */
    public Map<String, Object> list(ApiRequest req, List<Flavor> flavors, boolean detailed, boolean withExtraSpecs) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Flavor f : flavors) {
            items.add(detailed ? show(req, f, withExtraSpecs) : basic(req, f));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("flavors", items);
        String last = flavors.isEmpty() ? null : flavors.get(flavors.size() - 1).flavorId();
        List<Map<String, Object>> next = links.collectionLinks(req, flavors.size(), last,
                detailed ? COLLECTION + "/detail" : COLLECTION);
        if (!next.isEmpty()) {
            body.put("flavors_links", next);
        }
        return body;
    }
}
