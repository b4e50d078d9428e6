package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.time.Duration;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.db.ActionStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.Databases;
import org.jnova.db.FlavorStore;
import org.jnova.db.ImageStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.KeyPairStore;
import org.jnova.db.QuotaStore;
import org.jnova.db.ServiceStore;
import org.jnova.network.FixedIpAllocator;
import org.jnova.rpc.Transport;
import org.jnova.scheduler.Scheduler;
import org.jnova.virt.fake.FakeDriver;

/**
 * Builds the compute side from configuration: stores, the APIs controllers call, and the
 * conductor/compute services. A helper for the composition root; it owns nothing global.
 */
public final class ComputeCloud {
    public final InstanceStore instances;
    public final FlavorStore flavorStore;
    public final ImageStore images;
    public final KeyPairStore keyPairStore;
    public final ActionStore actions;
    public final ServiceStore services;
    public final ComputeNodeStore nodes;
    public final Quotas quotas;
    public final ServersApi servers;
    public final ServerActionsApi serverActions;
    public final ShelveApi shelve;
    public final ResizeApi resize;
    public final MoveApi moves;
    public final RebuildApi rebuild;
    public final ServerSecurityGroupsApi serverSecurityGroups;
    public final org.jnova.db.MigrationStore migrations;
    public final MigrationsApi migrationsApi;
    public final ServerMetadataApi serverMetadata;
    public final FlavorsApi flavors;
    public final KeyPairsApi keyPairs;
    public final Scheduler scheduler;
    public final ServicesApi servicesApi;
    public final UsageApi usage;
    public final ServerPasswordApi serverPasswords;
    public final ServerExternalEventsApi externalEvents;
    public final InstanceActionsApi instanceActions;
    public final org.jnova.image.ImagesApi imagesApi;
    public final AvailabilityZonesApi availabilityZones;
    public final org.jnova.db.ServerGroupStore serverGroups;
    public final ServerGroupsApi serverGroupsApi;
    public final org.jnova.db.AggregateStore aggregateStore;
    public final AggregatesApi aggregates;
    /** The volume service nova talks to: the built-in catalog by default. */
    public final org.jnova.volume.VolumeApi volumes;
    public final VolumeAttachmentsApi volumeAttachments;
    /** What the metadata service reads and writes about a guest. */
    public final GuestDataApi guestData;
    private final ConfigOpts conf;
    private final Databases dbs;
    private final Transport transport;

