package org.jnova.cmd;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.jnova.api.ec2.Ec2Cloud;
import org.jnova.api.ec2.protocol.Ec2Executor;
import org.jnova.api.ec2.Ec2Paste;
import org.jnova.api.ec2.images.ImagesActions;
import org.jnova.api.ec2.instances.DeleteOnTerminationChanges;
import org.jnova.api.ec2.instances.InstancesActions;
import org.jnova.api.ec2.instances.RunBlockDevices;
import org.jnova.api.ec2.keypairs.KeyPairsActions;
import org.jnova.api.ec2.regions.RegionsActions;
import org.jnova.api.ec2.securitygroups.SecurityGroupsActions;
import org.jnova.api.ec2.addresses.AddressesActions;
import org.jnova.api.ec2.volumes.InstanceBlockDevices;
import org.jnova.api.ec2.volumes.VolumesActions;
import org.jnova.api.ec2.tags.TagsActions;
import org.jnova.api.image.ImageApiV2;
import org.jnova.conf.DatabaseOpts;
import org.jnova.conf.CredentialOpts;
import org.jnova.conf.ImageOpts;
import org.jnova.db.GlanceImageStore;
import org.jnova.db.ImageMemberStore;
import org.jnova.image.GlanceImagesApi;
import org.jnova.image.ImageMembersApi;
import org.jnova.image.ImageFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jnova.api.metadata.MetadataRequestHandler;
import org.jnova.api.metadata.MetadataService;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.aggregates.AggregatesController;
import org.jnova.api.openstack.compute.attachinterfaces.InterfaceAttachmentController;
import org.jnova.api.openstack.compute.availabilityzone.AvailabilityZoneController;
import org.jnova.api.openstack.compute.baremetalnodes.BaremetalNodesController;
import org.jnova.api.openstack.compute.consoleauthtokens.ConsoleAuthTokensController;
import org.jnova.api.openstack.compute.flavoraccess.FlavorAccessController;
import org.jnova.api.openstack.compute.flavoraccess.FlavorActionController;
import org.jnova.api.openstack.compute.flavorextraspecs.ExtraSpecValidator;
import org.jnova.api.openstack.compute.flavorextraspecs.FlavorExtraSpecsController;
import org.jnova.api.openstack.compute.flavormanage.FlavorManageController;
import org.jnova.api.openstack.compute.flavors.FlavorView;
import org.jnova.api.openstack.compute.flavors.FlavorsController;
import org.jnova.api.openstack.compute.hosts.HostsController;
import org.jnova.api.openstack.compute.hypervisors.HostReserved;
import org.jnova.api.openstack.compute.hypervisors.HypervisorsController;
import org.jnova.api.openstack.compute.imagemetadata.ImageMetadataController;
import org.jnova.api.openstack.compute.images.ImageView;
import org.jnova.api.openstack.compute.images.ImagesController;
import org.jnova.api.openstack.compute.instanceactions.InstanceActionsController;
import org.jnova.api.openstack.compute.instanceusageauditlog.InstanceUsageAuditLogController;
import org.jnova.api.openstack.compute.ips.IpsController;
import org.jnova.api.openstack.compute.keypairs.KeypairsController;
import org.jnova.api.openstack.compute.limits.LimitsController;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.api.openstack.compute.migrations.MigrationsController;
import org.jnova.api.openstack.compute.quotaclasses.QuotaClassesController;
import org.jnova.api.openstack.compute.quotasets.QuotaSetsController;
import org.jnova.api.openstack.compute.remoteconsoles.RemoteConsoleActionsController;
import org.jnova.api.openstack.compute.removed.FixedIpActionsGone;
import org.jnova.api.openstack.compute.removed.NetworkActionsGone;
import org.jnova.api.openstack.compute.removed.RemovedApiController;
import org.jnova.api.openstack.compute.remoteconsoles.RemoteConsolesController;
import org.jnova.api.openstack.compute.floatingippools.FloatingIpPoolsController;
import org.jnova.api.openstack.compute.floatingips.FloatingIpsController;
import org.jnova.api.openstack.compute.networks.NetworksController;
import org.jnova.api.openstack.compute.securitygroups.SecurityGroupRulesController;
import org.jnova.api.openstack.compute.securitygroups.SecurityGroupsController;
import org.jnova.api.openstack.compute.securitygroups.ServerSecurityGroupsController;
import org.jnova.api.openstack.compute.tenantnetworks.TenantNetworksController;
import org.jnova.api.openstack.compute.serverdiagnostics.ServerDiagnosticsController;
import org.jnova.api.openstack.compute.serverexternalevents.ServerExternalEventsController;
import org.jnova.api.openstack.compute.servergroups.ServerGroupsController;
import org.jnova.api.openstack.compute.servermetadata.ServerMetadataController;
import org.jnova.api.openstack.compute.servermigrations.ServerMigrationsController;
import org.jnova.api.openstack.compute.serverpassword.ServerPasswordController;
import org.jnova.api.openstack.compute.servers.RebuildServerView;
import org.jnova.api.openstack.compute.servers.ServerActionsController;
import org.jnova.api.openstack.compute.servers.ServerCreateChecks;
import org.jnova.api.openstack.compute.servers.ServerViews;
import org.jnova.api.openstack.compute.servers.ServersController;
import org.jnova.api.openstack.compute.servers.actions.AdminActionsController;
import org.jnova.api.openstack.compute.servers.actions.AdminPasswordController;
import org.jnova.api.openstack.compute.servers.actions.ConsoleOutputController;
import org.jnova.api.openstack.compute.servers.actions.CreateBackupController;
import org.jnova.api.openstack.compute.servers.actions.DeferredDeleteController;
import org.jnova.api.openstack.compute.servers.actions.EvacuateController;
import org.jnova.api.openstack.compute.servers.actions.FloatingIpActionsController;
import org.jnova.api.openstack.compute.servers.actions.LockServerController;
import org.jnova.api.openstack.compute.servers.actions.MigrateLiveController;
import org.jnova.api.openstack.compute.servers.actions.MigrateServerController;
import org.jnova.api.openstack.compute.servers.actions.MultinicController;
import org.jnova.api.openstack.compute.servers.actions.PauseServerController;
import org.jnova.api.openstack.compute.servers.actions.RescueController;
import org.jnova.api.openstack.compute.servers.actions.SecurityGroupActionController;
import org.jnova.api.openstack.compute.servers.actions.ServerCrashDumpController;
import org.jnova.api.openstack.compute.servers.actions.ServerCreateImageController;
import org.jnova.api.openstack.compute.servers.actions.ServerRebuildController;
import org.jnova.api.openstack.compute.servers.actions.ServerResizeController;
import org.jnova.api.openstack.compute.servers.actions.ShelveController;
import org.jnova.api.openstack.compute.servers.actions.SuspendServerController;
import org.jnova.api.openstack.compute.servertags.ServerTagsController;
import org.jnova.api.openstack.compute.servertopology.ServerTopologyController;
import org.jnova.api.openstack.compute.services.ServicesController;
import org.jnova.api.openstack.compute.simpletenantusage.SimpleTenantUsageController;
import org.jnova.api.openstack.compute.assistedvolumesnapshots.AssistedVolumeSnapshotsController;
import org.jnova.api.openstack.compute.snapshots.SnapshotsController;
import org.jnova.compute.AssistedVolumeSnapshotsApi;
import org.jnova.api.openstack.compute.volumes.Paging;
import org.jnova.api.openstack.compute.volumes.VolumeAttachmentsController;
import org.jnova.api.openstack.compute.volumes.VolumesController;
import org.jnova.compute.AggregatesApi;
import org.jnova.compute.AuditPeriod;
import org.jnova.compute.AvailabilityZonesApi;
import org.jnova.compute.BootDevices;
import org.jnova.compute.FlavorsApi;
import org.jnova.compute.GuestDataApi;
import org.jnova.compute.HostUptimeApi;
import org.jnova.compute.InstanceActionsApi;
import org.jnova.compute.InstanceUsageAuditApi;
import org.jnova.compute.KeyPairsApi;
import org.jnova.compute.MigrationsApi;
import org.jnova.compute.MoveApi;
import org.jnova.compute.Quotas;
import org.jnova.compute.RebuildApi;
import org.jnova.compute.ResizeApi;
import org.jnova.compute.SeedData;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServerExternalEventsApi;
import org.jnova.compute.ServerGroupsApi;
import org.jnova.compute.ServerMetadataApi;
import org.jnova.compute.ServerPasswordApi;
import org.jnova.compute.FloatingIpsApi;
import org.jnova.compute.NetworksApi;
import org.jnova.compute.SecurityGroupsApi;
import org.jnova.compute.ServerSecurityGroupsApi;
import org.jnova.compute.ServersApi;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.ShelveApi;
import org.jnova.compute.UsageApi;
import org.jnova.compute.VolumeAttachmentsApi;
import org.jnova.compute.RootVolumes;
import org.jnova.compute.VolumeBackedSnapshots;
import org.jnova.compute.VolumeCleanup;
import org.jnova.compute.manager.ComputeManager;
import org.jnova.compute.manager.InstanceActionEvents;
import org.jnova.compute.manager.InstanceOperations;
import org.jnova.compute.manager.MoveOperations;
import org.jnova.compute.manager.ResizeOperations;
import org.jnova.compute.manager.ShelveOperations;
import org.jnova.compute.manager.ShareOperations;
import org.jnova.api.openstack.compute.servershares.ServerSharesController;
import org.jnova.compute.ServerSharesApi;
import org.jnova.conf.ShareOpts;
import org.jnova.db.ShareMappingStore;
import org.jnova.share.ShareCatalog;
import org.jnova.compute.manager.VolumeOperations;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.conductor.ComputeTaskManager;
import org.jnova.conductor.rpcapi.ConductorRpcApi;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.ConsoleOpts;
import org.jnova.conf.OutboxOpts;
import org.jnova.conf.QuotaOpts;
import org.jnova.conf.SchedulerOpts;
import org.jnova.conf.ServersOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.ServiceQuotaOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.console.ConsolesApi;
import org.jnova.api.openstack.identity.IdentityV3Router;
import org.jnova.api.openstack.identity.support.IdentityPolicy;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.applicationcredentials.ApplicationCredentialsController;
import org.jnova.api.openstack.identity.ec2credentials.Ec2CredentialsController;
import org.jnova.api.openstack.identity.ec2tokens.Ec2TokensController;
import org.jnova.api.openstack.identity.tokens.AuthTokensController;
import org.jnova.api.openstack.identity.tokens.BuiltInTokenValidator;
import org.jnova.api.openstack.identity.ec2tokens.BuiltInEc2Verifier;
import org.jnova.api.ec2.auth.Ec2CredentialsVerifier;
import org.jnova.api.auth.BuiltInIdentity;
import org.jnova.api.auth.IdentityClient;
import org.jnova.conf.ServiceUserOpts;
import org.jnova.identity.ApplicationCredentialsApi;
import org.jnova.identity.CredentialCipher;
import org.jnova.identity.CredentialKeyRepository;
import org.jnova.identity.CredentialMigrator;
import org.jnova.identity.Ec2CredentialsApi;
import org.jnova.identity.TokenRevocations;
import org.jnova.api.openstack.identity.assignments.GrantsController;
import org.jnova.api.openstack.identity.assignments.RoleAssignmentsController;
import org.jnova.api.openstack.identity.catalog.AuthCatalogController;
import org.jnova.api.openstack.identity.endpoints.EndpointsController;
import org.jnova.api.openstack.identity.groups.GroupsController;
import org.jnova.api.openstack.identity.regions.RegionsController;
import org.jnova.api.openstack.identity.roles.RolesController;
import org.jnova.api.openstack.identity.services.CatalogServicesController;
import org.jnova.api.openstack.identity.authscopes.AuthScopesController;
import org.jnova.api.openstack.identity.domains.DomainsController;
import org.jnova.api.openstack.identity.projects.ProjectsController;
import org.jnova.api.openstack.identity.users.UsersController;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.IdentityAssignments;
import org.jnova.identity.IdentityBootstrap;
import org.jnova.identity.SigningKeys;
import org.jnova.identity.IdentityCatalog;
import org.jnova.identity.IdentityGroups;
import org.jnova.identity.IdentityRoles;
import org.jnova.identity.IdentityDomains;
import org.jnova.identity.IdentityProjects;
import org.jnova.identity.IdentityUsers;
import org.jnova.identity.PasswordHasher;
import org.jnova.db.ActionStore;
import org.jnova.db.AggregateStore;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.db.ComputeNodeStore;
import org.jnova.db.ConsoleAuthTokenStore;
import org.jnova.db.Databases;
import org.jnova.db.IdentityApplicationCredentialStore;
import org.jnova.db.IdentityCredentialStore;
import org.jnova.db.IdentityRevocationStore;
import org.jnova.db.Ec2IdMappingStore;
import org.jnova.ec2.Ec2Ids;
import org.jnova.db.IdentityStore;
import org.jnova.db.IdentityAssignmentStore;
import org.jnova.db.IdentityCatalogStore;
import org.jnova.db.IdentityGroupStore;
import org.jnova.db.IdentityRoleStore;
import org.jnova.db.IdentityDomainStore;
import org.jnova.db.IdentityProjectStore;
import org.jnova.db.IdentityStore;
import org.jnova.db.IdentityUserStore;
import org.jnova.db.FlavorStore;
import org.jnova.db.ImageStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.KeyPairStore;
import org.jnova.db.MigrationStore;
import org.jnova.db.OutboxStore;
import org.jnova.db.FloatingIpStore;
import org.jnova.db.PortStore;
import org.jnova.db.QuotaStore;
import org.jnova.db.SecurityGroupStore;
import org.jnova.db.ServerGroupStore;
import org.jnova.db.ServiceStore;
import org.jnova.db.SnapshotStore;
import org.jnova.db.VolumeStore;
import org.jnova.exception.ConfigError;
import org.jnova.image.ImagesApi;
import org.jnova.image.LocalImagesApi;
import org.jnova.image.GlanceClientImagesApi;
import org.jnova.conf.GlanceClientOpts;
import org.jnova.network.FixedIpAllocator;
import org.jnova.network.InterfaceAttachmentsApi;
import org.jnova.paste.FactoryRegistry;
import org.jnova.policy.Enforcer;
import org.jnova.rpc.Outbox;
import org.jnova.rpc.OutboxRelay;
import org.jnova.rpc.Transport;
import org.jnova.scheduler.Scheduler;
import org.jnova.utils.Cidr;
import org.jnova.utils.JsonMappers;
import org.jnova.virt.ConfigDriveWriter;
import org.jnova.virt.fake.FakeDriver;
import org.jnova.volume.BuiltinVolumeApi;
import org.jnova.volume.VolumeApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that assembles jnova from configuration: the stores over the database pools,
 * the compute services, the conductor and compute hosts, the metadata app and every API
 * controller (nova's {@code routes.py} list, {@link #registerControllers}). The all-in-one,
 * nova-api (launcher and workers) and nova-compute build their process from it; every other
 * class receives only what it uses, through its constructor.
 */
public final class CompositionRoot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompositionRoot.class);
    /** How often the outbox relay looks for casts to send again. */
    private static final Duration OUTBOX_SWEEP_INTERVAL = Duration.ofSeconds(2);

    /** Keystone's [token] expiration default. */
    private static final java.time.Duration IDENTITY_TOKEN_LIFETIME = java.time.Duration.ofHours(1);
    private final ConfigOpts conf;
    private final Databases dbs;
    private final Transport transport;
    private final List<AutoCloseable> running = new ArrayList<>();

    private final InstanceStore instances;
    private final FlavorStore flavorStore;
    private final ImageStore images;
    private final KeyPairStore keyPairStore;
    private final ActionStore actions;
    private final ServiceStore services;
    private final ComputeNodeStore nodes;
    private final MigrationStore migrations;
    private final ServerGroupStore serverGroups;
    private final AggregateStore aggregateStore;
    private final BlockDeviceMappingStore bdms;
    private final OutboxStore outboxStore;
    private final ComputeRpcApi computeRpc;
    private final ConductorRpcApi conductorRpc;
    private final ConsoleAuthTokenStore consoleTokens;
    private final ShareMappingStore shareMappings;
    private final PortStore ports;
    /** The volume service nova talks to: the built-in catalog by default. */
    private final VolumeApi volumes;
    private final VolumeCleanup volumeCleanup;
    private final LocalImagesApi imagesApi;
    /** The image service the compute side uses: the built-in catalog, or the operator's Glance. */
    private final ImagesApi imageService;
    private final VolumeAttachmentsApi volumeAttachments;
    private final Quotas quotas;
    private final FlavorsApi flavors;
    private final KeyPairsApi keyPairs;
    private final ServersApi servers;
    private final ServerActionsApi serverActions;
    private final ShelveApi shelve;
    private final ResizeApi resize;
    private final ServerMetadataApi serverMetadata;
    private final Scheduler scheduler;
    private final ServerSecurityGroupsApi serverSecurityGroups;
    private final SecurityGroupsApi securityGroups;
    private final RebuildApi rebuild;
    private final MoveApi moves;
    private final ServicesApi servicesApi;
    private final AggregatesApi aggregates;
    private final UsageApi usage;
    private final InstanceActionsApi instanceActions;
    private final AvailabilityZonesApi availabilityZones;
    private final MigrationsApi migrationsApi;
    private final ServerGroupsApi serverGroupsApi;
    private final ServerPasswordApi serverPasswords;
    private final ServerExternalEventsApi externalEvents;
    /** What the metadata service and config drives read and write about a guest. */
    private final GuestDataApi guestData;
    private final IdentityApi identity;
    private final IdentityDomains identityDomains;
    private final IdentityProjects identityProjects;
    private final IdentityUsers identityUsers;
    /** Keystone's EC2 credentials: /v3/ec2tokens, and the EC2 API's signature check in-process. */
    private final Ec2CredentialsApi ec2Credentials;
    /** EC2's ids of instances and images, shared by the EC2 API and the metadata service. */
    private final Ec2Ids ec2Ids;

    /** The graph over {@code dbs} and {@code transport}; {@link #close()} closes both. */
    public CompositionRoot(ConfigOpts conf, Databases dbs, Transport transport) {
        this.conf = requireNonNull(conf, "conf is null");
        this.dbs = requireNonNull(dbs, "dbs is null");
        this.transport = requireNonNull(transport, "transport is null");
        String defaultZone = conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE);
        instances = new InstanceStore(dbs.main(), conf.get(ComputeOpts.INSTANCE_NAME_TEMPLATE));
        flavorStore = new FlavorStore(dbs.api());
        images = new ImageStore(dbs.main());
        keyPairStore = new KeyPairStore(dbs.api());
        TokenRevocations tokenRevocations = identityRevocations(dbs);
        identity = new IdentityApi(new IdentityStore(dbs.api()), new IdentityApplicationCredentialStore(dbs.api()),
                tokenRevocations, identityPasswords(), IDENTITY_TOKEN_LIFETIME, Clock.systemUTC());
        IdentityDomainStore identityDomainStore = new IdentityDomainStore(dbs.api());
        identityDomains = new IdentityDomains(identityDomainStore);
        identityProjects = new IdentityProjects(new IdentityProjectStore(dbs.api()), identityDomainStore);
        identityUsers = new IdentityUsers(new IdentityUserStore(dbs.api()), new IdentityStore(dbs.api()),
                identityDomainStore, identityPasswords(), tokenRevocations);
        ec2Credentials = new Ec2CredentialsApi(new IdentityStore(dbs.api()), new IdentityCredentialStore(dbs.api()),
                identity, credentialCipher(conf), Clock.systemUTC());
        actions = new ActionStore(dbs.main());
        services = new ServiceStore(dbs.main());
        nodes = new ComputeNodeStore(dbs.main());
        migrations = new MigrationStore(dbs.main());
        serverGroups = new ServerGroupStore(dbs.api());
        aggregateStore = new AggregateStore(dbs.api());
        bdms = new BlockDeviceMappingStore(dbs.main());
        consoleTokens = new ConsoleAuthTokenStore(dbs.main());
        shareMappings = new ShareMappingStore(dbs.main());
        ports = new PortStore(dbs.main());
        volumes = new BuiltinVolumeApi(dbs.main(), new VolumeStore(dbs.main()), new SnapshotStore(dbs.main()),
                defaultZone, new BuiltinVolumeApi.Limits(conf.get(ServiceQuotaOpts.VOLUMES),
                        conf.get(ServiceQuotaOpts.GIGABYTES), conf.get(ServiceQuotaOpts.SNAPSHOTS)));
        volumeCleanup = new VolumeCleanup(bdms, volumes);
        imagesApi = new LocalImagesApi(images, dbs.main(), conf.get(ServiceQuotaOpts.IMAGES));
        imageService = GlanceClientOpts.external(conf)
                ? new GlanceClientImagesApi(GlanceClientOpts.settings(conf), serviceUserToken(conf))
                : imagesApi;
        outboxStore = new OutboxStore(dbs.main());
        Outbox outbox = new Outbox(outboxStore, transport);
        computeRpc = new ComputeRpcApi(transport, outbox);
        conductorRpc = new ConductorRpcApi(transport, outbox);
        volumeAttachments = new VolumeAttachmentsApi(bdms, actions, volumes, volumeCleanup, computeRpc,
                dbs.main());
        quotas = new Quotas(conf, new QuotaStore(dbs.api()), dbs.api(), instances, keyPairStore);
        flavors = new FlavorsApi(flavorStore, dbs.api());
        keyPairs = new KeyPairsApi(keyPairStore, quotas, dbs.api());
        scheduler = new Scheduler(nodes, services, instances, dbs.main(), serverGroups,
                new Scheduler.Settings(defaultZone, Duration.ofSeconds(conf.get(ComputeOpts.SERVICE_DOWN_TIME)),
                conf.get(ComputeOpts.RESERVED_HOST_MEMORY_MB), conf.get(ComputeOpts.RESERVED_HOST_DISK_MB),
                conf.get(ComputeOpts.RESERVED_HOST_CPUS), SchedulerOpts.instancesPerHostLimit(conf)),
                new Scheduler.Weights(conf.get(SchedulerOpts.RAM_WEIGHT_MULTIPLIER),
                        conf.get(SchedulerOpts.SOFT_AFFINITY_WEIGHT_MULTIPLIER),
                        conf.get(SchedulerOpts.SOFT_ANTI_AFFINITY_WEIGHT_MULTIPLIER)),
                aggregateStore::hostZones);
        servicesApi = new ServicesApi(services, nodes, instances, scheduler, defaultZone,
                conf.get(ComputeOpts.INTERNAL_SERVICE_AVAILABILITY_ZONE), aggregateStore::hostZones);
        availabilityZones = new AvailabilityZonesApi(servicesApi, defaultZone);
        servers = new ServersApi(instances, dbs.main(), flavors, imageService, keyPairStore, actions, quotas,
                computeRpc,
                conductorRpc,
                new ServersApi.Settings(defaultZone, conf.get(ComputeOpts.DEFAULT_SCHEDULE_ZONE),
                        conf.get(ComputeOpts.RECLAIM_INSTANCE_INTERVAL), conf.get(ServersOpts.MAX_SERVERS_PER_REQUEST),
                        conf.get(ServiceQuotaOpts.PORTS)),
                bdms, volumeCleanup, new BootDevices(imageService, volumes), availabilityZones::availableZones);
        RootVolumes rootVolumes = new RootVolumes(bdms);
        serverActions = new ServerActionsApi(servers, instances, dbs.main(), bdms, actions, imageService, computeRpc,
                new VolumeBackedSnapshots(bdms, rootVolumes, volumes, imageService, actions));
        shelve = new ShelveApi(servers, instances, dbs.main(), actions, imageService, nodes, computeRpc, conductorRpc,
                new ShelveApi.Settings(defaultZone, conf.get(ComputeOpts.SHELVED_OFFLOAD_TIME)), rootVolumes,
                availabilityZones::availableZones);
        resize = new ResizeApi(servers, instances, dbs.main(), flavors, quotas, actions, nodes, computeRpc,
                conductorRpc, rootVolumes);
        serverMetadata = new ServerMetadataApi(servers, instances, dbs.main(), quotas);
        securityGroups = new SecurityGroupsApi(new SecurityGroupStore(dbs.main()),
                conf.get(ComputeOpts.SECURITY_GROUP_QUOTA), conf.get(ComputeOpts.SECURITY_GROUP_RULE_QUOTA));
        serverSecurityGroups = new ServerSecurityGroupsApi(servers, instances, ports, securityGroups);
        rebuild = new RebuildApi(servers, instances, dbs.main(), imageService, keyPairStore, actions, quotas,
                computeRpc,
                rootVolumes, volumes);
        moves = new MoveApi(servers, instances, dbs.main(), actions, nodes, services, migrations, scheduler, computeRpc,
                conductorRpc);
        aggregates = new AggregatesApi(aggregateStore, services, instances);
        usage = new UsageApi(instances);
        instanceActions = new InstanceActionsApi(servers, actions);
        migrationsApi = new MigrationsApi(migrations);
        serverGroupsApi = new ServerGroupsApi(serverGroups, instances);
        serverPasswords = new ServerPasswordApi(instances);
        externalEvents = new ServerExternalEventsApi(instances, actions);
        ec2Ids = new Ec2Ids(new Ec2IdMappingStore(dbs.main()));
        guestData = new GuestDataApi(instances, keyPairStore, ports, ec2Ids);
    }

    /** Opens the databases and the transport {@code conf} names; closing the root closes them. */
    public static CompositionRoot open(ConfigOpts conf) {
        Databases databases = Databases.open(conf);
        Transport transport;
        try {
            transport = Transports.fromConfig(conf);
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
        try {
            return new CompositionRoot(conf, databases, transport);
        } catch (RuntimeException e) {
            try {
                transport.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            databases.close();
            throw e;
        }
    }

    /**
     * The cloud behind an API process: starts the conductor.
     *
     * @param embedded also migrate the schema, seed flavors and the image, and start a compute
     *     host in this process (the all-in-one default)
     */
    void startApiBackend(boolean embedded) {
        if (embedded) {
            dbs.syncAll();
            seed();
            if (servesOwnIdentity() && "keystone".equals(conf.get(ApiOpts.AUTH_STRATEGY))) {
                new AllInOneCloud(conf, identityBootstrap(), identity, statePath()).setUp();
            }
            ComputeManager compute = computeHost();
            compute.start();
            running.add(compute::stop);
        }
        ComputeTaskManager conductor = conductor("nova-conductor");
        conductor.start();
        running.add(conductor::stop);
        OutboxRelay relay = outboxRelay();
        relay.start();
        running.add(relay::stop);
    }

    /** The paste factories of an API process: middleware, the v2.1 router, versions, metadata. */
    FactoryRegistry pasteApps(Enforcer enforcer, Enforcer identityEnforcer) {
        Optional<BuiltInIdentity> builtInIdentity = servesOwnIdentity()
                ? Optional.of(new BuiltInIdentity(new BuiltInTokenValidator(identity),
                        new LocalEndpoints(conf).identityRoot()))
                : Optional.empty();
        FactoryRegistry registry = ApiApps.registry(conf, enforcer, builtInIdentity, this::registerControllers,
                this::metadataApp, () -> identityApp(identityEnforcer), this::imageApp);
        Optional<Ec2CredentialsVerifier> builtInEc2 = servesOwnIdentity()
                ? Optional.of(new BuiltInEc2Verifier(ec2Credentials)) : Optional.empty();
        Ec2Paste.register(registry, conf, enforcer, builtInEc2, () -> ec2App(enforcer));
        return registry;
    }

    /** The EC2 API's actions (enabled_apis = ec2) over the same compute APIs as the v2.1 router. */
    private Ec2Executor ec2App(Enforcer enforcer) {
        return Ec2Cloud.executor(new RegionsActions(availabilityZones, enforcer),
                new InstancesActions(servers, serverActions, flavors, securityGroups,
                        new InstanceBlockDevices(volumeAttachments, volumes, ec2Ids),
                        new RunBlockDevices(imageService, volumes, ec2Ids),
                        new DeleteOnTerminationChanges(volumeAttachments, ec2Ids), ec2Ids, enforcer,
                        conf.get(ComputeOpts.DEFAULT_AVAILABILITY_ZONE)),
                new ImagesActions(imageService, volumes, servers, serverActions, ec2Ids, enforcer),
                new KeyPairsActions(keyPairs, enforcer),
                new TagsActions(servers, serverMetadata, volumes, ec2Ids, enforcer),
                new SecurityGroupsActions(securityGroups, enforcer),
                new AddressesActions(floatingIpsApi(), servers, ec2Ids, enforcer),
                new VolumesActions(volumes, volumeAttachments, servers, ec2Ids, enforcer));
    }

    /** The built-in network's floating IPs (one pool), as the v2.1 router and the EC2 API use them. */
    private FloatingIpsApi floatingIpsApi() {
        return new FloatingIpsApi(new FloatingIpStore(dbs.main()), ports,
                new FloatingIpsApi.Pool(conf.get(ComputeOpts.FLOATING_IP_POOL),
                        floatingIpRange(), conf.get(ComputeOpts.FLOATING_IP_QUOTA)));
    }

    /**
     * Whether this process serves the Identity API ({@code enabled_apis} lists identity): then
     * the other APIs' {@code authtoken} validates tokens with it in-process, not over HTTP.
     */
    private boolean servesOwnIdentity() {
        return conf.get(ServiceOpts.ENABLED_APIS).contains("identity");
    }

    private Path statePath() {
        String statePath = conf.get(DatabaseOpts.STATE_PATH);
        return statePath == null ? Path.of("") : Path.of(statePath);
    }

    /** Keystone's /v3 (enabled_apis = identity): every resource's routes, under Keystone's policy. */
    private IdentityV3Router identityApp(Enforcer identityEnforcer) {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(new AuthTokensController(identity).routes());
        routes.addAll(new ApplicationCredentialsController(new ApplicationCredentialsApi(new IdentityStore(dbs.api()),
                new IdentityApplicationCredentialStore(dbs.api()), identity, identityPasswords(), Clock.systemUTC()))
                .routes());
        routes.addAll(new Ec2CredentialsController(ec2Credentials).routes());
        routes.addAll(new Ec2TokensController(ec2Credentials).routes());
        IdentityStore identityStore = new IdentityStore(dbs.api());
        IdentityRoles roles = new IdentityRoles(new IdentityRoleStore(dbs.api()));
        IdentityGroups groups = new IdentityGroups(new IdentityGroupStore(dbs.api()), identityStore);
        IdentityAssignments assignments = new IdentityAssignments(new IdentityAssignmentStore(dbs.api()),
                identityStore);
        IdentityCatalog catalog = new IdentityCatalog(new IdentityCatalogStore(dbs.api()), identityStore);
        routes.addAll(new RolesController(roles).routes());
        routes.addAll(new GroupsController(groups).routes());
        routes.addAll(new GrantsController(assignments, roles, groups).routes());
        routes.addAll(new RoleAssignmentsController(assignments, roles, groups).routes());
        routes.addAll(new CatalogServicesController(catalog).routes());
        routes.addAll(new EndpointsController(catalog).routes());
        routes.addAll(new RegionsController(catalog).routes());
        routes.addAll(new AuthCatalogController(catalog).routes());
        routes.addAll(new DomainsController(identityDomains).routes());
        routes.addAll(new ProjectsController(identityProjects, identityDomains).routes());
        routes.addAll(new UsersController(identityUsers, identityProjects).routes());
        routes.addAll(new AuthScopesController(identityProjects).routes());
        return new IdentityV3Router(routes, identity, new IdentityPolicy(identityEnforcer));
    }

    /** {@code keystone-manage bootstrap} over this root's API database. */
    public IdentityBootstrap identityBootstrap() {
        return identityBootstrap(dbs);
    }

    /** The cipher of stored credentials, with the keys of {@code [credential] key_repository}. */
    static CredentialCipher credentialCipher(ConfigOpts conf) {
        return new CredentialCipher(credentialKeys(conf));
    }

    /** The credential key repository {@code [credential] key_repository}. */
    static CredentialKeyRepository credentialKeys(ConfigOpts conf) {
        return new CredentialKeyRepository(Path.of(conf.get(CredentialOpts.KEY_REPOSITORY)));
    }

    /** {@code keystone-manage credential_migrate} over {@code dbs}' API database. */
    static CredentialMigrator credentialMigrator(ConfigOpts conf, Databases dbs) {
        return new CredentialMigrator(new IdentityCredentialStore(dbs.api()), credentialCipher(conf));
    }

    /** The token signing keys of {@code dbs}' API database, for nova-manage's rotation. */
    static SigningKeys identitySigningKeys(Databases dbs) {
        return new SigningKeys(new IdentityStore(dbs.api()));
    }

    /** {@code keystone-manage bootstrap} over {@code dbs}' API database, for nova-manage. */
    static IdentityBootstrap identityBootstrap(Databases dbs) {
        return new IdentityBootstrap(new IdentityStore(dbs.api()), identityPasswords(), identityRevocations(dbs));
    }

    /** Revocation events in {@code dbs}' API database, pruned past the token lifetime. */
    private static TokenRevocations identityRevocations(Databases dbs) {
        return new TokenRevocations(new IdentityRevocationStore(dbs.api()), IDENTITY_TOKEN_LIFETIME, Clock.systemUTC());
    }

    /** Keystone's pbkdf2_sha512 hashes at passlib's default rounds. */
    private static PasswordHasher identityPasswords() {
        return new PasswordHasher(25_000);
    }

    /** glance's Image v2 router over the same image catalog as the compute API's images. */
    private ImageApiV2 imageApp() {
        Path files = statePath().resolve("images");
        GlanceImageStore glanceImages = new GlanceImageStore(dbs.main());
        ImageMemberStore memberStore = new ImageMemberStore(dbs.main());
        GlanceImagesApi api = new GlanceImagesApi(glanceImages, images, memberStore, imagesApi,
                new ImageFiles(files), ImageOpts.imageSizeCap(conf), Clock.systemUTC(),
                task -> Thread.ofVirtual().name("image-import").start(task));
        ImageMembersApi members = new ImageMembersApi(glanceImages, memberStore, imagesApi,
                conf.get(ImageOpts.IMAGE_MEMBER_QUOTA));
        return new ImageApiV2(api, members, conf.get(ImageOpts.LIMIT_PARAM_DEFAULT),
                conf.get(ImageOpts.API_LIMIT_MAX));
    }

    /**
     * The v2.1 router with every controller, authorizing with {@code enforcer}: the paste app
     * {@code api_router_v21} without the middleware in front of it.
     */
    public ApiRouterV21 computeRouter(Enforcer enforcer) {
        return ApiApps.computeRouter(conf, enforcer, this::registerControllers);
    }

    private MetadataRequestHandler metadataApp() {
        return MetadataService.app(conf, guestData);
    }

    /** nova's routes.py: every API resource's controllers, each built with what it uses. */
    private void registerControllers(ApiRouterV21.Builder router) {
        int maxLimit = conf.get(ApiOpts.MAX_LIMIT);
        boolean enablePassword = conf.get(ApiOpts.ENABLE_INSTANCE_PASSWORD);
        int passwordLength = conf.get(ServersOpts.PASSWORD_LENGTH);
        String networkLabel = conf.get(ComputeOpts.NETWORK_NAME);
        Links links = Links.from(conf);
        FlavorView flavorView = new FlavorView(links);
        HostReserved hostReserved = HostReserved.from(conf);
        ServerViews serverViews = new ServerViews(volumeAttachments, serverGroupsApi, servicesApi, servers);

        router.controller("availability_zone", new AvailabilityZoneController(servicesApi,
                conf.get(ComputeOpts.INTERNAL_SERVICE_AVAILABILITY_ZONE)));
        router.controller("services", new ServicesController(servicesApi, aggregates));
        router.controller("hypervisors", new HypervisorsController(servicesApi, links, hostReserved,
                new HostUptimeApi(computeRpc)));
        router.controller("instance_usage_audit_log", new InstanceUsageAuditLogController(new InstanceUsageAuditApi(
                services, instances, AuditPeriod.parse(conf.get(ComputeOpts.INSTANCE_USAGE_AUDIT_PERIOD)),
                Clock.systemUTC())));
        router.controller("baremetal_nodes", new BaremetalNodesController());
        router.controller("simple_tenant_usage", new SimpleTenantUsageController(usage, links, Clock.systemUTC()));
        router.controller("server_groups", new ServerGroupsController(serverGroupsApi, quotas, maxLimit,
                conf.get(QuotaOpts.RECHECK_QUOTA)));
        router.controller("migrations", new MigrationsController(migrationsApi, links));
        router.controller("aggregates", new AggregatesController(aggregates));
        router.controller("hosts", new HostsController(servicesApi, hostReserved));
        router.controller("flavors", new FlavorsController(flavors, flavorView));
        router.actions("flavors", new FlavorManageController(flavors, flavorView));
        router.controller("flavor_extraspec", new FlavorExtraSpecsController(flavors,
                ExtraSpecValidator.load(JsonMappers.standard())));
        router.controller("flavor_access", new FlavorAccessController(flavors));
        router.actions("flavors", new FlavorActionController(flavors));
        router.controller("keypairs", new KeypairsController(keyPairs, links));
        router.controller("images", new ImagesController(imageService,
                new ImageView(links, Optional.ofNullable(conf.get(ApiOpts.GLANCE_LINK_PREFIX)))));
        router.controller("image_metadata", new ImageMetadataController(imageService, quotas));
        router.controller("limits", new LimitsController(quotas));
        router.controller("quota_set", new QuotaSetsController(quotas));
        router.controller("quota_classes", new QuotaClassesController(quotas));

        FloatingIpsApi floatingIps = floatingIpsApi();
        router.controller("floating_ip_pools", new FloatingIpPoolsController(floatingIps));
        router.controller("floating_ips", new FloatingIpsController(floatingIps));

        ServersController.Settings serverSettings = new ServersController.Settings(maxLimit, enablePassword,
                passwordLength, networkLabel, conf.get(ComputeOpts.DEFAULT_SCHEDULE_ZONE));
        router.controller("servers", new ServersController(servers, serverViews, new ServerCreateChecks(quotas,
                        servicesApi, serverGroupsApi, servers, serverSettings.defaultScheduleZone(), securityGroups), serverSettings))
                .actions("servers", new ServerActionsController(servers))
                .controller("ips", new IpsController(servers))
                .controller("server_metadata", new ServerMetadataController(servers, serverMetadata))
                .controller("server_tags", new ServerTagsController(servers, serverMetadata))
                .controller("server_shares", new ServerSharesController(servers, new ServerSharesApi(shareMappings,
                        ShareCatalog.of(conf.get(ShareOpts.SHARES)), actions, computeRpc, dbs.main())))
                .controller("instance_actions", new InstanceActionsController(servers, instanceActions, maxLimit));
        router.actions("servers",
                new ServerCrashDumpController(servers, serverActions),
                new ServerCreateImageController(servers, serverActions),
                new LockServerController(servers),
                new PauseServerController(servers, serverActions),
                new SuspendServerController(servers, serverActions),
                new AdminActionsController(servers, serverActions),
                new DeferredDeleteController(servers),
                new AdminPasswordController(servers, serverActions),
                new ConsoleOutputController(servers, serverActions),
                new CreateBackupController(servers, serverActions),
                new RescueController(servers, serverActions, enablePassword, passwordLength),
                new ShelveController(servers, shelve),
                new ServerResizeController(servers, resize),
                new ServerRebuildController(servers, rebuild, new RebuildServerView(serverViews), enablePassword,
                        passwordLength),
                new MigrateServerController(servers, resize),
                new MigrateLiveController(servers, moves),
                new EvacuateController(servers, moves, enablePassword, passwordLength),
                new SecurityGroupActionController(servers, serverSecurityGroups),
                new MultinicController(servers),
                new FloatingIpActionsController(servers, floatingIps));

        ConsolesApi consoles = new ConsolesApi(consoleTokens, new ConsolesApi.Settings(
                conf.get(ConsoleOpts.VNC_ENABLED), conf.get(ConsoleOpts.NOVNCPROXY_BASE_URL),
                conf.get(ConsoleOpts.SPICE_ENABLED), conf.get(ConsoleOpts.HTML5PROXY_BASE_URL),
                conf.get(ConsoleOpts.SPICE_DIRECT_PROXY_BASE_URL),
                conf.get(ConsoleOpts.SERIAL_ENABLED), conf.get(ConsoleOpts.SERIAL_BASE_URL),
                conf.get(ConsoleOpts.MKS_ENABLED), conf.get(ConsoleOpts.MKSPROXY_BASE_URL),
                conf.get(ConsoleOpts.TOKEN_TTL)));
        router.controller("server_remote_consoles", new RemoteConsolesController(servers, consoles))
                .actions("servers", new RemoteConsoleActionsController(servers, consoles))
                .controller("console_auth_tokens", new ConsoleAuthTokensController(consoles));

        // the built-in network's id, as servers' "networks" accept it
        String networkId = NetworksApi.idOf(networkLabel);
        String fixedRange = conf.get(ComputeOpts.FIXED_RANGE);
        InterfaceAttachmentsApi interfaces = new InterfaceAttachmentsApi(dbs.main(), ports, actions,
                new FixedIpAllocator(dbs.main(), ports, fixedRange, networkLabel), fixedRange, networkLabel, networkId,
                conf.get(ServiceQuotaOpts.PORTS));
        router.controller("server_os_interface", new InterfaceAttachmentController(servers, interfaces, networkLabel));

        router.controller("server_password", new ServerPasswordController(servers, serverPasswords));
        router.controller("server_topology", new ServerTopologyController(servers));
        router.controller("server_diagnostics", new ServerDiagnosticsController(servers));
        router.controller("server_migrations", new ServerMigrationsController(servers, migrationsApi, moves));
        router.controller("server_external_events", new ServerExternalEventsController(externalEvents));

        Paging paging = new Paging(maxLimit);
        router.controller("volumes", new VolumesController(volumes, paging));
        router.controller("snapshots", new SnapshotsController(volumes, paging));
        router.controller("assisted_volume_snapshots", new AssistedVolumeSnapshotsController(
                new AssistedVolumeSnapshotsApi(bdms, instances, computeRpc)));
        router.controller("server_volume_attachments",
                new VolumeAttachmentsController(servers, volumeAttachments, paging));
        router.controller("server_security_groups", new ServerSecurityGroupsController(servers,
                serverSecurityGroups, securityGroups));

        RemovedApiController removed = new RemovedApiController();
        RemovedApiController.RESOURCES.forEach(resource -> router.controller(resource, removed));
        router.actions("fixed_ips", new FixedIpActionsGone());
        router.actions("networks", new NetworkActionsGone());
        router.controller("security_group", new SecurityGroupsController(securityGroups, paging));
        router.controller("security_group_rules", new SecurityGroupRulesController(securityGroups));
        NetworksApi networksApi = new NetworksApi(Stream.of(networkLabel,
                conf.get(ComputeOpts.FLOATING_IP_POOL)).distinct().map(NetworksApi.Network::named).toList());
        router.controller("networks", new NetworksController(networksApi));
        router.controller("tenant_networks", new TenantNetworksController(networksApi));
    }

    private Cidr floatingIpRange() {
        String range = conf.get(ComputeOpts.FLOATING_IP_RANGE);
        try {
            return Cidr.parse(range);
        } catch (IllegalArgumentException e) {
            throw new ConfigError("Invalid [jnova_compute] floating_ip_range: " + range, e);
        }
    }

    /** The conductor (scheduling) service; start it in every API process of the embedded setup. */
    public ComputeTaskManager conductor(String name) {
        return new ComputeTaskManager(transport, computeRpc, scheduler, instances, dbs.main(), actions, services, nodes,
                migrations,
                Duration.ofSeconds(Math.max(1, conf.get(ComputeOpts.REPORT_INTERVAL))), name,
                conf.get(ComputeOpts.ALLOW_RESIZE_TO_SAME_HOST),
                Duration.ofSeconds(conf.get(ComputeOpts.BUILD_RECOVERY_AGE)));
    }

    /** What sends again the casts recorded but not sent ([jnova_messaging] outbox_redeliver_after). */
    public OutboxRelay outboxRelay() {
        return new OutboxRelay(outboxStore, new Outbox(outboxStore, transport),
                Duration.ofSeconds(conf.get(OutboxOpts.OUTBOX_REDELIVER_AFTER)),
                Duration.ofSeconds(conf.get(OutboxOpts.OUTBOX_EXPIRE_AFTER)), OUTBOX_SWEEP_INTERVAL);
    }

    /**
     * nova's {@code [service_user]}: when send_service_user_token is on, the service user's token
     * (authenticated, cached and renewed by an {@link IdentityClient} of its own) for
     * {@code X-Service-Token}; otherwise none.
     */
    private static Supplier<Optional<String>> serviceUserToken(ConfigOpts conf) {
        if (!conf.get(ServiceUserOpts.SEND_SERVICE_USER_TOKEN)) {
            return Optional::empty;
        }
        IdentityClient serviceUser = IdentityClient.forServiceUser(conf, Clock.systemUTC());
        return () -> Optional.of(serviceUser.serviceToken());
    }

    /** This process's compute host: the fake driver writing config drives from the metadata source. */
    public ComputeManager computeHost() {
        return computeManager(null, fakeDriver(MetadataService.configDrive(conf, guestData)));
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
                conf.get(ComputeOpts.SHELVED_OFFLOAD_TIME), conf.get(ComputeOpts.INSTANCE_BUILD_TIMEOUT)), transport, driver, instances, dbs.main(),
                services, nodes, actions, consoleTokens,
                new FixedIpAllocator(dbs.main(), ports, conf.get(ComputeOpts.FIXED_RANGE), conf.get(ComputeOpts.NETWORK_NAME)),
                volumeCleanup,
                new InstanceOperations(h, driver, instances, dbs.main(), actions, imageService),
                new ShelveOperations(h, driver, instances, dbs.main(), actions, imageService, nodes,
                        actionEvents(h, ShelveOperations.class)),
                new ResizeOperations(h, driver, instances, dbs.main(), actions, nodes, migrations,
                        actionEvents(h, ResizeOperations.class)),
                new VolumeOperations(h, driver, instances, actions, bdms, dbs.main(), volumes),
                new MoveOperations(h, driver, instances, dbs.main(), actions, nodes, migrations, consoleTokens,
                        computeRpc, actionEvents(h, MoveOperations.class)),
                new ShareOperations(shareMappings, actionEvents(h, ShareOperations.class)));
    }

    /** A compute host's instance-action events, logging failures under the operation's logger. */
    private InstanceActionEvents actionEvents(String host, Class<?> operation) {
        return new InstanceActionEvents(host, instances, dbs.main(), actions, LoggerFactory.getLogger(operation));
    }

    /** The fake driver sized and timed by [jnova_compute] options. */
    public FakeDriver fakeDriver() {
        return fakeDriver(ConfigDriveWriter.NONE);
    }

    /** The fake driver, writing config drives with {@code configDrive}. */
    public FakeDriver fakeDriver(ConfigDriveWriter configDrive) {
        return new FakeDriver(conf.get(ComputeOpts.FAKE_VCPUS), conf.get(ComputeOpts.FAKE_MEMORY_MB),
                conf.get(ComputeOpts.FAKE_LOCAL_GB), Duration.ofMillis(conf.get(ComputeOpts.FAKE_SPAWN_DELAY_MS)),
                Duration.ofMillis(conf.get(ComputeOpts.FAKE_DESTROY_DELAY_MS)),
                Duration.ofMillis(conf.get(ComputeOpts.FAKE_ACTION_DELAY_MS)),
                Duration.ofMillis(conf.get(ComputeOpts.FAKE_LIVE_MIGRATION_MS)), configDrive);
    }

    /** Seeds flavors and the cirros image (embedded default). */
    public void seed() {
        List<String> extra = conf.get(ComputeOpts.SEED_IMAGES);
        SeedData.apply(flavors, images, extra == null ? List.of() : extra);
    }

    /** Stops the services this root started, then closes the transport and the database pools. */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping a service failed: {}", e.toString());
            }
        }
        running.clear();
        try {
            transport.close();
        } catch (Exception e) {
            LOG.warn("Closing the transport failed: {}", e.toString());
        }
        dbs.close();
    }

    // the parts tests inspect and drive directly

    public IdentityApi identity() {
        return identity;
    }

    public InstanceStore instances() {
        return instances;
    }

    public ImageStore images() {
        return images;
    }

    public ActionStore actions() {
        return actions;
    }

    public ComputeNodeStore nodes() {
        return nodes;
    }

    public MigrationStore migrations() {
        return migrations;
    }

    public ServerGroupStore serverGroups() {
        return serverGroups;
    }

    public FlavorsApi flavors() {
        return flavors;
    }

    public KeyPairsApi keyPairs() {
        return keyPairs;
    }

    public Quotas quotas() {
        return quotas;
    }

    /** The built-in image catalog (seed data, the Image v2 API). */
    public LocalImagesApi imagesApi() {
        return imagesApi;
    }

    /** The image service the compute side uses: {@link #imagesApi()} unless [glance] api_servers is set. */
    public ImagesApi imageService() {
        return imageService;
    }

    public ServersApi servers() {
        return servers;
    }

    public ServerActionsApi serverActions() {
        return serverActions;
    }

    public ShelveApi shelve() {
        return shelve;
    }

    public ResizeApi resize() {
        return resize;
    }

    public ServerMetadataApi serverMetadata() {
        return serverMetadata;
    }

    /** The compute hosts' client: casts within transactions go through the outbox. */
    public ComputeRpcApi computeRpc() {
        return computeRpc;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public ServicesApi servicesApi() {
        return servicesApi;
    }

    public UsageApi usage() {
        return usage;
    }

    public InstanceActionsApi instanceActions() {
        return instanceActions;
    }

    public AvailabilityZonesApi availabilityZones() {
        return availabilityZones;
    }

    private double ratio(Opt<Double> explicit, Opt<Double> initial) {
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
