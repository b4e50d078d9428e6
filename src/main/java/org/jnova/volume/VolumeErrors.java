package org.jnova.volume;

import org.jnova.objects.Volume;
import org.jnova.exception.Conflict;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;

/** nova's volume exceptions with nova's message texts (nova/exception.py). */
public final class VolumeErrors {
    private VolumeErrors() {
    }

    /** VolumeNotFound: "Volume %(volume_id)s could not be found." */
    public static final class VolumeNotFound extends NotFound {
        public VolumeNotFound(String volumeId) {
            super("Volume " + volumeId + " could not be found.");
        }
    }

    /** SnapshotNotFound: "Snapshot %(snapshot_id)s could not be found." */
    public static final class SnapshotNotFound extends NotFound {
        public SnapshotNotFound(String snapshotId) {
            super("Snapshot " + snapshotId + " could not be found.");
        }
    }

    /** VolumeAttachmentNotFound: "Volume attachment %(attachment_id)s could not be found." */
    public static final class AttachmentNotFound extends NotFound {
        public AttachmentNotFound(String attachmentId) {
            super("Volume attachment " + attachmentId + " could not be found.");
        }
    }

    /**
     * InvalidInput, which nova makes of the volume service's 400 answers: "Invalid input
     * received: %(reason)s", the reason being cinder's message and " (HTTP 400)".
     */
    public static final class InvalidInput extends Invalid {
        private final String cinderMessage;

        public InvalidInput(String cinderMessage) {
            super("Invalid input received: " + cinderMessage + " (HTTP 400)");
            this.cinderMessage = cinderMessage;
        }

        /** The volume service's own message. */
        public String cinderMessage() {
            return cinderMessage;
        }
    }

    /** InvalidVolume: "Invalid volume: %(reason)s" */
    public static final class InvalidVolume extends Invalid {
        public InvalidVolume(String reason) {
            super("Invalid volume: " + reason);
        }
    }

    /** VolumeBDMNotFound: "No volume Block Device Mapping with id %(volume_id)s." */
    public static final class VolumeBdmNotFound extends NotFound {
        public VolumeBdmNotFound(String volumeId) {
            super("No volume Block Device Mapping with id " + volumeId + ".");
        }
    }

    /** InvalidDevicePath: "The supplied device path (%(path)s) is invalid." */
    public static final class InvalidDevicePath extends Invalid {
        public InvalidDevicePath(String path) {
            super("The supplied device path (" + path + ") is invalid.");
        }
    }

    /** DevicePathInUse (409): "The supplied device path (%(path)s) is in use." */
    public static final class DevicePathInUse extends Conflict {
        public DevicePathInUse(String path) {
            super("The supplied device path (" + path + ") is in use.");
        }
    }

    /** MultiattachNotSupportedOldMicroversion. */
    public static final class MultiattachNeedsNewerMicroversion extends Invalid {
        public MultiattachNeedsNewerMicroversion() {
            super("Multiattach volumes are only supported starting with compute API version 2.60.");
        }
    }

    /** MultiattachToShelvedNotSupported. */
    public static final class MultiattachToShelved extends Invalid {
        public MultiattachToShelved() {
            super("Attaching multiattach volumes is not supported for shelved-offloaded instances.");
        }
    }

    /** VolumeTaggedAttachToShelvedNotSupported. */
    public static final class TaggedAttachToShelved extends Invalid {
        public TaggedAttachToShelved() {
            super("Tagged volume attachment is not supported for shelved-offloaded instances.");
        }
    }

    /** MultiattachSwapVolumeNotSupported. */
    public static final class MultiattachSwap extends Invalid {
        public MultiattachSwap() {
            super("Swapping multi-attach volumes with more than one read/write attachment is not supported.");
        }
    }
}
