package org.jnova.api.openstack.compute.servers.actions;

import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.compute.ComputeCloud;
import org.jnova.api.openstack.compute.servers.RebuildServerView;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.ServersOpts;
import org.jnova.conf.cfg.ConfigOpts;

/**
 * Registers the server action controllers ({@code POST /servers/{id}/action}) with the router.
 * reboot, os-start and os-stop are served by the servers package's own ServerActionsController.
 */
public final class ServerActionsControllers {
    private ServerActionsControllers() {
    }

    public static void register(ApiRouterV21.Builder router, ComputeCloud cloud, ConfigOpts conf) {
        var servers = cloud.servers;
        var actions = cloud.serverActions;
        int passwordLength = conf.get(ServersOpts.PASSWORD_LENGTH);
        router.actions("servers",
                new ServerCrashDumpController(servers, actions),
                new ServerCreateImageController(servers, actions),
                new LockServerController(servers),
                new PauseServerController(servers, actions),
                new SuspendServerController(servers, actions),
                new AdminActionsController(servers, actions),
                new DeferredDeleteController(servers),
                new AdminPasswordController(servers, actions),
                new ConsoleOutputController(servers, actions),
                new CreateBackupController(servers, actions),
                new RescueController(servers, actions, conf.get(ApiOpts.ENABLE_INSTANCE_PASSWORD), passwordLength),
                new ShelveController(servers, cloud.shelve),
                new ServerResizeController(servers, cloud.resize),
                new ServerRebuildController(servers, cloud.rebuild, new RebuildServerView(cloud),
                        conf.get(ApiOpts.ENABLE_INSTANCE_PASSWORD), passwordLength),
                new MigrateServerController(servers, cloud.resize),
                new MigrateLiveController(servers, cloud.moves),
                new EvacuateController(servers, cloud.moves, conf.get(ApiOpts.ENABLE_INSTANCE_PASSWORD), passwordLength),
                new SecurityGroupActionController(servers, cloud.serverSecurityGroups),
                new MultinicController(servers),
                new FloatingIpActionsController(servers));
    }
}
