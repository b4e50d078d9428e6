package org.jnova.objects;

import static java.util.Objects.requireNonNull;

/**
 * A manila share as nova reads it (nova.share.manila.Share): its id, owning project, status
 * ("available" when it can be attached), protocol (NFS, CEPHFS, ...) and export location
 * (null when it has none).
 */
public record Share(String id, String projectId, String status, String shareProto, String exportLocation) {
    public Share {
        requireNonNull(id, "id is null");
        requireNonNull(projectId, "projectId is null");
        requireNonNull(status, "status is null");
        requireNonNull(shareProto, "shareProto is null");
    }
}
