package org.jnova.objects;

/** What deleting a catalog region did. */
public enum RegionDeletion {
    DELETED,
    NOT_FOUND,
    /** Refused: the region or one below it has endpoints. */
    HAS_ENDPOINTS
}
