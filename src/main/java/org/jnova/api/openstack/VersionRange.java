package org.jnova.api.openstack;

import java.util.Objects;

/**
 * An inclusive microversion range; {@link ApiVersionRequest#NULL} as max means open-ended.
 */
public record VersionRange(ApiVersionRequest min, ApiVersionRequest max) {
    public static final VersionRange ALL = new VersionRange(ApiVersionRequest.NULL, ApiVersionRequest.NULL);

    public VersionRange {
        Objects.requireNonNull(min, "min is null");
        Objects.requireNonNull(max, "max is null");
        if (!max.isNull() && max.compareTo(min) < 0) {
            throw new IllegalArgumentException("version range " + min + ".." + max + " is empty");
        }
    }

    /** From annotation text: "" means no bound. */
    public static VersionRange of(String min, String max) {
        return new VersionRange(min.isEmpty() ? ApiVersionRequest.NULL : ApiVersionRequest.of(min),
                max.isEmpty() ? ApiVersionRequest.NULL : ApiVersionRequest.of(max));
    }

    public boolean contains(ApiVersionRequest version) {
        return version.matches(min, max);
    }

    public boolean overlaps(VersionRange other) {
        boolean thisStartsAfterOtherEnds = !other.max.isNull() && min.compareTo(other.max) > 0;
        boolean otherStartsAfterThisEnds = !max.isNull() && other.min.compareTo(max) > 0;
        return !thisStartsAfterOtherEnds && !otherStartsAfterThisEnds;
    }

    @Override
    public String toString() {
        return (min.isNull() ? "" : min.toString()) + ".." + (max.isNull() ? "" : max.toString());
    }
}
