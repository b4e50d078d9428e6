package org.jnova.objects;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A host aggregate; its availability zone is the "availability_zone" metadata item. */
public record Aggregate(int id, String uuid, String name, List<String> hosts, Map<String, String> metadata,
        Instant createdAt, Instant updatedAt) {
    public static final String AZ_KEY = "availability_zone";

    public Aggregate {
        hosts = List.copyOf(hosts);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The zone, or null when the aggregate names none. */
    public String availabilityZone() {
        return metadata.get(AZ_KEY);
    }
}
