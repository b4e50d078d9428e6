package org.jnova.virt.fake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;
import org.jnova.virt.ConfigDriveWriter;
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
    private final ConfigDriveWriter configDrive;
    private volatile Predicate<Instance> failSpawn = i -> false;

    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay) {
        this(vcpus, memoryMb, localGb, spawnDelay, destroyDelay, ConfigDriveWriter.NONE);
    }

    /** As the other constructor, writing each guest's config drive with {@code configDrive}. */
    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay,
            ConfigDriveWriter configDrive) {
        this.configDrive = java.util.Objects.requireNonNull(configDrive, "configDrive is null");
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
        configDrive.write(instance);
        guests.put(instance.uuid(), PowerState.RUNNING);
    }

    @Override
    public void destroy(Instance instance) throws Exception {
        sleep(destroyDelay);
        guests.remove(instance.uuid());
        configDrive.remove(instance);
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
