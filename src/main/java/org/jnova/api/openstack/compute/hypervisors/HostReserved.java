package org.jnova.api.openstack.compute.hypervisors;

import org.jnova.conf.ComputeOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.objects.ComputeNode;

/**
 * The host resources kept back from guests ([DEFAULT] reserved_host_memory_mb and
 * reserved_host_disk_mb). nova's resource tracker counts them in a node's *_used figures;
 * jnova's nodes store guest usage only, so the views add them to show nova's numbers.
 */
public record HostReserved(int memoryMb, int diskGb) {
    public static HostReserved from(ConfigOpts conf) {
        return new HostReserved(conf.get(ComputeOpts.RESERVED_HOST_MEMORY_MB),
                (conf.get(ComputeOpts.RESERVED_HOST_DISK_MB) + 1023) / 1024);
    }

    public int memoryMbUsed(ComputeNode n) {
        return n.memoryMbUsed() + memoryMb;
    }

    public int localGbUsed(ComputeNode n) {
        return n.localGbUsed() + diskGb;
    }

    public int freeRamMb(ComputeNode n) {
        return n.memoryMb() - memoryMbUsed(n);
    }

    public int freeDiskGb(ComputeNode n) {
        return n.localGb() - localGbUsed(n);
    }
}
