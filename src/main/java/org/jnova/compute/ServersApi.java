package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.RebootInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RestoreInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SoftDeleteInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StartInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StopInstance;
import org.jnova.compute.rpcapi.ComputeMessage.TerminateInstance;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.rpcapi.ConductorMessage.BuildInstances;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.Transactions;
import org.jnova.objects.InstanceFilter;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.KeyPairStore;
import org.jnova.objects.SortKey;
import org.jnova.db.Tx;
import org.jnova.exception.Invalid;
import org.jnova.exception.PortLimitExceeded;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Flavor;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.KeyPair;
import org.jnova.objects.PowerState;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/**
 * The servers part of nova's compute API: create (validation, quota, one transaction,
 * then a cast to the conductor), list, show, update, delete (or soft delete when
 * reclaim_instance_interval &gt; 0), restore, force delete, stop, start, reboot, lock.
 * Every operation that nova records writes an instance action in the same transaction.
 */
public final class ServersApi {
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final FlavorsApi flavors;
    private final ImagesApi images;
    private final KeyPairStore keyPairs;
    private final ActionStore actions;
    private final Quotas quotas;
    private final ComputeRpcApi computeRpc;
    private final ConductorRpcApi conductorRpc;
    private final Settings settings;
    private final VolumeCleanup volumeCleanup;
    private final BootDevices bootDevices;
    private final PinnedZones pinnedZones;
    /** The zones a server may be booted into, read fresh for each request. */
    private final Supplier<Set<String>> availableZones;
    private final org.jnova.db.BlockDeviceMappingStore bdms;

    /** Servers written per transaction: other projects' writes interleave between batches. */
    static final int BATCH = 50;

    /**
     * Zone names, the soft-delete interval, the most servers one create may make
     * ({@code [jnova_api] max_servers_per_request}) and the ports a project may have
     * ({@code [jnova_quota] ports}, -1 unlimited).
     */
    public record Settings(String defaultAvailabilityZone, String defaultScheduleZone, int reclaimInstanceInterval,
            int maxServersPerRequest, int portLimit) {
        /** With the default bound of 1000 servers per request and no port limit. */
        public Settings(String defaultAvailabilityZone, String defaultScheduleZone, int reclaimInstanceInterval) {
            this(defaultAvailabilityZone, defaultScheduleZone, reclaimInstanceInterval, 1000, -1);
        }
    }

    /** What a create returns: the reservation id and the instances made. */
    public record CreateResult(String reservationId, List<Instance> instances) {
    }

