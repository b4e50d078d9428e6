package org.jnova.api.openstack.compute.hypervisors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.api.openstack.compute.services.Uuids;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.compute.HostUptimeApi;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.ServicesApi.Hypervisor;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Instance;
import org.jnova.utils.BoolFromString;

/**
 * os-hypervisors (nova/api/openstack/compute/hypervisors.py): list, detail, show, the
 * pre-2.53 search/servers routes, statistics and uptime (both gone at 2.88). From 2.53 ids
 * are uuids and {@code hypervisor_hostname_pattern}/{@code with_servers} are query
 * parameters; 2.33 pages by limit/marker; 2.88 drops the resource fields and adds uptime.
 */
public final class HypervisorsController {
    private static final String POLICY = "os_compute_api:os-hypervisors:";

    private final ServicesApi services;
    private final Links pageLinks;
    private final int maxLimit;
    private final HostReserved reserved;
    private final HostUptimeApi uptimes;

    public HypervisorsController(ServicesApi services, Links pageLinks, HostReserved reserved, HostUptimeApi uptimes) {
        this.services = Objects.requireNonNull(services, "services is null");
        this.uptimes = Objects.requireNonNull(uptimes, "uptimes is null");
        this.pageLinks = Objects.requireNonNull(pageLinks, "pageLinks is null");
        this.maxLimit = pageLinks.maxLimit();
        this.reserved = Objects.requireNonNull(reserved, "reserved is null");
    }

