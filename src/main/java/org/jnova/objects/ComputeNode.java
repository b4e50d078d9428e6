package org.jnova.objects;

import java.time.Instant;

/** A hypervisor as its compute service reported it, with the resources claimed on it. */
public record ComputeNode(int id, String uuid, int serviceId, String host, String hypervisorHostname,
        String hypervisorType, int hypervisorVersion, String hostIp, int vcpus, int memoryMb, int localGb,
        int vcpusUsed, int memoryMbUsed, int localGbUsed, int runningVms, double cpuAllocationRatio,
        double ramAllocationRatio, double diskAllocationRatio, Instant createdAt, Instant updatedAt) {
    public int freeRamMb() {
        return memoryMb - memoryMbUsed;
    }

    public int freeDiskGb() {
        return localGb - localGbUsed;
    }
}
