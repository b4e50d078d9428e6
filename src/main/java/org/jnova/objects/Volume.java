package org.jnova.objects;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A volume as the volume service describes it to nova (nova's translated cinder volume).
 * {@code attachments} holds the completed ones only, as cinder shows them; the volume is
 * "attached" when there is one.
 */
public record Volume(String id, String projectId, String name, String description, int size, String status,
        String availabilityZone, Instant createdAt, String volumeType, boolean bootable, boolean multiattach,
        String snapshotId, String imageId, Map<String, String> metadata, List<Attachment> attachments) {
    public Volume {
        metadata = Map.copyOf(metadata);
        attachments = List.copyOf(attachments);
    }

    /**
     * A completed attachment: the server, the device it has the volume on and when the
     * attachment completed (cinder's attach_time).
     */
    public record Attachment(String id, String instanceUuid, String mountpoint, Instant attachedAt) {
    }

    /** cinder's attach_status as nova reads it: "attached" or "detached". */
    public String attachStatus() {
        return attachments.isEmpty() ? "detached" : "attached";
    }

    /** The completed attachment of a server, if any. */
    public java.util.Optional<Attachment> attachmentOf(String instanceUuid) {
        return attachments.stream().filter(a -> a.instanceUuid().equals(instanceUuid)).findFirst();
    }
}
