package org.jnova.objects;

import java.time.Instant;

/** A service record (nova-compute, nova-scheduler, nova-conductor...). */
public record Service(int id, String uuid, String host, String binary, String topic, boolean disabled,
        String disabledReason, boolean forcedDown, Instant lastSeenUp, int version, int reportCount,
        Instant createdAt, Instant updatedAt) {
}
