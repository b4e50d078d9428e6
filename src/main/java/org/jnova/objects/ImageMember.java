package org.jnova.objects;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * A project a shared image is shared with (glance's image member) and its answer: pending
 * until the member accepts or rejects the image.
 */
public record ImageMember(String imageId, String memberId, String status, Instant createdAt, Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final Set<String> STATUSES = Set.of(PENDING, ACCEPTED, REJECTED);

    public ImageMember {
        requireNonNull(imageId, "imageId is null");
        requireNonNull(memberId, "memberId is null");
        requireNonNull(status, "status is null");
    }
}
