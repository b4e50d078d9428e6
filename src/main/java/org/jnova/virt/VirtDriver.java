package org.jnova.virt;

import org.jnova.objects.Instance;

/** nova's ComputeDriver, reduced to what jnova's manager drives. */
public interface VirtDriver {
    /** What the hypervisor offers: one node per driver here. */
    record NodeResources(String nodename, String hypervisorType, int vcpus, int memoryMb, int localGb) {
    }

    NodeResources resources(String host);

    /** Creates and starts the guest; throws to fail the build. */
    void spawn(Instance instance) throws Exception;

    /** Stops and removes the guest; missing guests are not an error. */
    void destroy(Instance instance) throws Exception;

    void powerOff(Instance instance) throws Exception;

    void powerOn(Instance instance) throws Exception;

    void reboot(Instance instance, boolean hard) throws Exception;

    /** The guest's power state (org.jnova.objects.PowerState). */
    int powerState(Instance instance);
}
