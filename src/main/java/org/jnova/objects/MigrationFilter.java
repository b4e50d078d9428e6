package org.jnova.objects;

import java.time.Instant;

/**
 * The filters of nova's migration_get_all_by_filters; a null field does not filter. {@code host}
 * matches the source or the destination compute; the times bound updated_at (inclusive).
 */
public record MigrationFilter(String status, String host, String sourceCompute, String migrationType,
        String instanceUuid, String userId, String projectId, Instant changesSince, Instant changesBefore) {
    /** No filtering. */
    public static MigrationFilter none() {
        return new MigrationFilter(null, null, null, null, null, null, null, null, null);
    }
}