    public ComputeCloud(ConfigOpts conf, Databases dbs, Transport transport) {
        this.conf = requireNonNull(conf, "conf is null");
        this.dbs = requireNonNull(dbs, "dbs is null");
        this.transport = requireNonNull(transport, "transport is null");
        instances = new InstanceStore(dbs.main(), conf.get(ComputeOpts.INSTANCE_NAME_TEMPLATE));
        flavorStore = new FlavorStore(dbs.api());
        images = new ImageStore(dbs.main());
        keyPairStore = new KeyPairStore(dbs.api());
        actions = new ActionStore(dbs.main());
        services = new ServiceStore(dbs.main());
        nodes = new ComputeNodeStore(dbs.main());
        volumes = new org.jnova.volume.BuiltinVolumeApi(dbs.main(), conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE),
                new org.jnova.volume.BuiltinVolumeApi.Limits(conf.get(org.jnova.conf.ServiceQuotaOpts.VOLUMES),
                        conf.get(org.jnova.conf.ServiceQuotaOpts.GIGABYTES)));
        imagesApi = new org.jnova.image.ImagesApi(images, conf.get(org.jnova.conf.ServiceQuotaOpts.IMAGES));
        volumeAttachments = new VolumeAttachmentsApi(new org.jnova.db.BlockDeviceMappingStore(dbs.main()), actions,
                volumes, transport);
        quotas = new Quotas(conf, new QuotaStore(dbs.api()), instances, keyPairStore);
        flavors = new FlavorsApi(flavorStore);
        keyPairs = new KeyPairsApi(keyPairStore, quotas);
        servers = new ServersApi(instances, flavors, imagesApi, keyPairStore, actions, quotas, transport,
                new ServersApi.Settings(conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE),
                        conf.get(ComputeOpts.DEFAULT_SCHEDULE_ZONE), conf.get(ComputeOpts.RECLAIM_INSTANCE_INTERVAL),
                        conf.get(org.jnova.conf.ServersOpts.MAX_SERVERS_PER_REQUEST),
                        conf.get(org.jnova.conf.ServiceQuotaOpts.PORTS)),
                volumes);
        serverActions = new ServerActionsApi(servers, instances, actions, imagesApi, transport);
        shelve = new ShelveApi(servers, instances, actions, imagesApi, nodes, transport, new ShelveApi.Settings(
                conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE), conf.get(ComputeOpts.SHELVED_OFFLOAD_TIME)));
        resize = new ResizeApi(servers, instances, flavors, quotas, actions, nodes, transport);
        serverMetadata = new ServerMetadataApi(servers, instances, quotas);
        serverGroups = new org.jnova.db.ServerGroupStore(dbs.api());
        serverGroupsApi = new ServerGroupsApi(serverGroups, instances);
        scheduler = new Scheduler(nodes, services, instances, serverGroups, new Scheduler.Settings(
                conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE),
                Duration.ofSeconds(conf.get(ComputeOpts.SERVICE_DOWN_TIME)),
                conf.get(ComputeOpts.RESERVED_HOST_MEMORY_MB), conf.get(ComputeOpts.RESERVED_HOST_DISK_MB),
                conf.get(ComputeOpts.RESERVED_HOST_CPUS), org.jnova.conf.SchedulerOpts.instancesPerHostLimit(conf)),
                new Scheduler.Weights(conf.get(org.jnova.conf.SchedulerOpts.RAM_WEIGHT_MULTIPLIER),
                        conf.get(org.jnova.conf.SchedulerOpts.SOFT_AFFINITY_WEIGHT_MULTIPLIER),
                        conf.get(org.jnova.conf.SchedulerOpts.SOFT_ANTI_AFFINITY_WEIGHT_MULTIPLIER)));
        serverSecurityGroups = new ServerSecurityGroupsApi(servers, instances);
        migrations = new org.jnova.db.MigrationStore(dbs.main());
        migrationsApi = new MigrationsApi(migrations);
        rebuild = new RebuildApi(servers, instances, imagesApi, keyPairStore, actions, quotas, transport);
        moves = new MoveApi(servers, instances, actions, nodes, services, scheduler, transport);
        aggregateStore = new org.jnova.db.AggregateStore(dbs.api());
        servicesApi = new ServicesApi(services, nodes, instances, scheduler,
                conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE), conf.get(ComputeOpts.INTERNAL_SERVICE_AVAILABILITY_ZONE),
                aggregateStore::hostZones);
        aggregates = new AggregatesApi(aggregateStore, services, instances);
        usage = new UsageApi(instances);
        serverPasswords = new ServerPasswordApi(instances);
        externalEvents = new ServerExternalEventsApi(actions);
        instanceActions = new InstanceActionsApi(servers, actions);
        guestData = new GuestDataApi(instances, keyPairStore, images, new org.jnova.db.PortStore(dbs.main()));
        availabilityZones = new AvailabilityZonesApi(servicesApi, conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE));
    }

    /** The main database (for stores that live outside the compute package, e.g. console tokens). */
    public org.jnova.db.Database mainDatabase() {
        return dbs.main();
    }

    /** The console_auth_tokens table of the main database. */
    public org.jnova.db.ConsoleAuthTokenStore consoleTokens() {
        return new org.jnova.db.ConsoleAuthTokenStore(dbs.main());
    }

    /** The conductor (scheduling) service; start it in every API process of the embedded setup. */
    public ComputeTaskManager conductor(String name) {
        return new ComputeTaskManager(transport, scheduler, instances, actions, services,
                Duration.ofSeconds(Math.max(1, conf.get(ComputeOpts.REPORT_INTERVAL))), name,
                conf.get(ComputeOpts.ALLOW_RESIZE_TO_SAME_HOST));
    }

    /** A compute service with the fake driver for {@code host} (null: [DEFAULT] host or this machine's name). */
    public ComputeManager computeManager(String host, FakeDriver driver) {
        String h = host != null ? host : conf.get(ComputeOpts.HOST) != null ? conf.get(ComputeOpts.HOST) : hostname();
        return new ComputeManager(new ComputeManager.Settings(h, conf.get(ComputeOpts.MY_IP),
                ratio(ComputeOpts.CPU_ALLOCATION_RATIO, ComputeOpts.INITIAL_CPU_ALLOCATION_RATIO),
                ratio(ComputeOpts.RAM_ALLOCATION_RATIO, ComputeOpts.INITIAL_RAM_ALLOCATION_RATIO),
                ratio(ComputeOpts.DISK_ALLOCATION_RATIO, ComputeOpts.INITIAL_DISK_ALLOCATION_RATIO),
                Duration.ofSeconds(Math.max(1, conf.get(ComputeOpts.REPORT_INTERVAL))),
                Duration.ofSeconds(conf.get(ComputeOpts.RECLAIM_INSTANCE_INTERVAL)),
                Duration.ofSeconds(conf.get(ComputeOpts.SHELVED_POLL_INTERVAL)),
                conf.get(ComputeOpts.SHELVED_OFFLOAD_TIME)), transport, driver, instances,
                services, nodes, actions, new FixedIpAllocator(dbs.main(), conf.get(ComputeOpts.FIXED_RANGE),
                        conf.get(ComputeOpts.NETWORK_NAME)), volumes);
    }

    /** The fake driver sized and timed by [jnova_compute] options. */
    public FakeDriver fakeDriver() {
        return fakeDriver(org.jnova.virt.ConfigDriveWriter.NONE);
    }

    /** The fake driver, writing config drives with {@code configDrive}. */
    public FakeDriver fakeDriver(org.jnova.virt.ConfigDriveWriter configDrive) {
        return new FakeDriver(conf.get(ComputeOpts.FAKE_VCPUS), conf.get(ComputeOpts.FAKE_MEMORY_MB),
                conf.get(ComputeOpts.FAKE_LOCAL_GB), Duration.ofMillis(conf.get(ComputeOpts.FAKE_SPAWN_DELAY_MS)),
                Duration.ofMillis(conf.get(ComputeOpts.FAKE_DESTROY_DELAY_MS)),
                Duration.ofMillis(conf.get(ComputeOpts.FAKE_ACTION_DELAY_MS)),
                Duration.ofMillis(conf.get(ComputeOpts.FAKE_LIVE_MIGRATION_MS)), configDrive);
    }

    /** Seeds flavors and the cirros image (embedded default). */
    public void seed() {
        java.util.List<String> extra = conf.get(ComputeOpts.SEED_IMAGES);
        SeedData.apply(flavors, images, extra == null ? java.util.List.of() : extra);
    }

    private double ratio(org.jnova.conf.cfg.Opt<Double> explicit, org.jnova.conf.cfg.Opt<Double> initial) {
        Double v = conf.get(explicit);
        return v != null && v > 0 ? v : conf.get(initial);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
