package org.jnova.compute;

import org.jnova.exception.Conflict;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.exception.OverQuota;

/** nova's compute exceptions with nova's message texts (nova/exception.py). */
public final class ComputeErrors {
    private ComputeErrors() {
    }

    /** InstanceNotFound: "Instance %(instance_id)s could not be found." */
    public static final class InstanceNotFound extends NotFound {
        public InstanceNotFound(String uuid) {
            super("Instance " + uuid + " could not be found.");
        }
    }

    /** FlavorNotFound: "Flavor %(flavor_id)s could not be found." */
    public static final class FlavorNotFound extends NotFound {
        public FlavorNotFound(String flavorId) {
            super("Flavor " + flavorId + " could not be found.");
        }
    }

    /** ImageNotFound: "Image %(image_id)s could not be found." */
    public static final class ImageNotFound extends NotFound {
        public ImageNotFound(String imageId) {
            super("Image " + imageId + " could not be found.");
        }
    }

    /** KeypairNotFound: "Keypair %(name)s not found for user %(user_id)s" */
    public static final class KeypairNotFound extends NotFound {
        public KeypairNotFound(String name, String userId) {
            super("Keypair " + name + " not found for user " + userId);
        }
    }

    /** KeyPairExists: "Key pair '%(key_name)s' already exists." */
    public static final class KeyPairExists extends Conflict {
        public KeyPairExists(String name) {
            super("Key pair '" + name + "' already exists.");
        }
    }

    /** InvalidKeypair: "Keypair data is invalid: %(reason)s" */
    public static final class InvalidKeypair extends Invalid {
        public InvalidKeypair(String reason) {
            super("Keypair data is invalid: " + reason);
        }
    }

    /** FlavorExists / FlavorIdExists. */
    public static final class FlavorExists extends Conflict {
        public FlavorExists(String message) {
            super(message);
        }
    }

    /** TooManyInstances (OverQuota): "Quota exceeded for %(overs)s: Requested %(req)s, but already used %(used)s of %(allowed)s %(overs)s" */
    public static final class TooManyInstances extends OverQuota {
        public TooManyInstances(String overs, String req, String used, String allowed) {
            super("Quota exceeded for " + overs + ": Requested " + req + ", but already used " + used + " of "
                    + allowed + " " + overs);
        }
    }

    /** MetadataLimitExceeded (OverQuota): "Maximum number of metadata items exceeds %(allowed)d" */
    public static final class MetadataLimitExceeded extends OverQuota {
        public MetadataLimitExceeded(int allowed) {
            super("Maximum number of metadata items exceeds " + allowed);
        }
    }

    /** AvailabilityZoneNotFound / InvalidRequest for an unknown zone. */
    public static final class InvalidAvailabilityZone extends Invalid {
        public InvalidAvailabilityZone(String zone) {
            super("The requested availability zone is not available");
        }
    }

    /** FlavorDiskTooSmall / FlavorMemoryTooSmall family. */
    public static final class FlavorTooSmall extends Invalid {
        public FlavorTooSmall(String message) {
            super(message);
        }
    }

    /** Forbidden for locked/ownership cases. */
    public static final class PolicyNotAuthorized extends Forbidden {
        public PolicyNotAuthorized(String action) {
            super("Policy doesn't allow " + action + " to be performed.");
        }
    }
}
