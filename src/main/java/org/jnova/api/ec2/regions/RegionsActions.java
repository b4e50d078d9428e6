package org.jnova.api.ec2.regions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.compute.AvailabilityZonesApi;
import org.jnova.policy.Enforcer;

/**
 * DescribeRegions (one region, nova's default {@code nova}, at the URL the caller used) and
 * DescribeAvailabilityZones (the compute API's zones; ZoneName.N narrows them).
 */
public final class RegionsActions {
    /** nova's region name when no region_list is configured. */
    public static final String REGION = "nova";

    private final AvailabilityZonesApi zones;
    private final Enforcer enforcer;

    public RegionsActions(AvailabilityZonesApi zones, Enforcer enforcer) {
        this.zones = requireNonNull(zones, "zones is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeRegions", this::regions);
        actions.put("DescribeAvailabilityZones", this::zones);
    }

    private Map<String, ?> regions(Ec2Request call) {
        List<String> wanted = call.list("RegionName");
        List<Object> info = new ArrayList<>();
        if (wanted.isEmpty() || wanted.contains(REGION)) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("regionName", REGION);
            region.put("regionEndpoint", call.endpoint());
            info.add(region);
        }
        for (String name : wanted) {
            if (!name.equals(REGION)) {
                throw Ec2Error.client("InvalidParameterValue", "Invalid region: " + name);
            }
        }
        return Map.of("regionInfo", info);
    }

    private Map<String, ?> zones(Ec2Request call) {
        enforcer.authorize(call.context(), "os_compute_api:os-availability-zone:list", Map.of());
        List<String> wanted = call.list("ZoneName");
        List<Object> info = new ArrayList<>();
        for (AvailabilityZonesApi.Zone zone : zones.zones(false)) {
            if (!wanted.isEmpty() && !wanted.contains(zone.name())) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("zoneName", zone.name());
            item.put("zoneState", zone.available() ? "available" : "unavailable");
            item.put("regionName", REGION);
            item.put("messageSet", List.of());
            item.put("zoneType", "availability-zone");
            info.add(item);
        }
        return Map.of("availabilityZoneInfo", info);
    }
}
