package org.jnova.virt;

import org.jnova.objects.Instance;

/**
 * Writes and removes an instance's config drive (the metadata trees as files) on the
 * compute host; a driver calls it while spawning and destroying the guest.
 */
public interface ConfigDriveWriter {
    /** Writes no config drives. */
    ConfigDriveWriter NONE = new ConfigDriveWriter() {
        @Override
        public void write(Instance instance) {
        }

        @Override
        public void remove(Instance instance) {
        }
    };

    /** Writes the drive when the instance needs one (asked at boot, or forced by configuration). */
    void write(Instance instance) throws Exception;

    /** Removes the instance's drive; nothing to remove is not an error. */
    void remove(Instance instance) throws Exception;
}