    @ExpectedErrors({400, 404})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "list", Map.of());
        return list(req, false);
    }

    @ExpectedErrors({400, 404})
    @QuerySchema("index.query")
    public Object detail(ApiRequest req) {
        req.authorize(POLICY + "list-detail", Map.of());
        return list(req, true);
    }

    private Object list(ApiRequest req, boolean detail) {
        boolean paging = req.isSupported("2.33");
        String pattern = req.isSupported("2.53") ? req.query("hypervisor_hostname_pattern").orElse(null) : null;
        boolean withServers = req.isSupported("2.53")
                && req.query("with_servers").map(value -> BoolFromString.isTrue(value.strip()))
                .orElse(false);
        Integer limit = paging ? QueryValues.lastInt(req, "limit").map(v -> Math.min(maxLimit, v))
                .orElse(maxLimit) : null;
        String marker = paging ? QueryValues.last(req, "marker").orElse(null) : null;
        List<Hypervisor> nodes;
        boolean links = paging;
        if (pattern != null) {
            if (req.queryParams().containsKey("limit") || marker != null) {
                // nova passes its sentence as the webob detail, so the body carries the generic explanation
                throw new Invalid("The server could not comply with the request since it is either malformed or "
                        + "otherwise incorrect.");
            }
            links = false;
            nodes = matching(pattern);
        } else {
            nodes = page(services.hypervisors(), limit, marker);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hypervisor h : nodes) {
            out.add(view(h, detail, req, withServers ? services.servers(h) : null, withServers));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hypervisors", out);
        if (links && !out.isEmpty()) {
            List<Map<String, Object>> next = pageLinks.collectionLinks(req, out.size(),
                    String.valueOf(out.get(out.size() - 1).get("id")), detail ? "os-hypervisors/detail" : "os-hypervisors");
            if (!next.isEmpty()) {
                body.put("hypervisors_links", next);
            }
        }
        return body;
    }

    /** Compute nodes after the marker (an id, or a uuid from 2.53), at most {@code limit}. */
    private static List<Hypervisor> page(List<Hypervisor> all, Integer limit, String marker) {
        int start = 0;
        if (marker != null) {
            int at = -1;
            for (int i = 0; i < all.size(); i++) {
                ComputeNode n = all.get(i).node();
                if (marker.equals(n.uuid()) || marker.equals(String.valueOf(n.id()))) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new Invalid("marker [" + marker + "] not found");
            }
            start = at + 1;
        }
        List<Hypervisor> rest = all.subList(start, all.size());
        return limit == null || limit >= rest.size() ? rest : rest.subList(0, limit);
    }

    /** nova's compute_node_search_by_hypervisor: hostname LIKE %pattern%. */
    private List<Hypervisor> matching(String pattern) {
        List<Hypervisor> found = services.hypervisors().stream()
                .filter(h -> SqlLike.contains(h.node().hypervisorHostname(), pattern)).toList();
        if (found.isEmpty()) {
            throw new NotFound("No hypervisor matching '" + pattern + "' could be found.");
        }
        return found;
    }

    @ExpectedErrors({400, 404})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        boolean withServers = req.isSupported("2.53")
                && req.query("with_servers").map(value -> BoolFromString.isTrue(value.strip()))
                .orElse(false);
        req.authorize(POLICY + "show", Map.of());
        Hypervisor h = byId(req);
        return Map.of("hypervisor", view(h, true, req, withServers ? services.servers(h) : null, withServers));
    }

    private Hypervisor byId(ApiRequest req) {
        String id = req.pathParam("id");
        String notFound = "Hypervisor with ID '" + id + "' could not be found.";
        if (req.isSupported("2.53")) {
            if (!Uuids.isUuidLike(id)) {
                throw new Invalid("Invalid uuid " + id);
            }
        } else if (!id.strip().matches("[+-]?\\d{1,9}")) {
            throw new NotFound(notFound);
        }
        try {
            return services.hypervisor(req.isSupported("2.53") ? id : String.valueOf(Integer.parseInt(id.strip())));
        } catch (NotFound e) {
            throw new NotFound(notFound);
        }
    }

    @ApiVersion(max = "2.87")
    @ExpectedErrors({400, 404, 501})
    public Object uptime(ApiRequest req) {
        req.authorize(POLICY + "uptime", Map.of());
        Hypervisor h = byId(req);
        String uptime = uptimes.uptime(req.context(), h);
        Map<String, Object> body = view(h, false, req, null, false);
        body.put("uptime", uptime);
        return Map.of("hypervisor", body);
    }

    @ApiVersion(max = "2.52")
    @ExpectedErrors(404)
    public Object search(ApiRequest req) {
        req.authorize(POLICY + "search", Map.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hypervisor h : matching(req.pathParam("id"))) {
            out.add(view(h, false, req, null, false));
        }
        return Map.of("hypervisors", out);
    }

    @ApiVersion(max = "2.52")
    @ExpectedErrors(404)
    public Object servers(ApiRequest req) {
        req.authorize(POLICY + "servers", Map.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hypervisor h : matching(req.pathParam("id"))) {
            out.add(view(h, false, req, services.servers(h), false));
        }
        return Map.of("hypervisors", out);
    }

    @ApiVersion(max = "2.87")
    @ExpectedErrors({})
    public Object statistics(ApiRequest req) {
        req.authorize(POLICY + "statistics", Map.of());
        long count = 0, vcpus = 0, memory = 0, disk = 0, vcpusUsed = 0, memoryUsed = 0, diskUsed = 0, freeRam = 0,
                freeDisk = 0, running = 0;
        for (Hypervisor h : services.hypervisors()) {
            if (h.service().disabled()) {
                continue;
            }
            ComputeNode n = h.node();
            count++;
            vcpus += n.vcpus();
            memory += n.memoryMb();
            disk += n.localGb();
            vcpusUsed += n.vcpusUsed();
            memoryUsed += reserved.memoryMbUsed(n);
            diskUsed += reserved.localGbUsed(n);
            freeRam += reserved.freeRamMb(n);
            freeDisk += reserved.freeDiskGb(n);
            running += n.runningVms();
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("count", count);
        stats.put("vcpus", vcpus);
        stats.put("memory_mb", memory);
        stats.put("local_gb", disk);
        stats.put("vcpus_used", vcpusUsed);
        stats.put("memory_mb_used", memoryUsed);
        stats.put("local_gb_used", diskUsed);
        stats.put("free_ram_mb", freeRam);
        stats.put("free_disk_gb", freeDisk);
        stats.put("current_workload", 0);
        stats.put("running_vms", running);
        stats.put("disk_available_least", 0);
        return Map.of("hypervisor_statistics", stats);
    }

    private Map<String, Object> view(Hypervisor h, boolean detail, ApiRequest req, List<Instance> servers,
            boolean withServers) {
        Map<String, Object> m = HypervisorView.view(h, detail, req, servers, withServers, reserved);
        if (detail && req.isSupported("2.88")) {
            m.put("uptime", uptimes.uptimeIfKnown(req.context(), h).orElse(null));
        }
        return m;
    }
}