    public ServersApi(InstanceStore instances, Transactions mainDb, FlavorsApi flavors, ImagesApi images,
            KeyPairStore keyPairs, ActionStore actions, Quotas quotas, ComputeRpcApi computeRpc,
            ConductorRpcApi conductorRpc, Settings settings,
            org.jnova.db.BlockDeviceMappingStore bdms, VolumeCleanup volumeCleanup, BootDevices bootDevices,
            Supplier<Set<String>> availableZones) {
        this.availableZones = requireNonNull(availableZones, "availableZones is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.flavors = requireNonNull(flavors, "flavors is null");
        this.images = requireNonNull(images, "images is null");
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
        this.conductorRpc = requireNonNull(conductorRpc, "conductorRpc is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.volumeCleanup = requireNonNull(volumeCleanup, "volumeCleanup is null");
        this.bootDevices = requireNonNull(bootDevices, "bootDevices is null");
        this.pinnedZones = new PinnedZones(instances, mainDb);
    }

    /** Creates min..max servers; they start in BUILD/scheduling and are built asynchronously. */
    public CreateResult create(RequestContext ctx, ServerCreate req) {
        return create(ctx, req, Map.of());
    }

    /**
     * As {@link #create(RequestContext, ServerCreate)}, also writing {@code systemMetadata}
     * (e.g. the API's trusted_certs, pinned availability zone) with each instance; its
     * auto_disk_config, when there, is the requested OS-DCF:diskConfig, settled against the image.
     */
    public CreateResult create(RequestContext ctx, ServerCreate req, Map<String, String> systemMetadata) {
        return create(ctx, req, systemMetadata, created -> { });
    }

    /**
     * As above; {@code beforeBuild} runs after the instances are stored and before the build
     * is cast to the conductor (the API records server group membership there, as nova's
     * _provision_instances does, so the scheduler sees it).
     */
    public CreateResult create(RequestContext ctx, ServerCreate req, Map<String, String> systemMetadata,
            java.util.function.Consumer<List<Instance>> beforeBuild) {
        if (req.minCount() < 1 || req.maxCount() < req.minCount()) {
            throw new Invalid("min_count must be <= max_count");
        }
        Flavor flavor = flavors.get(req.flavorRef(), ctx.projectId().orElse(null), ctx.isAdmin());
        if (flavor.disabled()) {
            throw new ComputeErrors.FlavorNotFound(req.flavorRef());
        }
        Optional<Image> bootImage = req.imageRef() != null
                ? Optional.of(images.find(ctx, req.imageRef())
                        .orElseThrow(() -> new ComputeErrors.ImageNotFound(req.imageRef())))
                : bootDevices.bootImage(ctx, req.blockDevices(), req.legacyBdm());
        List<BlockDeviceRequest> blockDevices = bootDevices.transform(req, bootImage);
        bootImage.ifPresent(image -> checkImage(image, flavor, BootDevices.rootVolume(blockDevices)));
        AutoDiskConfig.forImage(AutoDiskConfig.requested(systemMetadata.get(Instance.AUTO_DISK_CONFIG_KEY)),
                bootImage.orElse(null));
        Optional<KeyPair> key = Optional.empty();
        if (req.keyName() != null) {
            key = Optional.of(keyPairs.get(ctx.userId(), req.keyName())
                    .orElseThrow(() -> new ComputeErrors.KeypairNotFound(req.keyName(), ctx.userId())));
        }
        String zone = req.availabilityZone() != null ? req.availabilityZone() : settings.defaultScheduleZone();
        if (zone != null && !availableZones.get().contains(zone)) {
            throw new ComputeErrors.InvalidAvailabilityZone(zone);
        }
        int metadataLimit = quotas.limits(ctx.requireProjectId(), ctx.userId()).get("metadata_items");
        if (metadataLimit >= 0 && req.metadata().size() > metadataLimit) {
            throw new ComputeErrors.MetadataLimitExceeded(metadataLimit);
        }
        String reservationId = "r-" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36)
                .substring(0, 8);
        Optional<KeyPair> keyPair = key;
        Map<String, Integer> projectLimits = quotas.limits(ctx.requireProjectId(), null);
        Map<String, Integer> userLimits = quotas.limits(ctx.requireProjectId(), ctx.userId());
        Map<String, org.jnova.objects.Volume> existingVolumes = bootDevices.existingVolumes(ctx, blockDevices);
        List<BlockDeviceRequest> checkedDevices = bootDevices.validate(ctx, blockDevices, req.imageRef(),
                req.supportsMultiattach(), existingVolumes);
        // volumes on several servers were refused above, so only a single server reserves volumes
        String firstUuid = UUID.randomUUID().toString();
        Map<String, String> attachments = bootDevices.reserve(ctx, checkedDevices, firstUuid);
        int portsPerServer = Instance.NO_NETWORK.equals(systemMetadata.get(Instance.REQUESTED_NETWORKS_KEY))
                ? 0 : 1;
        NewServers template = new NewServers(ctx, req, flavor, bootImage, keyPair, zone, reservationId,
                systemMetadata, firstUuid, checkedDevices, existingVolumes, attachments, portsPerServer);
        List<Instance> created;
        try {
            created = insertInBatches(template, projectLimits, userLimits);
        } catch (RuntimeException e) {
            bootDevices.release(ctx, attachments);
            throw e;
        }
        beforeBuild.accept(created);
        mainDb.inTransaction(tx -> {
            for (int from = 0; from < created.size(); from += BATCH) {
                conductorRpc.cast(tx, new BuildInstances(created.subList(from, Math.min(created.size(),
                        from + BATCH)).stream().map(Instance::uuid).toList(), ctx.requestId()));
            }
            return null;
        });
        return new CreateResult(reservationId, created);
    }

    /** What every server of one create shares. */
    private record NewServers(RequestContext ctx, ServerCreate req, Flavor flavor, Optional<Image> image,
            Optional<KeyPair> key, String zone, String reservationId, Map<String, String> systemMetadata,
            String firstUuid, List<BlockDeviceRequest> blockDevices,
            Map<String, org.jnova.objects.Volume> existingVolumes, Map<String, String> attachments,
            int portsPerServer) {
    }

    /**
     * Decides the count under the project lock, as nova's quota check does, then writes the
     * servers in transactions of at most {@link #BATCH}, each taking the project lock again
     * and checking the quota for its own rows, so neither the lock nor a database writer is
     * held for the whole request. When a later batch no longer fits (another request of the
     * project took the room), the servers made so far stay if there are min_count of them;
     * otherwise they are deleted and the request fails as nova's quota recheck does.
     */
    private List<Instance> insertInBatches(NewServers s, Map<String, Integer> projectLimits,
            Map<String, Integer> userLimits) {
        String projectId = s.ctx().requireProjectId();
        long[] total = {0};
        List<Instance> out = new ArrayList<>();
        out.addAll(mainDb.inTransaction(tx -> {
            org.jnova.db.ProjectLock.lock(tx, projectId);
            long maxCount = Math.min(s.req().maxCount(), portRoom(tx, s));
            if (maxCount < s.req().minCount()) {
                throw new PortLimitExceeded();
            }
            long allowed = InstanceHeadroom.allowed(levels(tx, s.ctx(), projectLimits, userLimits),
                    s.req().minCount(), maxCount, s.flavor().vcpus(), s.flavor().memoryMb());
            if (s.req().minCount() > settings.maxServersPerRequest()) {
                throw new Invalid("Invalid input for field/attribute min_count. Value: " + s.req().minCount() + ". "
                        + s.req().minCount() + " is greater than the maximum of " + settings.maxServersPerRequest());
            }
            total[0] = Math.min(allowed, settings.maxServersPerRequest());
            return insert(tx, s, 0, (int) Math.min(total[0], BATCH), (int) total[0]);
        }));
        int count = (int) total[0];
        while (out.size() < count) {
            int from = out.size();
            int size = Math.min(BATCH, count - from);
            List<Instance> batch = mainDb.inTransaction(tx -> {
                org.jnova.db.ProjectLock.lock(tx, projectId);
                long fits = Math.min(size, portRoom(tx, s));
                try {
                    fits = fits < 1 ? 0 : InstanceHeadroom.allowed(levels(tx, s.ctx(), projectLimits, userLimits), 1,
                            fits, s.flavor().vcpus(), s.flavor().memoryMb());
                } catch (ComputeErrors.TooManyInstances none) {
                    fits = 0;
                }
                return insert(tx, s, from, (int) fits, count);
            });
            out.addAll(batch);
            if (batch.size() < size) {
                if (out.size() < s.req().minCount()) {
                    discard(out);
                    long portRoom = mainDb.read(tx -> portRoom(tx, s));
                    if (portRoom < s.req().minCount()) {
                        throw new PortLimitExceeded();
                    }
                    // the quota decision again, now that the room is gone: nova's 403 for this request
                    InstanceHeadroom.allowed(levels(s.ctx(), projectLimits, userLimits), s.req().minCount(),
                            s.req().maxCount(), s.flavor().vcpus(), s.flavor().memoryMb());
                    throw InstanceHeadroom.recheckFailed(projectLimits, s.req().maxCount(), s.flavor().vcpus(),
                            s.flavor().memoryMb());
                }
                break;
            }
        }
        return out;
    }

    /**
     * nova's validate_networks: how many servers the project's free ports allow, each making
     * {@code portsPerServer} ports (Long.MAX_VALUE when none are made or ports are unlimited).
     */
    private long portRoom(Tx tx, NewServers s) throws SQLException {
        if (s.portsPerServer() == 0 || settings.portLimit() < 0) {
            return Long.MAX_VALUE;
        }
        long free = settings.portLimit() - org.jnova.db.PortCounts.inUse(tx, s.ctx().requireProjectId());
        return Math.max(0, free) / s.portsPerServer();
    }

    private List<Instance> insert(Tx tx, NewServers s, int from, int size, int count) throws SQLException {
        List<Instance> out = new ArrayList<>();
        for (int index = from; index < from + size; index++) {
            Instance i = instances.insert(tx, newInstance(s.ctx(), s.req(), s.flavor(), s.image(), s.key(), s.zone(),
                    s.reservationId(), index, count, s.systemMetadata(), index == 0 ? s.firstUuid() : null));
            insertBlockDevices(tx, i.uuid(), s.blockDevices(), s.existingVolumes(), s.attachments());
            instances.children().insertSchedulerHints(tx, i.uuid(), SchedulerHintsJson.write(s.req().schedulerHints()));
            actions.start(tx, i.uuid(), "create", s.ctx().requestId(), s.ctx().userId(), s.ctx().requireProjectId());
            out.add(i);
        }
        return out;
    }

    /** Takes back servers of a create that could not make min_count: never scheduled, they are deleted. */
    private void discard(List<Instance> made) {
        for (int from = 0; from < made.size(); from += BATCH) {
            List<Instance> batch = made.subList(from, Math.min(made.size(), from + BATCH));
            instances.softDelete(batch.stream().map(Instance::uuid).toList());
        }
    }

    private List<InstanceHeadroom.Level> levels(Tx tx, RequestContext ctx, Map<String, Integer> projectLimits,
            Map<String, Integer> userLimits) throws SQLException {
        String projectId = ctx.requireProjectId();
        return List.of(new InstanceHeadroom.Level(projectLimits, instances.usage(tx, projectId, null)),
                new InstanceHeadroom.Level(userLimits, instances.usage(tx, projectId, ctx.userId())));
    }

    private List<InstanceHeadroom.Level> levels(RequestContext ctx, Map<String, Integer> projectLimits,
            Map<String, Integer> userLimits) {
        return mainDb.read(tx -> levels(tx, ctx, projectLimits, userLimits));
    }

    /** nova's _check_requested_image: the image against the flavor, or against the root volume's size. */
    private static void checkImage(Image image, Flavor flavor, Optional<BlockDeviceRequest> rootVolume) {
        if (!"active".equals(image.status())) {
            throw new Invalid("Image " + image.id() + " is not active.");
        }
        if (image.minRam() > flavor.memoryMb()) {
            throw new ComputeErrors.FlavorTooSmall("Flavor's memory is too small for requested image.");
        }
        long minDisk = image.minDisk() * 1073741824L;
        if (rootVolume.isPresent()) {
            Integer size = rootVolume.get().volumeSize();
            if (size != null && minDisk > size * 1073741824L) {
                throw new Invalid("Volume is smaller than the minimum size specified in image metadata. Volume "
                        + "size is " + size * 1073741824L + " bytes, minimum size is " + minDisk + " bytes.");
            }
            return;
        }
        if (flavor.rootGb() > 0 && image.minDisk() > flavor.rootGb()) {
            throw new ComputeErrors.FlavorTooSmall("Flavor's disk is too small for requested image. Flavor disk is "
                    + flavor.rootGb() * 1073741824L + " bytes, image is " + minDisk + " bytes.");
        }
    }

    /**
     * Writes the mappings of a new server: the boot device is the root device (/dev/vda), the
     * others get the requested letter when free, else the next one (the compute host would).
     */
    private void insertBlockDevices(Tx tx, String instanceUuid, List<BlockDeviceRequest> blockDevices,
            Map<String, org.jnova.objects.Volume> existingVolumes, Map<String, String> attachments)
            throws SQLException {
        List<String> used = new ArrayList<>(List.of(BootDevices.ROOT_DEVICE));
        for (BlockDeviceRequest b : blockDevices) {
            if (b.sourceType() == null) {
                continue; // a legacy no_device entry
            }
            String device;
            if (b.isRoot()) {
                device = BootDevices.ROOT_DEVICE;
            } else {
                String named = b.deviceName() == null ? null : "/dev/" + BootDevices.stripDev(b.deviceName());
                String requested = named != null && DeviceNames.valid(named) ? named : null;
                try {
                    device = DeviceNames.next(BootDevices.ROOT_DEVICE, used, requested);
                } catch (RuntimeException taken) {
                    device = DeviceNames.next(BootDevices.ROOT_DEVICE, used, null);
                }
                used.add(device);
            }
            Integer size = b.volumeId() != null ? Integer.valueOf(existingVolumes.get(b.volumeId()).size())
                    : b.volumeSize();
            bdms.insert(tx, instanceUuid, b.sourceType(), b.destinationType(), b.imageId(), b.volumeId(),
                    b.snapshotId(), size,
                    b.bootIndex(), device, b.deleteOnTermination(), b.tag(),
                    b.volumeId() != null ? attachments.get(b.volumeId()) : null);
        }
    }

    private Instance newInstance(RequestContext ctx, ServerCreate req, Flavor flavor, Optional<Image> image,
            Optional<KeyPair> key, String zone, String reservationId, int index, int count,
            Map<String, String> extraSystemMetadata, String uuid) {
        String display = count > 1 ? req.name() + "-" + (index + 1) : req.name();
        String hostname = req.hostname() != null && count == 1 ? req.hostname() : sanitizeHostname(display);
        String instanceUuid = uuid != null ? uuid : UUID.randomUUID().toString();
        return new Instance(0, instanceUuid, "", display, req.description(), hostname,
                ctx.requireProjectId(), ctx.userId(), VmStates.BUILDING, TaskStates.SCHEDULING, PowerState.NOSTATE,
                flavor, req.imageRef() != null ? req.imageRef() : "", null, null, zone,
                key.map(KeyPair::name).orElse(null),
                key.map(KeyPair::publicKey).orElse(null), false, null, null, req.accessIpV4(),
                accessIpV6(req.accessIpV6()),
                req.configDrive() == null ? "" : req.configDrive(), req.userData(), reservationId, index, 0,
                "/dev/vda", null, null, null, null, null, false, req.metadata(),
                systemMetadata(image, extraSystemMetadata), req.tags(), List.of(), Optional.empty());
    }

    private static Map<String, String> systemMetadata(Optional<Image> bootImage, Map<String, String> extra) {
        Map<String, String> out = new HashMap<>(extra);
        out.putAll(AutoDiskConfig.systemMetadata(AutoDiskConfig.requested(extra.get(Instance.AUTO_DISK_CONFIG_KEY)),
                bootImage.orElse(null)));
        bootImage.ifPresent(image -> out.putAll(ImageSystemMetadata.of(image)));
        return out;
    }

    /** accessIPv6 as nova stores it (netaddr's text of the validated address). */
    static String accessIpV6(String requested) {
        return requested == null ? null : org.jnova.utils.Ipv6Text.canonical(requested);
    }

    /** nova's sanitize_hostname: lower case, [a-z0-9.-] only, at most 63 characters. */
    static String sanitizeHostname(String name) {
        String h = name.toLowerCase(Locale.ROOT).replaceAll("[ _]", "-").replaceAll("[^a-z0-9.-]", "");
        h = h.replaceAll("^[.-]+|[.-]+$", "");
        if (h.length() > 63) {
            h = h.substring(0, 63).replaceAll("[.-]+$", "");
        }
        return h.isEmpty() ? "server" : h;
    }

    /**
     * The scheduler hints each of the given servers was created with (nova's request spec);
     * a server created before they were kept has none in the map.
     */
    public Map<String, Map<String, List<String>>> schedulerHints(List<String> uuids) {
        Map<String, String> stored = mainDb.read(tx -> instances.children().schedulerHints(tx, uuids));
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        stored.forEach((uuid, json) -> out.put(uuid, SchedulerHintsJson.read(json)));
        return out;
    }

    /** A server the caller may see: own project, or any when admin. Deleted ones only when asked. */
    public Instance get(RequestContext ctx, String uuid) {
        return get(ctx, uuid, false);
    }

    public Instance get(RequestContext ctx, String uuid, boolean readDeleted) {
        Instance i = instances.get(uuid, readDeleted).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
        if (!ctx.isAdmin() && !ctx.projectId().map(p -> p.equals(i.projectId())).orElse(false)) {
            throw new ComputeErrors.InstanceNotFound(uuid);
        }
        return i;
    }

    /**
     * A server of any project, for the APIs nova authorizes against the server's project before
     * it scopes anything to the caller (its instance mapping lookup): the caller must be
     * authorized on {@code projectId()} before anything else of the server is used.
     */
    public Optional<Instance> findInAnyProject(String uuid) {
        return instances.get(uuid, false);
    }

    /**
     * Lists servers. Non-admins are limited to their project whatever the filter says; an
     * admin's filter with null projectId lists all projects.
     */
    public List<Instance> list(RequestContext ctx, InstanceFilter filter, List<SortKey> sort, Integer limit,
            String marker) {
        return list(ctx, filter, sort, limit, marker, true);
    }

    /**
     * As above; without {@code withChildren} the servers come without metadata, tags, faults
     * and ports (a scan that filters on their own columns first, {@link #withChildren} after).
     */
    public List<Instance> list(RequestContext ctx, InstanceFilter filter, List<SortKey> sort, Integer limit,
            String marker, boolean withChildren) {
        return list(ctx, filter, sort, limit, marker, withChildren, true);
    }

    /**
     * As above; without {@code withImageProperties} the children's system metadata leaves out
     * the image's properties ("image_" keys), for a view that does not show them.
     */
    public List<Instance> list(RequestContext ctx, InstanceFilter filter, List<SortKey> sort, Integer limit,
            String marker, boolean withChildren, boolean withImageProperties) {
        InstanceFilter scoped = filter;
        if (!ctx.isAdmin() && !ctx.projectId().equals(Optional.ofNullable(filter.projectId()))) {
            scoped = filter.toBuilder().projectId(ctx.requireProjectId()).build();
        }
        try {
            if (!withChildren) {
                return instances.listBare(scoped, sort, limit, marker);
            }
            return withImageProperties ? instances.list(scoped, sort, limit, marker)
                    : instances.listWithoutImageProperties(scoped, sort, limit, marker);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    /** Servers listed without their children, with them. */
    public List<Instance> withChildren(List<Instance> bare) {
        return instances.withChildren(bare);
    }

    /** As above; without {@code withImageProperties} the system metadata leaves out the "image_" keys. */
    public List<Instance> withChildren(List<Instance> bare, boolean withImageProperties) {
        return instances.withChildren(bare, withImageProperties);
    }

    /** Changes name, description, access IPs, hostname or auto disk config (null: unchanged). */
    public Instance update(RequestContext ctx, String uuid, String name, String description, boolean setDescription,
            String accessIpV4, String accessIpV6, String hostname, Boolean autoDiskConfig) {
        get(ctx, uuid);
        if (autoDiskConfig != null) {
            instances.updateMetadata(uuid, Map.of(Instance.AUTO_DISK_CONFIG_KEY,
                    AutoDiskConfig.stored(autoDiskConfig)), false, true);
        }
        InstanceUpdate cols = new InstanceUpdate();
        if (name != null) {
            cols.displayName(name);
        }
        if (setDescription) {
            cols.displayDescription(description);
        }
        if (accessIpV4 != null) {
            cols.accessIpV4(accessIpV4);
        }
        if (accessIpV6 != null) {
            cols.accessIpV6(accessIpV6(accessIpV6));
        }
        if (hostname != null) {
            cols.hostname(hostname);
        }
        instances.update(uuid, cols);
        return get(ctx, uuid);
    }

    /**
     * PUT /servers/{id} with pinned_availability_zone (2.104): empty unpins, a zone pins the
     * server to the zone it is in (409 for another zone, or while pinned to a different one).
     */
    public void updatePinnedZone(RequestContext ctx, String uuid, Optional<String> zone) {
        pinnedZones.update(get(ctx, uuid), zone);
    }

    /** DELETE /servers/{id}: soft delete when reclaim_instance_interval &gt; 0, else terminate. */
    public void delete(RequestContext ctx, String uuid) {
        Instance i = get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        if (settings.reclaimInstanceInterval() > 0 && i.host() != null) {
            StateGuard.check(i, "soft_delete", null, StateGuard.states(null, TaskStates.SCHEDULING,
                    TaskStates.NETWORKING, TaskStates.SPAWNING, TaskStates.POWERING_OFF, TaskStates.POWERING_ON,
                    TaskStates.REBOOTING));
            deleteTransition(ctx, i, TaskStates.SOFT_DELETING, new SoftDeleteInstance(i.uuid(), ctx.requestId()));
            return;
        }
        terminate(ctx, i);
    }

    /** forceDelete action: deletes a server now, whatever its state (nova: a soft-deleted one in practice). */
    public void forceDelete(RequestContext ctx, String uuid) {
        Instance i = get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        terminate(ctx, i);
    }

    /** restore action: brings back a soft-deleted server. */
    public void restore(RequestContext ctx, String uuid) {
        Instance i = get(ctx, uuid);
        StateGuard.check(i, "restore", java.util.Set.of(VmStates.SOFT_DELETED), null);
        transition(ctx, i, "restore", new InstanceUpdate().taskState(TaskStates.RESTORING),
                new RestoreInstance(i.uuid(), ctx.requestId()));
    }

    public void stop(RequestContext ctx, String uuid) {
        Instance i = get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        StateGuard.check(i, "stop", java.util.Set.of(VmStates.ACTIVE, VmStates.ERROR), StateGuard.states((String) null));
        StateGuard.checkLaunched(i, "stop");
        transition(ctx, i, "stop", new InstanceUpdate().taskState(TaskStates.POWERING_OFF),
                new StopInstance(i.uuid(), ctx.requestId()));
    }

    public void start(RequestContext ctx, String uuid) {
        Instance i = get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        StateGuard.check(i, "start", java.util.Set.of(VmStates.STOPPED), StateGuard.states((String) null));
        StateGuard.checkLaunched(i, "start");
        transition(ctx, i, "start", new InstanceUpdate().taskState(TaskStates.POWERING_ON),
                new StartInstance(i.uuid(), ctx.requestId()));
    }

    /**
     * reboot action as nova: SOFT only from ACTIVE with no task; HARD from ACTIVE, STOPPED,
     * PAUSED, SUSPENDED or ERROR, also interrupting a soft reboot, pause or suspend.
     */
    public void reboot(RequestContext ctx, String uuid, boolean hard) {
        Instance i = get(ctx, uuid);
        StateGuard.checkUnlocked(ctx, i);
        if (hard) {
            StateGuard.check(i, "reboot", java.util.Set.of(VmStates.ACTIVE, VmStates.STOPPED, VmStates.PAUSED,
                    VmStates.SUSPENDED, VmStates.ERROR), new java.util.HashSet<>(TaskStates.ALLOW_REBOOT));
        } else {
            StateGuard.check(i, "reboot", java.util.Set.of(VmStates.ACTIVE), StateGuard.states((String) null));
        }
        StateGuard.checkLaunched(i, "reboot");
        transition(ctx, i, "reboot", new InstanceUpdate().taskState(hard ? TaskStates.REBOOTING_HARD : TaskStates.REBOOTING),
                new RebootInstance(i.uuid(), ctx.requestId(), hard));
    }

    /**
     * lock / unlock actions (reason: 2.73). As nova: locked_by is "owner" when the caller's
     * project owns the server, else "admin"; an owner locking an already locked server changes
     * nothing; the action records an "api_lock"/"api_unlock" event.
     */
    public void lock(RequestContext ctx, String uuid, boolean lock, String reason) {
        Instance i = get(ctx, uuid);
        boolean owner = ctx.projectId().map(p -> p.equals(i.projectId())).orElse(false);
        if (lock && i.locked() && owner) {
            return;
        }
        InstanceUpdate cols = new InstanceUpdate();
        cols.locked(lock);
        cols.lockedBy(lock ? (owner ? "owner" : "admin") : null);
        cols.lockedReason(lock ? reason : null);
        String action = lock ? "lock" : "unlock";
        actions.start(uuid, action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
        actions.eventStart(uuid, ctx.requestId(), "api_" + action, null);
        instances.update(uuid, cols);
        actions.eventFinish(uuid, ctx.requestId(), "api_" + action, "Success", null);
    }

    /** nova's is_expected_locked_by: false when the lock was set by the other side (owner vs admin). */
    public boolean isExpectedLockedBy(RequestContext ctx, Instance i) {
        boolean owner = ctx.projectId().map(p -> p.equals(i.projectId())).orElse(false);
        return i.lockedBy() == null || i.lockedBy().equals(owner ? "owner" : "admin");
    }

    private void terminate(RequestContext ctx, Instance i) {
        if (i.host() == null) {
            // never reached a compute host: delete locally, as nova's _local_delete
            volumeCleanup.releaseAll(i.uuid(), ctx.requestId());
            mainDb.inTransaction(tx -> {
                actions.start(tx, i.uuid(), "delete", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
                instances.softDelete(tx, i.uuid());
                return null;
            });
            return;
        }
        deleteTransition(ctx, i, TaskStates.DELETING, new TerminateInstance(i.uuid(), ctx.requestId()));
    }

    /**
     * A delete wins over whatever task the server has by now (nova saves the deleting task state
     * without an expected one), so a build or action finishing between the read and this write
     * cannot turn the delete into a conflict.
     */
    private void deleteTransition(RequestContext ctx, Instance i, String taskState, ComputeMessage message) {
        boolean found = mainDb.inTransaction(tx -> {
            if (!instances.update(tx, i.uuid(), new InstanceUpdate().taskState(taskState))) {
                return false;
            }
            actions.start(tx, i.uuid(), "delete", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            computeRpc.cast(tx, i.host(), message);
            return true;
        });
        if (!found) {
            throw new ComputeErrors.InstanceNotFound(i.uuid());
        }
    }

    private void transition(RequestContext ctx, Instance i, String action, InstanceUpdate cols,
            ComputeMessage message) {
        mainDb.inTransaction(tx -> {
            ExpectedTaskState.update(instances, tx, i, cols, i.taskState(), action);
            actions.start(tx, i.uuid(), action, ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            computeRpc.cast(tx, i.host(), message);
            return null;
        });
    }

    /** Soft-deletes servers that were recorded but never scheduled, in one transaction. */
    public void deleteUnscheduled(List<String> uuids) {
        instances.softDelete(uuids);
    }
}
