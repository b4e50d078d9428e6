package org.jnova.objects;

import java.util.List;

/**
 * A share attached to a server (nova's ShareMapping): {@code status} is one of
 * {@link #STATUSES}; {@code exportLocation} and {@code shareProto} are copied from the share
 * when it is attached.
 */
public record ShareMapping(String uuid, String instanceUuid, String shareId, String status, String tag,
        String exportLocation, String shareProto) {
    public static final String ATTACHING = "attaching";
    public static final String DETACHING = "detaching";
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";
    public static final String ERROR = "error";
    public static final List<String> STATUSES = List.of(ATTACHING, DETACHING, ACTIVE, INACTIVE, ERROR);
    /** The protocols nova can mount (ShareMappingProto). */
    public static final List<String> PROTOCOLS = List.of("NFS", "CEPHFS");
}
