package org.jnova.ec2;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jnova.db.Ec2IdMappingStore;
import org.jnova.objects.Instance;

/**
 * EC2's ids for jnova's resources, as nova's {@code ec2utils} made them: {@code i-%08x} of an
 * instance's own number, and {@code ami-}, {@code ari-} or {@code aki-} with {@code %08x} of an
 * image's mapping number. The EC2 API and the metadata service both use this one mapping.
 */
public final class Ec2Ids {
    private static final Pattern EC2_ID = Pattern.compile("([a-z]{1,4})-([0-9a-fA-F]{1,16})");

    private final Ec2IdMappingStore store;

    public Ec2Ids(Ec2IdMappingStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** {@code i-0000000a} for the instance whose row id is 10. */
    public static String instanceId(Instance instance) {
        return instanceId(instance.id());
    }

    public static String instanceId(long number) {
        return String.format("i-%08x", number);
    }

    /** The image's EC2 id, its number made now when it has none; {@code ami-00000000} for no image. */
    public String imageId(String imageUuid, Map<String, String> properties) {
        if (imageUuid == null || imageUuid.isEmpty()) {
            return "ami-00000000";
        }
        return String.format("%s-%08x", imageType(properties), store.numberOf(imageUuid));
    }

    /** An image booted from: ami unless the image says it is a kernel or ramdisk. */
    public String imageId(String imageUuid) {
        return imageId(imageUuid, Map.of());
    }

    /** nova's image type: the container or disk format when it is aki or ari, ami otherwise. */
    static String imageType(Map<String, String> properties) {
        for (String key : new String[] {"container_format", "disk_format"}) {
            String format = properties == null ? null : properties.get(key);
            if ("aki".equals(format) || "ari".equals(format)) {
                return format;
            }
        }
        return "ami";
    }

    /** The uuid of the instance {@code i-...} names, deleted ones included; empty for a malformed id. */
    public Optional<String> instanceUuid(String ec2Id) {
        return number(ec2Id, "i").flatMap(store::instanceUuid);
    }

    /** The uuid of the image {@code ami-}/{@code ari-}/{@code aki-...} names. */
    public Optional<String> imageUuid(String ec2Id) {
        Optional<Long> number = number(ec2Id, "ami").or(() -> number(ec2Id, "ari")).or(() -> number(ec2Id, "aki"));
        return number.flatMap(store::uuidOf);
    }

    /**
     * {@code vol-%08x} of the volume's row in {@code ec2_id_mappings} (nova's
     * volume_id_mappings), made the first time the volume is shown.
     */
    public String volumeId(String volumeUuid) {
        return String.format("vol-%08x", store.numberOf(volumeUuid));
    }

    /** {@code snap-%08x}, as {@link #volumeId} (nova's snapshot_id_mappings). */
    public String snapshotId(String snapshotUuid) {
        return String.format("snap-%08x", store.numberOf(snapshotUuid));
    }

    /** The uuid {@code vol-...} names (the caller checks it is a volume it may see). */
    public Optional<String> volumeUuid(String ec2Id) {
        return number(ec2Id, "vol").flatMap(store::uuidOf);
    }

    /** The uuid {@code snap-...} names (the caller checks it is a snapshot it may see). */
    public Optional<String> snapshotUuid(String ec2Id) {
        return number(ec2Id, "snap").flatMap(store::uuidOf);
    }

    /** Whether {@code ec2Id} has EC2's shape for {@code prefix} (nova's validate_ec2_id). */
    public static boolean wellFormed(String ec2Id, String prefix) {
        return number(ec2Id, prefix).isPresent();
    }

    private static Optional<Long> number(String ec2Id, String prefix) {
        if (ec2Id == null) {
            return Optional.empty();
        }
        var match = EC2_ID.matcher(ec2Id.toLowerCase(Locale.ROOT));
        if (!match.matches() || !match.group(1).equals(prefix)) {
            return Optional.empty();
        }
        try {
            long value = Long.parseUnsignedLong(match.group(2), 16);
            return value < 0 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
