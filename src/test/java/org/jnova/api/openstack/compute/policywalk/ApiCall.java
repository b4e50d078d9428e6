package org.jnova.api.openstack.compute.policywalk;

import static org.jnova.api.openstack.compute.policywalk.Rule.*;
import static org.jnova.api.openstack.compute.policywalk.Scope.*;

import java.util.ArrayList;
import java.util.List;

/**
 * One call of the walk: route (or server action key), a valid body (nova validates the body
 * before it checks policy), and nova's default rule for it. Placeholders in braces are the
 * data {@link WalkFixtures} creates. {@code fresh}: the call consumes its target, so every
 * persona gets its own.
 */
record ApiCall(String method, String path, String body, String version, String policy, Rule rule, Scope scope,
        boolean fresh) {

    String label() {
        return method + " " + path + (path.endsWith("/action") ? " " + body.replaceAll("\\{\"([^\"]+)\".*", "$1") : "");
    }

    private static final String S = "/servers/{server}";
    /** The share the walk's configuration puts in project A's share catalog. */
    static final String WALK_SHARE = "00000000-0000-4000-8000-0000000000bb";

    /** Every call: the ROUTE_LIST rows that have a controller, then the action keys. */
    static List<ApiCall> all() {
        List<ApiCall> t = new ArrayList<>();
        // versions, extensions
        t.add(c("GET", "", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/versions/v2.1", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/extensions", null, "2.1", "os_compute_api:extensions", ANYONE, OWN));
        t.add(c("GET", "/extensions/os-keypairs", null, "2.1", "os_compute_api:extensions", ANYONE, OWN));
        // flavors: index/show have no policy; extra specs shown per os-flavor-extra-specs:index
        t.add(c("GET", "/flavors", null, "2.1", null, ANYONE, OWN));
        t.add(c("POST", "/flavors", "{\"flavor\": {\"name\": \"{uniq}\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}",
                "2.1", "os_compute_api:os-flavor-manage:create", ADMIN_ONLY, OWN));
        t.add(c("GET", "/flavors/detail", null, "2.61", null, ANYONE, OWN));
        t.add(c("GET", "/flavors/{flavor}", null, "2.61", null, ANYONE, HIDDEN_IN_A)); // the fixture flavor is private to A
        t.add(c("PUT", "/flavors/{flavor}", "{\"flavor\": {\"description\": \"d\"}}", "2.55",
                "os_compute_api:os-flavor-manage:update", ADMIN_ONLY, OWN));
        t.add(fresh("DELETE", "/flavors/{flavor}", null, "2.1", "os_compute_api:os-flavor-manage:delete", ADMIN_ONLY,
                OWN));
        t.add(c("POST", "/flavors/{flavor}/action", "{\"addTenantAccess\": {\"tenant\": \"{projectB}\"}}", "2.1",
                "os_compute_api:os-flavor-access:add_tenant_access", ADMIN_ONLY, OWN));
        t.add(c("POST", "/flavors/{flavor}/action", "{\"removeTenantAccess\": {\"tenant\": \"{projectA}\"}}", "2.1",
                "os_compute_api:os-flavor-access:remove_tenant_access", ADMIN_ONLY, OWN));
        String es = "/flavors/{flavor}/os-extra_specs";
        t.add(c("GET", es, null, "2.1", "os_compute_api:os-flavor-extra-specs:index", PROJECT_READER, HIDDEN_IN_A)); // the fixture flavor is private to A
        t.add(c("POST", es, "{\"extra_specs\": {\"k2\": \"v2\"}}", "2.1",
                "os_compute_api:os-flavor-extra-specs:create", ADMIN_ONLY, OWN));
        t.add(c("GET", es + "/k1", null, "2.1", "os_compute_api:os-flavor-extra-specs:show", PROJECT_READER, HIDDEN_IN_A)); // the fixture flavor is private to A
        t.add(c("PUT", es + "/k1", "{\"k1\": \"v9\"}", "2.1", "os_compute_api:os-flavor-extra-specs:update",
                ADMIN_ONLY, OWN));
        t.add(c("DELETE", es + "/k1", null, "2.1", "os_compute_api:os-flavor-extra-specs:delete", ADMIN_ONLY, OWN));
        t.add(c("GET", "/flavors/{flavor}/os-flavor-access", null, "2.1", "os_compute_api:os-flavor-access",
                ADMIN_ONLY, OWN));
        // images: proxied to the image service, no nova policy
        t.add(c("GET", "/images", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/images/detail", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/images/{image}", null, "2.1", null, ANYONE, OWN));
        t.add(c("DELETE", "/images/00000000-0000-4000-8000-000000000404", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/images/{image}/metadata", null, "2.1", null, ANYONE, OWN));
        t.add(c("POST", "/images/00000000-0000-4000-8000-000000000404/metadata", "{\"metadata\": {\"a\": \"b\"}}",
                "2.1", null, ANYONE, OWN));
        t.add(c("PUT", "/images/00000000-0000-4000-8000-000000000404/metadata", "{\"metadata\": {\"a\": \"b\"}}",
                "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/images/{image}/metadata/nokey", null, "2.1", null, ANYONE, OWN));
        t.add(c("PUT", "/images/00000000-0000-4000-8000-000000000404/metadata/a", "{\"meta\": {\"a\": \"b\"}}", "2.1",
                null, ANYONE, OWN));
        t.add(c("DELETE", "/images/00000000-0000-4000-8000-000000000404/metadata/a", null, "2.1", null, ANYONE, OWN));
        t.add(c("GET", "/limits", null, "2.1", "os_compute_api:limits", ANYONE, OWN));
        // aggregates
        String ag = "/os-aggregates/{aggregate}";
        t.add(c("GET", "/os-aggregates", null, "2.1", "os_compute_api:os-aggregates:index", ADMIN_ONLY, OWN));
        t.add(c("POST", "/os-aggregates", "{\"aggregate\": {\"name\": \"{uniq}\"}}", "2.1",
                "os_compute_api:os-aggregates:create", ADMIN_ONLY, OWN));
        t.add(c("GET", ag, null, "2.1", "os_compute_api:os-aggregates:show", ADMIN_ONLY, OWN));
        t.add(c("PUT", ag, "{\"aggregate\": {\"name\": \"{uniq}\"}}", "2.1", "os_compute_api:os-aggregates:update",
                ADMIN_ONLY, OWN));
        t.add(fresh("DELETE", ag, null, "2.1", "os_compute_api:os-aggregates:delete", ADMIN_ONLY, OWN));
        t.add(c("POST", ag + "/action", "{\"add_host\": {\"host\": \"{host}\"}}", "2.1",
                "os_compute_api:os-aggregates:add_host", ADMIN_ONLY, OWN));
        t.add(c("POST", ag + "/action", "{\"remove_host\": {\"host\": \"{host}\"}}", "2.1",
                "os_compute_api:os-aggregates:remove_host", ADMIN_ONLY, OWN));
        t.add(c("POST", ag + "/action", "{\"set_metadata\": {\"metadata\": {\"m\": \"1\"}}}", "2.1",
                "os_compute_api:os-aggregates:set_metadata", ADMIN_ONLY, OWN));
        t.add(c("POST", ag + "/images", "{\"cache\": [{\"id\": \"{image}\"}]}", "2.81", "compute:aggregates:images",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-availability-zone", null, "2.1", "os_compute_api:os-availability-zone:list", ANYONE, OWN));
        t.add(c("GET", "/os-availability-zone/detail", null, "2.1", "os_compute_api:os-availability-zone:detail",
                ADMIN_ONLY, OWN));
        // key pairs: a user's own
        t.add(c("GET", "/os-keypairs", null, "2.1", "os_compute_api:os-keypairs:index", KEYPAIR_OWNER, OWN));
        t.add(c("POST", "/os-keypairs", "{\"keypair\": {\"name\": \"{uniq}\"}}", "2.1",
                "os_compute_api:os-keypairs:create", KEYPAIR_OWNER, OWN));
        t.add(c("GET", "/os-keypairs/{keypair}", null, "2.1", "os_compute_api:os-keypairs:show", KEYPAIR_OWNER, OWN));
        t.add(c("DELETE", "/os-keypairs/{keypair}", null, "2.1", "os_compute_api:os-keypairs:delete", KEYPAIR_OWNER,
                OWN));
        // quota sets of project A
        t.add(c("GET", "/os-quota-sets/{projectA}", null, "2.1", "os_compute_api:os-quota-sets:show", PROJECT_READER,
                PROJECT_A));
        t.add(c("PUT", "/os-quota-sets/{projectA}", "{\"quota_set\": {\"key_pairs\": 100}}", "2.1",
                "os_compute_api:os-quota-sets:update", ADMIN_ONLY, PROJECT_A));
        t.add(c("DELETE", "/os-quota-sets/{projectA}", null, "2.1", "os_compute_api:os-quota-sets:delete", ADMIN_ONLY,
                PROJECT_A));
        t.add(c("GET", "/os-quota-sets/{projectA}/detail", null, "2.1", "os_compute_api:os-quota-sets:detail",
                PROJECT_READER, PROJECT_A));
        t.add(c("GET", "/os-quota-sets/{projectA}/defaults", null, "2.1", "os_compute_api:os-quota-sets:defaults",
                ANYONE, OWN));
        // server groups
        t.add(c("GET", "/os-server-groups", null, "2.1", "os_compute_api:os-server-groups:index", PROJECT_READER, OWN));
        t.add(c("POST", "/os-server-groups", "{\"server_group\": {\"name\": \"{uniq}\", \"policies\": [\"affinity\"]}}",
                "2.1", "os_compute_api:os-server-groups:create", PROJECT_MEMBER, OWN));
        t.add(c("GET", "/os-server-groups/{group}", null, "2.1", "os_compute_api:os-server-groups:show",
                PROJECT_READER, HIDDEN_IN_A));
        t.add(fresh("DELETE", "/os-server-groups/{group}", null, "2.1", "os_compute_api:os-server-groups:delete",
                PROJECT_MEMBER, HIDDEN_IN_A));
        // usage
        t.add(c("GET", "/os-simple-tenant-usage", null, "2.1", "os_compute_api:os-simple-tenant-usage:list",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-simple-tenant-usage/{projectA}", null, "2.1", "os_compute_api:os-simple-tenant-usage:show",
                PROJECT_READER, PROJECT_A));
        // servers, under both of nova's collection names
        for (String col : List.of("/servers", "/os-volumes_boot")) {
            t.add(c("GET", col, null, "2.1", "os_compute_api:servers:index", PROJECT_READER, OWN));
            t.add(c("POST", col, "{\"server\": {\"name\": \"{uniq}\", \"imageRef\": \"{image}\", \"flavorRef\": \"1\","
                    + " \"networks\": \"auto\"}}", "2.37", "os_compute_api:servers:create", PROJECT_MEMBER, OWN));
            t.add(c("GET", col + "/detail", null, "2.1", "os_compute_api:servers:detail", PROJECT_READER, OWN));
            t.add(c("GET", col + "/{server}", null, "2.1", "os_compute_api:servers:show", PROJECT_READER, HIDDEN_IN_A));
            t.add(c("PUT", col + "/{server}", "{\"server\": {\"name\": \"renamed\"}}", "2.1",
                    "os_compute_api:servers:update", PROJECT_MEMBER, HIDDEN_IN_A));
            t.add(fresh("DELETE", col + "/{server}", null, "2.1", "os_compute_api:servers:delete", PROJECT_MEMBER,
                    HIDDEN_IN_A));
            t.add(c("POST", col + "/{server}/action", "{\"os-stop\": null}", "2.1", "os_compute_api:servers:stop",
                    PROJECT_MEMBER, HIDDEN_IN_A));
        }
        t.add(c("GET", S + "/ips", null, "2.1", "os_compute_api:ips:index", PROJECT_READER, HIDDEN_IN_A));
        t.add(c("GET", S + "/ips/private", null, "2.1", "os_compute_api:ips:show", PROJECT_READER, HIDDEN_IN_A));
        String md = S + "/metadata";
        t.add(c("GET", md, null, "2.1", "os_compute_api:server-metadata:index", PROJECT_READER, HIDDEN_IN_A));
        t.add(c("POST", md, "{\"metadata\": {\"k2\": \"v\"}}", "2.1", "os_compute_api:server-metadata:create",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("PUT", md, "{\"metadata\": {\"k\": \"v\"}}", "2.1", "os_compute_api:server-metadata:update_all",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("GET", md + "/k", null, "2.1", "os_compute_api:server-metadata:show", PROJECT_READER, HIDDEN_IN_A));
        t.add(c("PUT", md + "/k", "{\"meta\": {\"k\": \"v2\"}}", "2.1", "os_compute_api:server-metadata:update",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(fresh("DELETE", md + "/k", null, "2.1", "os_compute_api:server-metadata:delete", PROJECT_MEMBER,
                HIDDEN_IN_A));
        t.add(c("GET", S + "/os-instance-actions", null, "2.1", "os_compute_api:os-instance-actions:list",
                PROJECT_READER, HIDDEN_IN_A));
        t.add(c("GET", S + "/os-instance-actions/{action}", null, "2.1", "os_compute_api:os-instance-actions:show",
                PROJECT_READER, HIDDEN_IN_A));
        // tags: nova authorizes against the server's project before loading it (403 to another project)
        String tg = S + "/tags";
        t.add(c("GET", tg, null, "2.26", "os_compute_api:os-server-tags:index", PROJECT_READER, PROJECT_A));
        t.add(c("PUT", tg, "{\"tags\": [\"t\", \"u\"]}", "2.26", "os_compute_api:os-server-tags:update_all",
                PROJECT_MEMBER, PROJECT_A));
        t.add(fresh("DELETE", tg, null, "2.26", "os_compute_api:os-server-tags:delete_all", PROJECT_MEMBER,
                PROJECT_A));
        t.add(c("GET", tg + "/t", null, "2.26", "os_compute_api:os-server-tags:show", PROJECT_READER, PROJECT_A));
        t.add(c("PUT", tg + "/w", null, "2.26", "os_compute_api:os-server-tags:update", PROJECT_MEMBER, PROJECT_A));
        t.add(fresh("DELETE", tg + "/t", null, "2.26", "os_compute_api:os-server-tags:delete", PROJECT_MEMBER,
                PROJECT_A));
        // shares (2.97) of a stopped server with the walk's share, authorized against the server's project
        // first; attaching that share again is nova's 409
        String sh = "/servers/{shared_server}/shares";
        t.add(c("GET", sh, null, "2.97", "os_compute_api:os-server-shares:index", PROJECT_READER, PROJECT_A));
        t.add(c("GET", sh + "/" + WALK_SHARE, null, "2.97", "os_compute_api:os-server-shares:show", PROJECT_READER,
                PROJECT_A));
        t.add(c("POST", sh, "{\"share\": {\"share_id\": \"" + WALK_SHARE + "\"}}", "2.97",
                "os_compute_api:os-server-shares:create", PROJECT_MEMBER, PROJECT_A));
        t.add(c("DELETE", sh + "/" + WALK_SHARE, null, "2.97", "os_compute_api:os-server-shares:delete",
                PROJECT_MEMBER, PROJECT_A));
        t.add(c("GET", S + "/os-interface", null, "2.1", "os_compute_api:os-attach-interfaces:list", PROJECT_READER,
                HIDDEN_IN_A));
        t.add(c("GET", S + "/os-interface/{port}", null, "2.1", "os_compute_api:os-attach-interfaces:show",
                PROJECT_READER, HIDDEN_IN_A));
        t.add(c("POST", S + "/os-interface", "{\"interfaceAttachment\": {}}", "2.1",
                "os_compute_api:os-attach-interfaces:create", PROJECT_MEMBER, HIDDEN_IN_A));
        // detaching an unknown port is accepted (202) and recorded as a failed event, as nova does
        t.add(c("DELETE", S + "/os-interface/00000000-0000-4000-8000-0000000000aa", null, "2.1",
                "os_compute_api:os-attach-interfaces:delete", PROJECT_MEMBER, HIDDEN_IN_A));
        // volumes: the os-volumes proxy (to 2.35) and a server's attachments; {volume} is an unattached volume of A
        t.add(c("GET", "/os-volumes", null, "2.1", "os_compute_api:os-volumes:list", PROJECT_READER, OWN));
        t.add(c("GET", "/os-volumes/detail", null, "2.1", "os_compute_api:os-volumes:detail", PROJECT_READER, OWN));
        t.add(c("POST", "/os-volumes", "{\"volume\": {\"size\": 1}}", "2.1", "os_compute_api:os-volumes:create",
                PROJECT_MEMBER, OWN));
        t.add(c("GET", "/os-volumes/{volume}", null, "2.1", "os_compute_api:os-volumes:show", PROJECT_READER,
                HIDDEN_IN_A));
        t.add(fresh("DELETE", "/os-volumes/{volume}", null, "2.1", "os_compute_api:os-volumes:delete", PROJECT_MEMBER,
                HIDDEN_IN_A));
        volumeSnapshots(t);
        networkProxies(t);
        securityGroups(t);
        floatingIps(t);
        String va = S + "/os-volume_attachments";
        t.add(c("GET", va, null, "2.1", "os_compute_api:os-volumes-attachments:index", PROJECT_READER, HIDDEN_IN_A));
        t.add(c("GET", va + "/{volume}", null, "2.1", "os_compute_api:os-volumes-attachments:show", PROJECT_READER,
                HIDDEN_IN_A));
        t.add(c("POST", va, "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.1",
                "os_compute_api:os-volumes-attachments:create", PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("PUT", va + "/{volume}", "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.85",
                "os_compute_api:os-volumes-attachments:update", PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("PUT", va + "/{volume}", "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.1",
                "os_compute_api:os-volumes-attachments:swap", ADMIN_ONLY, HIDDEN_IN_A));
        t.add(c("DELETE", va + "/{volume}", null, "2.1", "os_compute_api:os-volumes-attachments:delete",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("POST", S + "/remote-consoles", "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}",
                "2.6", "os_compute_api:os-remote-consoles", PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("GET", "/os-console-auth-tokens/no-such-token", null, "2.31", "os_compute_api:os-console-auth-tokens",
                ADMIN_ONLY, OWN));
        t.add(c("GET", S + "/os-server-password", null, "2.1", "os_compute_api:os-server-password:show",
                PROJECT_READER, HIDDEN_IN_A));
        t.add(c("DELETE", S + "/os-server-password", null, "2.1", "os_compute_api:os-server-password:clear",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("GET", S + "/topology", null, "2.78", "compute:server:topology:index", PROJECT_READER, HIDDEN_IN_A));
        t.add(c("GET", S + "/os-security-groups", null, "2.96", "os_compute_api:os-security-groups:list",
                PROJECT_READER, HIDDEN_IN_A));
        t.add(c("GET", S + "/diagnostics", null, "2.48", "os_compute_api:os-server-diagnostics", ADMIN_ONLY,
                HIDDEN_IN_A));
        String mig = S + "/migrations";
        String noMigration = mig + "/999999";
        t.add(c("GET", mig, null, "2.23", "os_compute_api:servers:migrations:index", ADMIN_ONLY, HIDDEN_IN_A));
        t.add(c("GET", noMigration, null, "2.23", "os_compute_api:servers:migrations:show", ADMIN_ONLY, HIDDEN_IN_A));
        t.add(c("POST", noMigration + "/action", "{\"force_complete\": null}", "2.22",
                "os_compute_api:servers:migrations:force_complete", ADMIN_ONLY, HIDDEN_IN_A));
        t.add(c("DELETE", noMigration, null, "2.24", "os_compute_api:servers:migrations:delete", ADMIN_ONLY,
                HIDDEN_IN_A));
        t.add(c("POST", "/os-server-external-events",
                "{\"events\": [{\"name\": \"network-changed\", \"server_uuid\": \"{server}\"}]}", "2.1",
                "os_compute_api:os-server-external-events:create", ADMIN_ONLY, OWN));
        ServerActionCalls.addTo(t);
        // last: these change the compute host
        t.add(c("GET", "/os-hosts", null, "2.1", "os_compute_api:os-hosts:list", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hosts/{host}", null, "2.1", "os_compute_api:os-hosts:show", ADMIN_ONLY, OWN));
        t.add(c("PUT", "/os-hosts/{host}", "{\"status\": \"enable\"}", "2.1", "os_compute_api:os-hosts:update",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hosts/{host}/reboot", null, "2.1", "os_compute_api:os-hosts:reboot", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hosts/{host}/shutdown", null, "2.1", "os_compute_api:os-hosts:shutdown", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hosts/{host}/startup", null, "2.1", "os_compute_api:os-hosts:start", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors", null, "2.1", "os_compute_api:os-hypervisors:list", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors/detail", null, "2.1", "os_compute_api:os-hypervisors:list-detail",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors/statistics", null, "2.1", "os_compute_api:os-hypervisors:statistics",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors/{hyp_id}", null, "2.1", "os_compute_api:os-hypervisors:show", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors/{hyp_name}/search", null, "2.1", "os_compute_api:os-hypervisors:search",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors/{hyp_name}/servers", null, "2.1", "os_compute_api:os-hypervisors:servers",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-hypervisors/{hyp_id}/uptime", null, "2.1", "os_compute_api:os-hypervisors:uptime",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-instance_usage_audit_log", null, "2.1", "os_compute_api:os-instance-usage-audit-log:list",
                ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-instance_usage_audit_log/2001-03-15%2012:00:00", null, "2.1",
                "os_compute_api:os-instance-usage-audit-log:show", ADMIN_ONLY, OWN));
        // the Ironic proxy without Ironic: reads 501 to the admin, writes 400 to anyone
        String bn = "/os-baremetal-nodes";
        t.add(c("GET", bn, null, "2.1", "os_compute_api:os-baremetal-nodes:list", ADMIN_ONLY, OWN));
        t.add(c("GET", bn + "/1", null, "2.1", "os_compute_api:os-baremetal-nodes:show", ADMIN_ONLY, OWN));
        t.add(c("POST", bn, "{\"node\": {}}", "2.1", null, ANYONE, OWN));
        t.add(c("DELETE", bn + "/1", null, "2.1", null, ANYONE, OWN));
        t.add(c("POST", bn + "/1/action", "{\"add_interface\": {}}", "2.1", null, ANYONE, OWN));
        t.add(c("POST", bn + "/1/action", "{\"remove_interface\": {}}", "2.1", null, ANYONE, OWN));
        removed(t);
        t.add(c("GET", "/os-migrations", null, "2.1", "os_compute_api:os-migrations:index", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-quota-class-sets/default", null, "2.1", "os_compute_api:os-quota-class-sets:show",
                ADMIN_ONLY, OWN));
        t.add(c("PUT", "/os-quota-class-sets/default", "{\"quota_class_set\": {\"key_pairs\": 100}}", "2.1",
                "os_compute_api:os-quota-class-sets:update", ADMIN_ONLY, OWN));
        t.add(c("GET", "/os-services", null, "2.1", "os_compute_api:os-services:list", ADMIN_ONLY, OWN));
        t.add(c("PUT", "/os-services/enable", "{\"host\": \"{host}\", \"binary\": \"nova-compute\"}", "2.1",
                "os_compute_api:os-services:update", ADMIN_ONLY, OWN));
        t.add(c("DELETE", "/os-services/999999", null, "2.1", "os_compute_api:os-services:delete", ADMIN_ONLY, OWN));
        return t;
    }

    /** APIs nova removed: 410 to anyone, no policy. */
    private static void removed(List<ApiCall> t) {
        String[][] calls = {
            {"GET", "/os-agents", null}, {"POST", "/os-agents", "{}"}, {"PUT", "/os-agents/1", "{}"},
            {"DELETE", "/os-agents/1", null},
            {"GET", "/os-cells", null}, {"POST", "/os-cells", "{}"}, {"GET", "/os-cells/capacities", null},
            {"GET", "/os-cells/detail", null}, {"GET", "/os-cells/info", null},
            {"POST", "/os-cells/sync_instances", "{}"}, {"GET", "/os-cells/c1", null}, {"PUT", "/os-cells/c1", "{}"},
            {"DELETE", "/os-cells/c1", null}, {"GET", "/os-cells/c1/capacities", null},
            {"POST", "/os-certificates", null}, {"GET", "/os-certificates/root", null},
            {"GET", "/os-cloudpipe", null}, {"POST", "/os-cloudpipe", "{}"},
            {"PUT", "/os-cloudpipe/configure-project", "{}"},
            {"GET", "/os-fixed-ips/10.0.0.2", null}, {"POST", "/os-fixed-ips/10.0.0.2/action", "{\"reserve\": null}"},
            {"POST", "/os-fixed-ips/10.0.0.2/action", "{\"unreserve\": null}"},
            {"GET", "/os-floating-ip-dns", null}, {"PUT", "/os-floating-ip-dns/example.org", "{}"},
            {"DELETE", "/os-floating-ip-dns/example.org", null},
            {"GET", "/os-floating-ip-dns/example.org/entries/web", null},
            {"PUT", "/os-floating-ip-dns/example.org/entries/web", "{}"},
            {"DELETE", "/os-floating-ip-dns/example.org/entries/web", null},
            {"GET", "/os-floating-ips-bulk", null}, {"POST", "/os-floating-ips-bulk", "{}"},
            {"GET", "/os-floating-ips-bulk/host1", null}, {"PUT", "/os-floating-ips-bulk/delete", "{}"},
            {"GET", "/os-fping", null}, {"GET", "/os-fping/1", null},
            {"GET", "/os-security-group-default-rules", null}, {"POST", "/os-security-group-default-rules", "{}"},
            {"GET", "/os-security-group-default-rules/1", null}, {"DELETE", "/os-security-group-default-rules/1", null},
            {"GET", S + "/consoles", null}, {"POST", S + "/consoles", "{}"}, {"GET", S + "/consoles/1", null},
            {"DELETE", S + "/consoles/1", null}, {"GET", S + "/os-virtual-interfaces", null}};
        for (String[] call : calls) {
            t.add(c(call[0], call[1], call[2], "2.1", null, ANYONE, OWN));
        }
    }

    /** os-snapshots (to 2.35) and the admin's assisted snapshots; {snapshot} is a snapshot of a volume of A. */
    private static void volumeSnapshots(List<ApiCall> t) {
        String p = "os_compute_api:os-volumes:snapshots:";
        t.add(c("GET", "/os-snapshots", null, "2.1", p + "list", PROJECT_READER, OWN));
        t.add(c("GET", "/os-snapshots/detail", null, "2.1", p + "detail", PROJECT_READER, OWN));
        t.add(fresh("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"{volume}\"}}", "2.1", p + "create",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("GET", "/os-snapshots/{snapshot}", null, "2.1", p + "show", PROJECT_READER, HIDDEN_IN_A));
        t.add(fresh("DELETE", "/os-snapshots/{snapshot}", null, "2.1", p + "delete", PROJECT_MEMBER, HIDDEN_IN_A));
        // the volume named is not attached anywhere: the admin is told so (400), everyone else is refused first
        t.add(c("POST", "/os-assisted-volume-snapshots", "{\"snapshot\": {\"volume_id\": \"{volume}\", "
                + "\"create_info\": {\"snapshot_id\": \"{uniq}\", \"type\": \"qcow2\", \"new_file\": \"f\"}}}", "2.1",
                "os_compute_api:os-assisted-volume-snapshots:create", ADMIN_ONLY, OWN));
        t.add(c("DELETE", "/os-assisted-volume-snapshots/{uniq}?delete_info=%7B%22volume_id%22%3A%22{volume}%22%7D",
                null, "2.1", "os_compute_api:os-assisted-volume-snapshots:delete", ADMIN_ONLY, OWN));
    }

    /** os-networks and os-tenant-networks to 2.35: the shared built-in network; nova-network's calls 410. */
    private static void networkProxies(List<ApiCall> t) {
        t.add(c("GET", "/os-networks", null, "2.1", "os_compute_api:os-networks:list", PROJECT_READER, OWN));
        t.add(c("GET", "/os-networks/{network}", null, "2.1", "os_compute_api:os-networks:show", PROJECT_READER,
                OWN));
        t.add(c("GET", "/os-tenant-networks", null, "2.1", "os_compute_api:os-tenant-networks:list", PROJECT_READER,
                OWN));
        t.add(c("GET", "/os-tenant-networks/{network}", null, "2.1", "os_compute_api:os-tenant-networks:show",
                PROJECT_READER, OWN));
        // removed with nova-network: 410 for everyone, no policy
        t.add(c("POST", "/os-networks", "{\"network\": {}}", "2.1", null, ANYONE, OWN));
        t.add(c("POST", "/os-networks/add", "{\"id\": null}", "2.1", null, ANYONE, OWN));
        t.add(c("DELETE", "/os-networks/{network}", null, "2.1", null, ANYONE, OWN));
        for (String key : List.of("disassociate", "disassociate_host", "disassociate_project", "associate_host")) {
            t.add(c("POST", "/os-networks/{network}/action", "{\"" + key + "\": null}", "2.1", null, ANYONE, OWN));
        }
        t.add(c("POST", "/os-tenant-networks", "{\"network\": {}}", "2.1", null, ANYONE, OWN));
        t.add(c("DELETE", "/os-tenant-networks/{network}", null, "2.1", null, ANYONE, OWN));
    }

    /** os-security-groups and rules to 2.35; {secgroup} is a group of A's, {secrule} a rule in one. */
    private static void securityGroups(List<ApiCall> t) {
        String g = "/os-security-groups";
        t.add(c("GET", g, null, "2.1", "os_compute_api:os-security-groups:get", PROJECT_READER, OWN));
        t.add(c("POST", g, "{\"security_group\": {\"name\": \"{uniq}\", \"description\": \"d\"}}", "2.1",
                "os_compute_api:os-security-groups:create", PROJECT_MEMBER, OWN));
        t.add(c("GET", g + "/{secgroup}", null, "2.1", "os_compute_api:os-security-groups:show", PROJECT_READER,
                HIDDEN_IN_A));
        t.add(c("PUT", g + "/{secgroup}", "{\"security_group\": {\"name\": \"{uniq}\", \"description\": \"\"}}",
                "2.1", "os_compute_api:os-security-groups:update", PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(fresh("DELETE", g + "/{secgroup}", null, "2.1", "os_compute_api:os-security-groups:delete",
                PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(c("POST", "/os-security-group-rules", "{\"security_group_rule\": {\"parent_group_id\": "
                + "\"{secgroup}\", \"ip_protocol\": \"udp\", \"from_port\": 53, \"to_port\": 53}}", "2.1",
                "os_compute_api:os-security-groups:rule:create", PROJECT_MEMBER, HIDDEN_IN_A));
        t.add(fresh("DELETE", "/os-security-group-rules/{secrule}", null, "2.1",
                "os_compute_api:os-security-groups:rule:delete", PROJECT_MEMBER, HIDDEN_IN_A));
    }

    /** os-floating-ip-pools and os-floating-ips to 2.35; {fip} is an address of A's. */
    private static void floatingIps(List<ApiCall> t) {
        t.add(c("GET", "/os-floating-ip-pools", null, "2.1", "os_compute_api:os-floating-ip-pools", ANYONE, OWN));
        t.add(c("GET", "/os-floating-ips", null, "2.1", "os_compute_api:os-floating-ips:list", PROJECT_READER, OWN));
        t.add(c("POST", "/os-floating-ips", "{\"pool\": \"public\"}", "2.1", "os_compute_api:os-floating-ips:create",
                PROJECT_MEMBER, OWN));
        t.add(c("GET", "/os-floating-ips/{fip}", null, "2.1", "os_compute_api:os-floating-ips:show", PROJECT_READER,
                HIDDEN_IN_A));
        t.add(fresh("DELETE", "/os-floating-ips/{fip}", null, "2.1", "os_compute_api:os-floating-ips:delete",
                PROJECT_MEMBER, HIDDEN_IN_A));
    }

    static ApiCall c(String method, String path, String body, String version, String policy, Rule rule, Scope scope) {
        return new ApiCall(method, path, body, version, policy, rule, scope, false);
    }

    static ApiCall fresh(String method, String path, String body, String version, String policy, Rule rule,
            Scope scope) {
        return new ApiCall(method, path, body, version, policy, rule, scope, true);
    }
}
