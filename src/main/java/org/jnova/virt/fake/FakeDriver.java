package org.jnova.virt.fake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;
import org.jnova.virt.VirtDriver;

/**
 * A simulated hypervisor (nova's fake.FakeDriver): keeps guests in memory, takes the
 * configured time to spawn and destroy, and fails the spawns a test asks it to fail.
 */
public final class FakeDriver implements VirtDriver {
    private final int vcpus;
    private final int memoryMb;
    private final int localGb;
    private final Duration spawnDelay;
    private final Duration destroyDelay;
    private final Map<String, Integer> guests = new ConcurrentHashMap<>();
    private volatile Predicate<Instance> failSpawn = i -> false;

    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay) {
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        this.localGb = localGb;
        this.spawnDelay = spawnDelay;
        this.destroyDelay = destroyDelay;
    }

    /** Makes spawns of matching instances fail (fault injection). */
    public void failSpawnWhen(Predicate<Instance> condition) {
        this.failSpawn = condition;
    }

    @Override
    public NodeResources resources(String host) {
        return new NodeResources(host, "fake", vcpus, memoryMb, localGb);
    }

    @Override
    public void spawn(Instance instance) throws Exception {
        sleep(spawnDelay);
        if (failSpawn.test(instance)) {
            throw new IllegalStateException("Fake driver was told to fail spawning " + instance.uuid());
        }
        guests.put(instance.uuid(), PowerState.RUNNING);
    }

    @Override
    public void destroy(Instance instance) throws Exception {
        sleep(destroyDelay);
        guests.remove(instance.uuid());
    }

    @Override
    public void powerOff(Instance instance) {
        guests.computeIfPresent(instance.uuid(), (k, v) -> PowerState.SHUTDOWN);
    }

    @Override
    public void powerOn(Instance instance) {
        guests.put(instance.uuid(), PowerState.RUNNING);
    }

    @Override
    public void reboot(Instance instance, boolean hard) {
        guests.put(instance.uuid(), PowerState.RUNNING);
    }

    @Override
    public int powerState(Instance instance) {
        return guests.getOrDefault(instance.uuid(), PowerState.NOSTATE);
    }

    public int guestCount() {
        return guests.size();
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d);
        }
    }
}
