package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * os-availability-zone: a compute host is in the zone of the aggregate it is in, else in
 * [DEFAULT] default_availability_zone; other services are in
 * internal_service_availability_zone. The plain list shows only zones with compute services,
 * as nova. Zones are read from the database on every call (no cache), so an aggregate change
 * made through any API process is seen at once by all of them.
 */
public final class AvailabilityZonesApi {
    private final ServicesApi services;
    private final String defaultZone;

    /** A zone: available when a compute service in it is up; hosts map host -> binary -> status. */
    public record Zone(String name, boolean available, Map<String, Map<String, ServicesApi.ServiceStatus>> hosts) {
    }

    public AvailabilityZonesApi(ServicesApi services, String defaultZone) {
        this.services = requireNonNull(services, "services is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
    }

    /** nova's get_availability_zones(get_only_available=True): the zones of enabled services. */
    public Set<String> availableZones() {
        Set<String> out = new TreeSet<>();
        for (ServicesApi.ServiceStatus s : services.list(null, null)) {
            if (!s.service().disabled()) {
                out.add(s.zone());
            }
        }
        return out;
    }

    public List<Zone> zones(boolean detail) {
        Map<String, Map<String, Map<String, ServicesApi.ServiceStatus>>> byZone = new LinkedHashMap<>();
        Map<String, Boolean> available = new LinkedHashMap<>();
        for (ServicesApi.ServiceStatus s : services.list(null, null)) {
            if (!detail && !s.zone().equals(defaultZone)) {
                continue;
            }
            byZone.computeIfAbsent(s.zone(), z -> new LinkedHashMap<>())
                    .computeIfAbsent(s.service().host(), h -> new LinkedHashMap<>()).put(s.service().binary(), s);
            available.merge(s.zone(), s.up() && !s.service().disabled(), Boolean::logicalOr);
        }
        List<Zone> out = new ArrayList<>();
        byZone.forEach((zone, hosts) -> out.add(new Zone(zone, available.get(zone), detail ? hosts : Map.of())));
        return out;
    }
}
