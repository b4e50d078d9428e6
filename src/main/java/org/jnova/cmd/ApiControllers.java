package org.jnova.cmd;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * Registers every API resource's controllers with the router: nova's {@code routes.py}
 * controller list. Each resource package offers one {@code register} call.
 */
final class ApiControllers {
    private ApiControllers() {
    }

    static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        // resource packages register here
        org.jnova.api.openstack.compute.availabilityzone.AvailabilityZoneControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.services.ServicesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.hypervisors.HypervisorsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.simpletenantusage.SimpleTenantUsageControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.servergroups.ServerGroupsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.migrations.MigrationsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.aggregates.AggregatesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.hosts.HostsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.flavors.FlavorsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.flavormanage.FlavorManageControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.flavorextraspecs.FlavorExtraSpecsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.flavoraccess.FlavorAccessControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.keypairs.KeypairsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.images.ImagesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.imagemetadata.ImageMetadataControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.limits.LimitsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.quotasets.QuotaSetsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.quotaclasses.QuotaClassesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.servers.ServersControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.ips.IpsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.instanceactions.InstanceActionsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.servers.actions.ServerActionsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.remoteconsoles.RemoteConsolesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.attachinterfaces.AttachInterfacesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.serverpassword.ServerPasswordControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.servertopology.ServerTopologyControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.serverdiagnostics.ServerDiagnosticsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.servermigrations.ServerMigrationsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.serverexternalevents.ServerExternalEventsControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.volumes.VolumesControllers.register(router, cloud, conf);
        org.jnova.api.openstack.compute.securitygroups.SecurityGroupsControllers.register(router, cloud, conf);
    }
}
