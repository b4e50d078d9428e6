package org.jnova.api.openstack.compute.policywalk;

import static org.jnova.api.openstack.compute.policywalk.Rule.*;
import static org.jnova.api.openstack.compute.policywalk.Scope.HIDDEN_IN_A;

import java.util.List;

/** Every server action key jnova serves, on a server of project A, with nova's default rule. */
final class ServerActionCalls {
    private ServerActionCalls() {
    }

    static void addTo(List<ApiCall> t) {
        member(t, "{\"reboot\": {\"type\": \"SOFT\"}}", "2.1", "servers:reboot");
        member(t, "{\"os-start\": null}", "2.1", "servers:start");
        // resetNetwork was removed from nova: 410 for everyone, no policy
        t.add(new ApiCall("POST", "/servers/{server}/action", "{\"resetNetwork\": null}", "2.1", null, ANYONE,
                Scope.OWN, false));
        admin(t, "{\"injectNetworkInfo\": null}", "2.1", "os-admin-actions:inject_network_info");
        admin(t, "{\"os-resetState\": {\"state\": \"active\"}}", "2.1", "os-admin-actions:reset_state");
        member(t, "{\"changePassword\": {\"adminPass\": \"s3cret\"}}", "2.1", "os-admin-password");
        member(t, "{\"os-getConsoleOutput\": {\"length\": 5}}", "2.1", "os-console-output");
        // the remote console actions nova kept for microversions before 2.6
        member(t, "{\"os-getVNCConsole\": {\"type\": \"novnc\"}}", "2.1", "os-remote-consoles");
        member(t, "{\"os-getSPICEConsole\": {\"type\": \"spice-html5\"}}", "2.1", "os-remote-consoles");
        member(t, "{\"os-getRDPConsole\": {\"type\": \"rdp-html5\"}}", "2.1", "os-remote-consoles");
        member(t, "{\"os-getSerialConsole\": {\"type\": \"serial\"}}", "2.1", "os-remote-consoles");
        member(t, "{\"createBackup\": {\"name\": \"b\", \"backup_type\": \"daily\", \"rotation\": 1}}", "2.1",
                "os-create-backup");
        member(t, "{\"restore\": null}", "2.1", "os-deferred-delete:restore");
        t.add(ApiCall.fresh("POST", "/servers/{server}/action", "{\"forceDelete\": null}", "2.1",
                "os_compute_api:os-deferred-delete:force", PROJECT_MEMBER, HIDDEN_IN_A));
        admin(t, "{\"evacuate\": {}}", "2.95", "os-evacuate");
        member(t, "{\"addFloatingIp\": {\"address\": \"172.24.4.9\"}}", "2.1", "os-floating-ips:add");
        // nova looks the address up before the server or any policy: an unknown one is 404 for everyone
        t.add(new ApiCall("POST", "/servers/{server}/action", "{\"removeFloatingIp\": {\"address\": \"172.24.4.9\"}}",
                "2.1", null, ANYONE, Scope.OWN, false));
        member(t, "{\"lock\": null}", "2.1", "os-lock-server:lock");
        member(t, "{\"unlock\": null}", "2.1", "os-lock-server:unlock");
        admin(t, "{\"os-migrateLive\": {\"host\": null, \"block_migration\": \"auto\"}}", "2.25",
                "os-migrate-server:migrate_live");
        admin(t, "{\"migrate\": null}", "2.1", "os-migrate-server:migrate");
        member(t, "{\"addFixedIp\": {\"networkId\": \"00000000-0000-4000-8000-000000000001\"}}", "2.1",
                "os-multinic:add");
        member(t, "{\"removeFixedIp\": {\"address\": \"10.0.0.250\"}}", "2.1", "os-multinic:remove");
        member(t, "{\"pause\": null}", "2.1", "os-pause-server:pause");
        member(t, "{\"unpause\": null}", "2.1", "os-pause-server:unpause");
        member(t, "{\"rescue\": null}", "2.1", "os-rescue");
        member(t, "{\"unrescue\": null}", "2.1", "os-unrescue");
        member(t, "{\"addSecurityGroup\": {\"name\": \"default\"}}", "2.1", "os-security-groups:add");
        member(t, "{\"removeSecurityGroup\": {\"name\": \"default\"}}", "2.1", "os-security-groups:remove");
        member(t, "{\"trigger_crash_dump\": null}", "2.17", "servers:trigger_crash_dump");
        member(t, "{\"createImage\": {\"name\": \"snap\"}}", "2.1", "servers:create_image");
        member(t, "{\"rebuild\": {\"imageRef\": \"{image}\"}}", "2.1", "servers:rebuild");
        member(t, "{\"resize\": {\"flavorRef\": \"2\"}}", "2.1", "servers:resize");
        member(t, "{\"confirmResize\": null}", "2.1", "servers:confirm_resize");
        member(t, "{\"revertResize\": null}", "2.1", "servers:revert_resize");
        member(t, "{\"shelve\": null}", "2.1", "os-shelve:shelve");
        admin(t, "{\"shelveOffload\": null}", "2.1", "os-shelve:shelve_offload");
        member(t, "{\"unshelve\": null}", "2.1", "os-shelve:unshelve");
        member(t, "{\"suspend\": null}", "2.1", "os-suspend-server:suspend");
        member(t, "{\"resume\": null}", "2.1", "os-suspend-server:resume");
    }

    private static void member(List<ApiCall> t, String body, String version, String rule) {
        t.add(ApiCall.c("POST", "/servers/{server}/action", body, version, "os_compute_api:" + rule, PROJECT_MEMBER,
                HIDDEN_IN_A));
    }

    private static void admin(List<ApiCall> t, String body, String version, String rule) {
        t.add(ApiCall.c("POST", "/servers/{server}/action", body, version, "os_compute_api:" + rule, ADMIN_ONLY,
                HIDDEN_IN_A));
    }
}
