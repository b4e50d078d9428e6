package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;

/** nova's is_volume_backed_instance: whether a server's root disk is a volume, and which. */
public final class RootVolumes {
    private final BlockDeviceMappingStore bdms;

    public RootVolumes(BlockDeviceMappingStore bdms) {
        this.bdms = requireNonNull(bdms, "bdms is null");
    }

    /** The root mapping when it is a volume. */
    public Optional<BlockDeviceMapping> rootVolume(Instance server) {
        return bdms.forInstance(server.uuid()).stream()
                .filter(b -> b.isRoot() && "volume".equals(b.destinationType())).findFirst();
    }

    public boolean isVolumeBacked(Instance server) {
        return rootVolume(server).isPresent();
    }
}
