package org.jnova.virt.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jnova.objects.Instance;
import org.jnova.objects.PowerState;
import org.jnova.virt.ConfigDriveWriter;
import org.jnova.virt.VirtDriver;

/**
 * A simulated hypervisor (nova's fake.FakeDriver): keeps guests in memory, takes the
 * configured time to spawn, destroy and run each action, keeps a console log per guest,
 * and fails the spawns a test asks it to fail.
 */
public final class FakeDriver implements VirtDriver {
    private static final long FAKE_IMAGE_BYTES = 25165824L;
    private final int vcpus;
    private final int memoryMb;
    private final int localGb;
    private final Duration spawnDelay;
    private final Duration destroyDelay;
    private final Duration actionDelay;
    private final Map<String, Integer> guests = new ConcurrentHashMap<>();
    private static final int CONSOLE_LINES = 2000;
    private final Map<String, List<String>> consoles = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    /** Per guest: device name to volume id. */
    private final Map<String, Map<String, String>> volumes = new ConcurrentHashMap<>();
    private final Map<String, String> volumeSnapshots = new ConcurrentHashMap<>();
    private final ConfigDriveWriter configDrive;
    private volatile Predicate<Instance> failSpawn = i -> false;
    private final Duration liveMigrationTime;
    /** When this fake host came up. */
    private final java.time.Instant bootedAt = java.time.Instant.now();
    /** Running live migrations: completed with true to finish now, false to abort. */
    private final Map<String, java.util.concurrent.CompletableFuture<Boolean>> liveMigrations =
            new ConcurrentHashMap<>();

    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay) {
        this(vcpus, memoryMb, localGb, spawnDelay, destroyDelay, Duration.ZERO, ConfigDriveWriter.NONE);
    }

    /** As the other constructor, writing each guest's config drive with {@code configDrive}. */
    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay,
            ConfigDriveWriter configDrive) {
        this(vcpus, memoryMb, localGb, spawnDelay, destroyDelay, Duration.ZERO, configDrive);
    }

    /** {@code actionDelay}: the time each server action (reboot, pause, snapshot...) takes. */
    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay,
            Duration actionDelay, ConfigDriveWriter configDrive) {
        this(vcpus, memoryMb, localGb, spawnDelay, destroyDelay, actionDelay, Duration.ofMillis(200), configDrive);
    }

    /** {@code liveMigrationTime}: how long a live migration runs unless forced to complete or aborted. */
    public FakeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay, Duration destroyDelay,
            Duration actionDelay, Duration liveMigrationTime, ConfigDriveWriter configDrive) {
        this.liveMigrationTime = java.util.Objects.requireNonNull(liveMigrationTime, "liveMigrationTime is null");
        this.configDrive = java.util.Objects.requireNonNull(configDrive, "configDrive is null");
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        this.localGb = localGb;
        this.spawnDelay = spawnDelay;
        this.destroyDelay = destroyDelay;
        this.actionDelay = actionDelay;
    }

    /** Makes spawns of matching instances fail (fault injection). */
    public void failSpawnWhen(Predicate<Instance> condition) {
        this.failSpawn = condition;
    }

    @Override
    public String hostUptime() {
        return UptimeLine.of(bootedAt, java.time.Instant.now());
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
        boot(instance);
    }

    /** The fake guest keeps the injected password where changePassword and rescue put theirs. */
    @Override
    public void spawn(Instance instance, String adminPassword) throws Exception {
        spawn(instance);
        if (adminPassword != null) {
            passwords.put(instance.uuid(), adminPassword);
        }
    }

    @Override
    public void destroy(Instance instance) throws Exception {
        sleep(destroyDelay);
        guests.remove(instance.uuid());
        consoles.remove(instance.uuid());
        passwords.remove(instance.uuid());
        volumes.remove(instance.uuid());
        configDrive.remove(instance);
    }

    @Override
    public void attachVolume(Instance instance, String volumeId, String device) throws InterruptedException {
        sleep(actionDelay);
        volumes.computeIfAbsent(instance.uuid(), k -> new ConcurrentHashMap<>()).put(device, volumeId);
    }

    @Override
    public void detachVolume(Instance instance, String volumeId) throws InterruptedException {
        sleep(actionDelay);
        volumes.getOrDefault(instance.uuid(), new ConcurrentHashMap<>()).values().remove(volumeId);
    }

    @Override
    public void swapVolume(Instance instance, String oldVolumeId, String newVolumeId, String device)
            throws InterruptedException {
        sleep(actionDelay);
        Map<String, String> disks = volumes.computeIfAbsent(instance.uuid(), k -> new ConcurrentHashMap<>());
        disks.values().remove(oldVolumeId);
        disks.put(device, newVolumeId);
    }

    /** Records the assisted snapshot, as nova's fake driver accepts it. */
    @Override
    public void volumeSnapshotCreate(Instance instance, String volumeId, Map<String, Object> createInfo) {
        volumeSnapshots.put(String.valueOf(createInfo.get("snapshot_id")), volumeId);
    }

    @Override
    public void volumeSnapshotDelete(Instance instance, String volumeId, String snapshotId,
            Map<String, Object> deleteInfo) {
        volumeSnapshots.remove(snapshotId);
    }

    /** The assisted snapshots taken and not deleted: snapshot id to volume id (a copy). */
    public Map<String, String> volumeSnapshots() {
        return Map.copyOf(volumeSnapshots);
    }

    /** The volumes the guest has, device name to volume id (a copy). */
    public Map<String, String> attachedVolumes(String instanceUuid) {
        return Map.copyOf(volumes.getOrDefault(instanceUuid, Map.of()));
    }

    @Override
    public void powerOff(Instance instance) throws InterruptedException {
        sleep(actionDelay);
        guests.computeIfPresent(instance.uuid(), (k, v) -> PowerState.SHUTDOWN);
        log(instance, "Power down.");
    }

    @Override
    public void powerOn(Instance instance) throws InterruptedException {
        sleep(actionDelay);
        guests.put(instance.uuid(), PowerState.RUNNING);
        boot(instance);
    }

    @Override
    public void reboot(Instance instance, boolean hard) throws InterruptedException {
        sleep(actionDelay);
        guests.put(instance.uuid(), PowerState.RUNNING);
        log(instance, hard ? "Reset (hard reboot)" : "Restarting system.");
        boot(instance);
    }

    @Override
    public int powerState(Instance instance) {
        return guests.getOrDefault(instance.uuid(), PowerState.NOSTATE);
    }

    @Override
    public void pause(Instance instance) throws InterruptedException {
        setState(instance, PowerState.PAUSED, "Paused.");
    }

    @Override
    public void unpause(Instance instance) throws InterruptedException {
        setState(instance, PowerState.RUNNING, "Unpaused.");
    }

    @Override
    public void suspend(Instance instance) throws InterruptedException {
        setState(instance, PowerState.SUSPENDED, "Suspended to disk.");
    }

    @Override
    public void resume(Instance instance) throws InterruptedException {
        setState(instance, PowerState.RUNNING, "Resumed.");
    }

    @Override
    public void rescue(Instance instance, String rescueImageRef, String password) throws InterruptedException {
        passwords.put(instance.uuid(), password);
        setState(instance, PowerState.RUNNING, "Booting rescue image " + rescueImageRef);
    }

    @Override
    public void unrescue(Instance instance) throws InterruptedException {
        setState(instance, PowerState.RUNNING, "Booting " + instance.hostname());
    }

    @Override
    public void setAdminPassword(Instance instance, String password) throws InterruptedException {
        sleep(actionDelay);
        passwords.put(instance.uuid(), password);
        log(instance, "Password for the administrator changed.");
    }

    @Override
    public void triggerCrashDump(Instance instance) throws InterruptedException {
        sleep(actionDelay);
        log(instance, "Kernel panic - not syncing: NMI: Not continuing");
    }

    @Override
    public Snapshot snapshot(Instance instance) throws InterruptedException {
        sleep(actionDelay);
        return new Snapshot(FAKE_IMAGE_BYTES, Map.of("disk_format", "qcow2", "container_format", "bare"));
    }

    @Override
    public String consoleOutput(Instance instance) {
        List<String> lines = consoles.getOrDefault(instance.uuid(), List.of());
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void injectNetworkInfo(Instance instance) throws InterruptedException {
        sleep(actionDelay);
        log(instance, "Network configuration updated.");
    }

    @Override
    public Map<String, Object> diagnostics(Instance instance) {
        return FakeDiagnostics.legacy();
    }

    @Override
    public Map<String, Object> instanceDiagnostics(Instance instance) {
        return FakeDiagnostics.standard();
    }

    @Override
    public boolean liveMigration(Instance instance, String dest) throws Exception {
        var signal = liveMigrations.computeIfAbsent(instance.uuid(), k -> new java.util.concurrent.CompletableFuture<>());
        boolean moved;
        try {
            moved = signal.get(liveMigrationTime.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            moved = true;
        } finally {
            liveMigrations.remove(instance.uuid(), signal);
        }
        if (moved) {
            log(instance, "Migrated to " + dest);
            guests.remove(instance.uuid());
            passwords.remove(instance.uuid());
        }
        return moved;
    }

    @Override
    public void liveMigrationForceComplete(Instance instance) {
        liveMigrations.computeIfAbsent(instance.uuid(), k -> new java.util.concurrent.CompletableFuture<>())
                .complete(true);
    }

    /** Also before the migration reached the driver (it then stops at once). */
    @Override
    public boolean liveMigrationAbort(Instance instance) {
        return liveMigrations.computeIfAbsent(instance.uuid(), k -> new java.util.concurrent.CompletableFuture<>())
                .complete(false);
    }

    @Override
    public void receiveMigratedGuest(Instance instance, int powerState) {
        guests.put(instance.uuid(), powerState);
    }

    /** Whether this host runs the guest (tests). */
    public boolean hasGuest(String instanceUuid) {
        return guests.containsKey(instanceUuid);
    }

    /** The administrator password last set on the guest (tests). */
    public String adminPassword(String instanceUuid) {
        return passwords.get(instanceUuid);
    }

    public int guestCount() {
        return guests.size();
    }

    private void setState(Instance instance, int state, String message) throws InterruptedException {
        sleep(actionDelay);
        guests.put(instance.uuid(), state);
        log(instance, message);
    }

    /** The guest's boot messages, the login prompt last. */
    private void boot(Instance instance) {
        List<String> lines = consoles.computeIfAbsent(instance.uuid(), k -> new ArrayList<>());
        synchronized (lines) {
            lines.addAll(FakeBootLog.of(instance));
            keepLast(lines);
        }
    }

    private void log(Instance instance, String line) {
        List<String> lines = consoles.computeIfAbsent(instance.uuid(), k -> new ArrayList<>());
        synchronized (lines) {
            lines.add("[" + Instant.now() + "] " + line);
            keepLast(lines);
        }
    }

    /** A guest's console keeps its last {@value #CONSOLE_LINES} lines, as a serial log file is rotated. */
    private static void keepLast(List<String> lines) {
        if (lines.size() > CONSOLE_LINES) {
            lines.subList(0, lines.size() - CONSOLE_LINES).clear();
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d);
        }
    }
}
