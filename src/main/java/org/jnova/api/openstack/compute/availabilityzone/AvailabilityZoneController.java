package org.jnova.api.openstack.compute.availabilityzone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.compute.services.PyIsoTime;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.ServicesApi.ServiceStatus;

/**
 * os-availability-zone (nova/api/openstack/compute/availability_zone.py). A zone is available
 * when an enabled service is in it; zones only disabled services are in are listed after, as
 * unavailable. The plain list hides the internal services' zone; the detail lists, for each
 * available zone, its hosts and their enabled services with liveness.
 */
public final class AvailabilityZoneController {
    private static final String POLICY = "os_compute_api:os-availability-zone:";

    private final ServicesApi services;
    private final String internalZone;

    public AvailabilityZoneController(ServicesApi services, String internalZone) {
        this.services = Objects.requireNonNull(services, "services is null");
        this.internalZone = Objects.requireNonNull(internalZone, "internalZone is null");
    }

    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "list", Map.of());
        Zones zones = zones(services.list(null, null));
        List<Map<String, Object>> out = new ArrayList<>();
        zones.available().stream().filter(z -> !z.equals(internalZone)).forEach(z -> out.add(zone(z, true, null)));
        zones.unavailable().stream().filter(z -> !z.equals(internalZone)).forEach(z -> out.add(zone(z, false, null)));
        return Map.of("availabilityZoneInfo", out);
    }

    @ExpectedErrors({})
    @QuerySchema("detail.query")
    public Object detail(ApiRequest req) {
        req.authorize(POLICY + "detail", Map.of());
        List<ServiceStatus> all = services.list(null, null);
        Zones zones = zones(all);
        Map<String, Map<String, Map<String, Object>>> hostsByZone = new LinkedHashMap<>();
        for (ServiceStatus s : all) {
            if (s.service().disabled() || s.isApiService()) {
                continue;
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("available", s.up());
            state.put("active", true);
            state.put("updated_at", PyIsoTime.format(s.service().updatedAt()));
            hostsByZone.computeIfAbsent(s.zone(), z -> new LinkedHashMap<>())
                    .computeIfAbsent(s.service().host(), h -> new LinkedHashMap<>()).put(s.service().binary(), state);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        zones.available().forEach(z -> out.add(zone(z, true, hostsByZone.getOrDefault(z, Map.of()))));
        zones.unavailable().forEach(z -> out.add(zone(z, false, null)));
        return Map.of("availabilityZoneInfo", out);
    }

    private record Zones(TreeSet<String> available, TreeSet<String> unavailable) {
    }

    private static Zones zones(List<ServiceStatus> all) {
        TreeSet<String> available = new TreeSet<>();
        TreeSet<String> unavailable = new TreeSet<>();
        all.stream().filter(s -> !s.service().disabled()).forEach(s -> available.add(s.zone()));
        all.stream().filter(s -> s.service().disabled() && !available.contains(s.zone()))
                .forEach(s -> unavailable.add(s.zone()));
        return new Zones(available, unavailable);
    }

    private static Map<String, Object> zone(String name, boolean available, Object hosts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zoneName", name);
        m.put("zoneState", Map.of("available", available));
        m.put("hosts", hosts);
        return m;
    }
}
