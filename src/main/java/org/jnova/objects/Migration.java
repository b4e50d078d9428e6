package org.jnova.objects;

import java.time.Instant;

/** nova's Migration: one resize, cold or live migration or evacuation of a server, with its status. */
public record Migration(int id, String uuid, String instanceUuid, String migrationType, String status,
        String sourceCompute, String sourceNode, String destCompute, String destNode, String destHost,
        Integer oldInstanceTypeId, Integer newInstanceTypeId, String userId, String projectId, Instant createdAt,
        Instant updatedAt) {
}
