package org.jnova.objects;

import java.time.Instant;

/** A service record (nova-compute, nova-scheduler, nova-conductor...). */
public record Service(int id, String uuid, String host, String binary, String topic, boolean disabled,
        String disabledReason, boolean forcedDown, Instant lastSeenUp, int version, int reportCount,
        Instant createdAt, Instant updatedAt) {
    /** The binary of compute hosts. */
    public static final String COMPUTE_BINARY = "nova-compute";
    /** nova's service version of Zed, which every jnova service reports. */
    public static final int SERVICE_VERSION = 64;
}
