package org.jnova.api.openstack.compute.policywalk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The table of {@link CrossProjectIsolationTest}: every routed path with a placeholder, filled
 * with project A's things (see {@link ProjectAWorld}), plus list filters and request bodies that
 * name A's things, each with what nova answers a member and a reader of project B. Bodies are
 * valid, because nova validates a body before it looks anything up.
 */
final class CrossProjectRows {
    private CrossProjectRows() {
    }

    /** What nova answers; {@code status} 200 stands for any 2xx. */
    record Answer(int status, String policy) {
        /** 404: nova does not say the thing exists. */
        static final Answer HIDDEN = new Answer(404, null);
        /** 2xx: the route names nothing of A's, or only lists the caller's own things. */
        static final Answer SERVED = new Answer(200, null);

        /** 403 "Policy doesn't allow {rule} to be performed." */
        static Answer denied(String rule) {
            return new Answer(403, rule);
        }

        /** Another refusal (400, 404 or 410) whatever its message. */
        static Answer refused(int status) {
            return new Answer(status, null);
        }

        @Override
        public String toString() {
            return status == 200 ? "2xx" : status + (policy == null ? "" : " " + policy);
        }
    }

    /** One call, made once as B's member and once as B's reader. */
    record Row(String method, String path, String body, String version, Answer member, Answer reader) {
        Answer expected(Persona who) {
            return who == Persona.READER_B ? reader : member;
        }

        /**
         * Method, path as written (placeholders unfilled), for actions the body's key, and the
         * placeholders the body names: "POST /servers/{bserver}/action resize with {flavor}".
         */
        String label() {
            String label = method + " " + path + (body != null && path.endsWith("/action")
                    ? " " + body.replaceAll("^\\{\"([^\"]+)\".*", "$1") : "");
            List<String> named = body == null ? List.of() : PLACEHOLDER.matcher(body).results()
                    .map(MatchResult::group).filter(p -> !path.contains(p) && !p.equals("{seed_image}")).distinct()
                    .toList();
            return named.isEmpty() ? label : label + " with " + String.join(" ", named);
        }

        /** The same call, answered {@code answer} to B's reader. */
        Row reader(Answer answer) {
            return new Row(method, path, body, version, member, answer);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z_]+}");
    private static final String S = "/servers/{server}";
    private static final String BS = "/servers/{bserver}";

    static List<Row> all() {
        List<Row> t = new ArrayList<>();
        versionsAndExtensions(t);
        flavors(t);
        images(t);
        adminOnly(t);
        removedAndWithoutBackend(t);
        keypairs(t);
        quotasUsageLimits(t);
        serverGroups(t);
        volumes(t);
        for (String servers : List.of("/servers", "/os-volumes_boot")) {
            servers(t, servers);
        }
        serverSubResources(t);
        listFilters(t);
        referencesInBodies(t);
        projectInUrl(t);
        networkProxies(t);
        securityGroupsAndFloatingIps(t);
        // last: a wrong answer here would have destroyed a fixture the rows above use
        t.add(hidden("DELETE", "/os-keypairs/{keypair}"));
        t.add(hidden("DELETE", "/os-server-groups/{group}"));
        t.add(hidden("DELETE", "/os-snapshots/{snapshot}").reader(
                Answer.denied("os_compute_api:os-volumes:snapshots:delete")));
        t.add(hidden("DELETE", "/os-volumes/{volume}").reader(Answer.denied("os_compute_api:os-volumes:delete")));
        t.add(hidden("DELETE", "/os-volumes/{attached}").reader(Answer.denied("os_compute_api:os-volumes:delete")));
        t.add(hidden("DELETE", "/os-security-group-rules/{secrule}")
                .reader(Answer.denied("os_compute_api:os-security-groups:rule:delete")));
        t.add(hidden("DELETE", "/os-security-groups/{secgroup}")
                .reader(Answer.denied("os_compute_api:os-security-groups:delete")));
        t.add(hidden("DELETE", "/os-floating-ips/{fip}").reader(Answer.denied("os_compute_api:os-floating-ips:delete")));
        t.add(hidden("DELETE", "/os-volumes_boot/{server}"));
        t.add(hidden("DELETE", S));
        return t;
    }

    private static void versionsAndExtensions(List<Row> t) {
        // nothing of a project's behind these placeholders
        t.add(row("GET", "/versions/v2.1", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/extensions/os-keypairs", null, "2.1", Answer.SERVED));
    }

    /** {flavor} is private to project A. */
    private static void flavors(List<Row> t) {
        String f = "/flavors/{flavor}";
        t.add(hidden("GET", f));
        t.add(denied("PUT", f, "{\"flavor\": {\"description\": \"d\"}}", "2.55", "os-flavor-manage:update"));
        t.add(denied("DELETE", f, null, "2.1", "os-flavor-manage:delete"));
        t.add(denied("POST", f + "/action", "{\"addTenantAccess\": {\"tenant\": \"{projectB}\"}}", "2.1",
                "os-flavor-access:add_tenant_access"));
        t.add(denied("POST", f + "/action", "{\"removeTenantAccess\": {\"tenant\": \"{projectA}\"}}", "2.1",
                "os-flavor-access:remove_tenant_access"));
        t.add(denied("GET", f + "/os-flavor-access", null, "2.1", "os-flavor-access"));
        String es = f + "/os-extra_specs";
        t.add(hidden("GET", es));
        t.add(hidden("GET", es + "/k1"));
        t.add(denied("POST", es, "{\"extra_specs\": {\"k2\": \"v2\"}}", "2.1", "os-flavor-extra-specs:create"));
        t.add(denied("PUT", es + "/k1", "{\"k1\": \"v9\"}", "2.1", "os-flavor-extra-specs:update"));
        t.add(denied("DELETE", es + "/k1", null, "2.1", "os-flavor-extra-specs:delete"));
    }

    /** {image} is a snapshot of A's server: private to A in glance, so B is told it does not exist. */
    private static void images(List<Row> t) {
        String i = "/images/{image}";
        t.add(hidden("GET", i));
        t.add(hidden("GET", i + "/metadata"));
        t.add(row("POST", i + "/metadata", "{\"metadata\": {\"a\": \"b\"}}", "2.1", Answer.HIDDEN));
        t.add(row("PUT", i + "/metadata", "{\"metadata\": {\"a\": \"b\"}}", "2.1", Answer.HIDDEN));
        t.add(hidden("GET", i + "/metadata/instance_uuid"));
        t.add(row("PUT", i + "/metadata/a", "{\"meta\": {\"a\": \"b\"}}", "2.1", Answer.HIDDEN));
        t.add(hidden("DELETE", i + "/metadata/instance_uuid"));
        t.add(hidden("DELETE", i));
    }

    /** Admin-only APIs: a policy denial before anything is looked up. */
    private static void adminOnly(List<Row> t) {
        String ag = "/os-aggregates/{aggregate}";
        t.add(denied("GET", ag, null, "2.1", "os-aggregates:show"));
        t.add(denied("PUT", ag, "{\"aggregate\": {\"name\": \"renamed\"}}", "2.1", "os-aggregates:update"));
        t.add(denied("DELETE", ag, null, "2.1", "os-aggregates:delete"));
        t.add(denied("POST", ag + "/action", "{\"add_host\": {\"host\": \"{host}\"}}", "2.1",
                "os-aggregates:add_host"));
        t.add(denied("POST", ag + "/action", "{\"remove_host\": {\"host\": \"{host}\"}}", "2.1",
                "os-aggregates:remove_host"));
        t.add(denied("POST", ag + "/action", "{\"set_metadata\": {\"metadata\": {\"m\": \"1\"}}}", "2.1",
                "os-aggregates:set_metadata"));
        t.add(row("POST", ag + "/images", "{\"cache\": [{\"id\": \"{image}\"}]}", "2.81",
                Answer.denied("compute:aggregates:images")));
        t.add(denied("GET", "/os-console-auth-tokens/{console_token}", null, "2.31", "os-console-auth-tokens"));
        String h = "/os-hosts/{host}";
        t.add(denied("GET", h, null, "2.1", "os-hosts:show"));
        t.add(denied("PUT", h, "{\"status\": \"disable\"}", "2.1", "os-hosts:update"));
        t.add(denied("GET", h + "/reboot", null, "2.1", "os-hosts:reboot"));
        t.add(denied("GET", h + "/shutdown", null, "2.1", "os-hosts:shutdown"));
        t.add(denied("GET", h + "/startup", null, "2.1", "os-hosts:start"));
        t.add(denied("GET", "/os-hypervisors/{hyp_id}", null, "2.1", "os-hypervisors:show"));
        t.add(denied("GET", "/os-hypervisors/{hyp_id}/uptime", null, "2.1", "os-hypervisors:uptime"));
        t.add(denied("GET", "/os-hypervisors/{hyp_name}/search", null, "2.1", "os-hypervisors:search"));
        t.add(denied("GET", "/os-hypervisors/{hyp_name}/servers", null, "2.1", "os-hypervisors:servers"));
        t.add(denied("GET", "/os-hypervisors/detail?hypervisor_hostname_pattern={hyp_name}&with_servers=true", null,
                "2.53", "os-hypervisors:list-detail"));
        t.add(denied("GET", "/os-quota-class-sets/{projectA}", null, "2.1", "os-quota-class-sets:show"));
        t.add(denied("PUT", "/os-quota-class-sets/default", "{\"quota_class_set\": {\"cores\": 5}}", "2.1",
                "os-quota-class-sets:update"));
        t.add(denied("PUT", "/os-services/disable", "{\"host\": \"{host}\", \"binary\": \"nova-compute\"}", "2.1",
                "os-services:update"));
        t.add(denied("PUT", "/os-services/{service}", "{\"status\": \"disabled\"}", "2.53", "os-services:update"));
        t.add(denied("DELETE", "/os-services/{service}", null, "2.53", "os-services:delete"));
        t.add(denied("POST", "/os-server-external-events", "{\"events\": [{\"name\": \"network-changed\","
                + " \"server_uuid\": \"{server}\"}]}", "2.1", "os-server-external-events:create"));
        t.add(denied("POST", "/os-assisted-volume-snapshots", "{\"snapshot\": {\"volume_id\": \"{attached}\", "
                + "\"create_info\": {\"snapshot_id\": \"{snapshot}\", \"type\": \"qcow2\", \"new_file\": \"f\"}}}",
                "2.1", "os-assisted-volume-snapshots:create"));
        t.add(denied("DELETE", "/os-assisted-volume-snapshots/{snapshot}?delete_info=%7B%22volume_id%22%3A%22{attached}"
                + "%22%7D", null, "2.1", "os-assisted-volume-snapshots:delete"));
        t.add(denied("GET", "/os-migrations?instance_uuid={server}", null, "2.1", "os-migrations:index"));
    }

    /** APIs nova removed (410 to anyone, nothing looked up) and the Ironic proxy without Ironic. */
    private static void removedAndWithoutBackend(List<Row> t) {
        Answer gone = Answer.refused(410);
        t.add(row("PUT", "/os-agents/1", "{\"para\": {}}", "2.1", gone));
        t.add(row("DELETE", "/os-agents/1", null, "2.1", gone));
        for (String method : List.of("GET", "PUT", "DELETE")) {
            t.add(row(method, "/os-cells/{projectA}", method.equals("PUT") ? "{}" : null, "2.1", gone));
        }
        t.add(row("GET", "/os-cells/{projectA}/capacities", null, "2.1", gone));
        t.add(row("GET", "/os-certificates/root", null, "2.1", gone));
        t.add(row("PUT", "/os-cloudpipe/configure-project", "{}", "2.1", gone));
        t.add(row("GET", "/os-fixed-ips/10.0.0.2", null, "2.1", gone));
        t.add(row("POST", "/os-fixed-ips/10.0.0.2/action", "{\"reserve\": null}", "2.1", gone));
        t.add(row("POST", "/os-fixed-ips/10.0.0.2/action", "{\"unreserve\": null}", "2.1", gone));
        t.add(row("PUT", "/os-floating-ip-dns/example.org", "{}", "2.1", gone));
        t.add(row("DELETE", "/os-floating-ip-dns/example.org", null, "2.1", gone));
        for (String method : List.of("GET", "PUT", "DELETE")) {
            t.add(row(method, "/os-floating-ip-dns/example.org/entries/web", method.equals("PUT") ? "{}" : null, "2.1",
                    gone));
        }
        t.add(row("GET", "/os-floating-ips-bulk/{host}", null, "2.1", gone));
        t.add(row("PUT", "/os-floating-ips-bulk/delete", "{}", "2.1", gone));
        t.add(row("GET", "/os-fping/{server}", null, "2.1", gone));
        t.add(row("GET", "/os-security-group-default-rules/1", null, "2.1", gone));
        t.add(row("DELETE", "/os-security-group-default-rules/1", null, "2.1", gone));
        for (String key : List.of("disassociate", "disassociate_host", "disassociate_project", "associate_host")) {
            t.add(row("POST", "/os-networks/1/action", "{\"" + key + "\": null}", "2.1", gone));
        }
        t.add(row("GET", S + "/consoles", null, "2.1", gone));
        t.add(row("POST", S + "/consoles", "{}", "2.1", gone));
        t.add(row("GET", S + "/consoles/1", null, "2.1", gone));
        t.add(row("DELETE", S + "/consoles/1", null, "2.1", gone));
        t.add(row("GET", S + "/os-virtual-interfaces", null, "2.1", gone));

        String node = "/os-baremetal-nodes/{server}";
        t.add(denied("GET", node, null, "2.1", "os-baremetal-nodes:show"));
        t.add(row("DELETE", node, null, "2.1", Answer.refused(400)));
        t.add(row("POST", node + "/action", "{\"add_interface\": {}}", "2.1", Answer.refused(400)));
        t.add(row("POST", node + "/action", "{\"remove_interface\": {}}", "2.1", Answer.refused(400)));
        t.add(denied("GET", "/os-instance_usage_audit_log/2001-03-15%2012:00:00", null, "2.1",
                "os-instance-usage-audit-log:show"));
    }

    private static void keypairs(List<Row> t) {
        t.add(hidden("GET", "/os-keypairs/{keypair}"));
        t.add(denied("GET", "/os-keypairs/{keypair}?user_id={userA}", null, "2.10", "os-keypairs:show"));
        t.add(denied("DELETE", "/os-keypairs/{keypair}?user_id={userA}", null, "2.10", "os-keypairs:delete"));
        t.add(denied("GET", "/os-keypairs?user_id={userA}", null, "2.10", "os-keypairs:index"));
        t.add(denied("POST", "/os-keypairs", "{\"keypair\": {\"name\": \"planted\", \"user_id\": \"{userA}\"}}", "2.10",
                "os-keypairs:create"));
        t.add(row("GET", "/os-keypairs", null, "2.1", Answer.SERVED));
    }

    private static void quotasUsageLimits(List<Row> t) {
        String q = "/os-quota-sets/{projectA}";
        t.add(denied("GET", q, null, "2.1", "os-quota-sets:show"));
        t.add(denied("GET", q + "?user_id={userA}", null, "2.1", "os-quota-sets:show"));
        t.add(denied("PUT", q, "{\"quota_set\": {\"cores\": 5}}", "2.1", "os-quota-sets:update"));
        t.add(denied("DELETE", q, null, "2.1", "os-quota-sets:delete"));
        t.add(denied("GET", q + "/detail", null, "2.1", "os-quota-sets:detail"));
        // the defaults are nobody's: anyone may read them, under any project id
        t.add(row("GET", q + "/defaults", null, "2.1", Answer.SERVED));
        // B's own quota seen for A's user: B's numbers
        t.add(row("GET", "/os-quota-sets/{projectB}?user_id={userA}", null, "2.1", Answer.SERVED));
        t.add(denied("GET", "/os-simple-tenant-usage/{projectA}", null, "2.1", "os-simple-tenant-usage:show"));
        t.add(denied("GET", "/os-simple-tenant-usage/{projectA}?start=2000-01-01T00:00:00&end=2999-01-01T00:00:00",
                null, "2.40", "os-simple-tenant-usage:show"));
        t.add(denied("GET", "/os-simple-tenant-usage?detailed=1", null, "2.1", "os-simple-tenant-usage:list"));
        t.add(row("GET", "/os-simple-tenant-usage/{projectB}?detailed=1", null, "2.1", Answer.SERVED));
        t.add(denied("GET", "/limits?tenant_id={projectA}", null, "2.1", "limits:other_project"));
        t.add(row("GET", "/limits", null, "2.1", Answer.SERVED));
    }

    private static void serverGroups(List<Row> t) {
        t.add(hidden("GET", "/os-server-groups/{group}"));
        t.add(row("GET", "/os-server-groups", null, "2.1", Answer.SERVED));
        // nova ignores a non-admin's all_projects
        t.add(row("GET", "/os-server-groups?all_projects=True", null, "2.1", Answer.SERVED));
    }

    /**
     * {volume} is A's and available, {attached} is A's and attached to {server}, {snapshot} is a
     * snapshot of {volume}.
     */
    private static void volumes(List<Row> t) {
        t.add(hidden("GET", "/os-snapshots/{snapshot}"));
        t.add(row("GET", "/os-snapshots", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/os-snapshots/detail", null, "2.1", Answer.SERVED));
        t.add(hidden("GET", "/os-volumes/{volume}"));
        t.add(hidden("GET", "/os-volumes/{attached}"));
        t.add(row("GET", "/os-volumes", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/os-volumes/detail", null, "2.1", Answer.SERVED));
    }

    /** A's server under one of its two collection names, and every server action key. */
    private static void servers(List<Row> t, String collection) {
        String s = collection + "/{server}";
        t.add(hidden("GET", s));
        t.add(row("PUT", s, "{\"server\": {\"name\": \"renamed\"}}", "2.1", Answer.HIDDEN));
        t.add(row("POST", s + "/action", "{\"os-stop\": null}", "2.1", Answer.HIDDEN));
        List<ApiCall> actions = new ArrayList<>();
        ServerActionCalls.addTo(actions);
        for (ApiCall action : actions) {
            // resetNetwork is gone from nova: 410 for everyone before any lookup
            Answer answer = action.body().startsWith("{\"resetNetwork\"") ? Answer.refused(410) : Answer.HIDDEN;
            t.add(row("POST", s + "/action", action.body(), action.version(), answer));
        }
    }

    private static void serverSubResources(List<Row> t) {
        t.add(hidden("GET", S + "/ips"));
        t.add(hidden("GET", S + "/ips/{network}"));
        String md = S + "/metadata";
        t.add(hidden("GET", md));
        t.add(row("POST", md, "{\"metadata\": {\"k2\": \"v\"}}", "2.1", Answer.HIDDEN));
        t.add(row("PUT", md, "{\"metadata\": {\"k2\": \"v\"}}", "2.1", Answer.HIDDEN));
        t.add(hidden("GET", md + "/{mkey}"));
        t.add(row("PUT", md + "/{mkey}", "{\"meta\": {\"{mkey}\": \"changed\"}}", "2.1", Answer.HIDDEN));
        t.add(hidden("DELETE", md + "/{mkey}"));
        // nova checks tag policies against the server's project before loading the server: 403
        String tg = S + "/tags";
        t.add(denied("GET", tg, null, "2.26", "os-server-tags:index"));
        t.add(denied("PUT", tg, "{\"tags\": [\"x\"]}", "2.26", "os-server-tags:update_all"));
        t.add(denied("GET", tg + "/{tag}", null, "2.26", "os-server-tags:show"));
        t.add(denied("PUT", tg + "/x", null, "2.26", "os-server-tags:update"));
        t.add(denied("DELETE", tg + "/{tag}", null, "2.26", "os-server-tags:delete"));
        t.add(denied("DELETE", tg, null, "2.26", "os-server-tags:delete_all"));
        // shares too (2.97): the policy is checked against the server's project first
        String sh = S + "/shares";
        String share = "11111111-1111-4111-8111-111111111111";
        t.add(denied("GET", sh, null, "2.97", "os-server-shares:index"));
        t.add(denied("POST", sh, "{\"share\": {\"share_id\": \"" + share + "\"}}", "2.97",
                "os-server-shares:create"));
        t.add(denied("GET", sh + "/" + share, null, "2.97", "os-server-shares:show"));
        t.add(denied("DELETE", sh + "/" + share, null, "2.97", "os-server-shares:delete"));
        t.add(hidden("GET", S + "/os-instance-actions"));
        t.add(hidden("GET", S + "/os-instance-actions/{action}"));
        t.add(row("GET", S + "/os-instance-actions/{action}", null, "2.51", Answer.HIDDEN));
        String oi = S + "/os-interface";
        t.add(hidden("GET", oi));
        t.add(hidden("GET", oi + "/{port}"));
        t.add(row("POST", oi, "{\"interfaceAttachment\": {}}", "2.1", Answer.HIDDEN));
        t.add(hidden("DELETE", oi + "/{port}"));
        String va = S + "/os-volume_attachments";
        t.add(hidden("GET", va));
        t.add(hidden("GET", va + "/{attached}"));
        t.add(row("POST", va, "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.1", Answer.HIDDEN));
        t.add(row("PUT", va + "/{attached}", "{\"volumeAttachment\": {\"volumeId\": \"{attached}\"}}", "2.85",
                Answer.HIDDEN));
        t.add(row("PUT", va + "/{attached}", "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.1",
                Answer.HIDDEN));
        t.add(hidden("DELETE", va + "/{attached}"));
        t.add(row("POST", S + "/remote-consoles", "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}",
                "2.6", Answer.HIDDEN));
        t.add(hidden("GET", S + "/os-server-password"));
        t.add(hidden("DELETE", S + "/os-server-password"));
        t.add(row("GET", S + "/topology", null, "2.78", Answer.HIDDEN));
        t.add(hidden("GET", S + "/os-security-groups"));
        t.add(row("GET", S + "/diagnostics", null, "2.48", Answer.HIDDEN));
        String mig = S + "/migrations";
        t.add(row("GET", mig, null, "2.23", Answer.HIDDEN));
        t.add(row("GET", mig + "/1", null, "2.23", Answer.HIDDEN));
        t.add(row("DELETE", mig + "/1", null, "2.24", Answer.HIDDEN));
        t.add(row("POST", mig + "/1/action", "{\"force_complete\": null}", "2.22", Answer.HIDDEN));
    }

    /** Lists whose filters name A's things: B's own things only, or a policy denial. */
    private static void listFilters(List<Row> t) {
        for (String filter : List.of("name={name}", "project_id={projectA}", "tenant_id={projectA}",
                "changes-since=2000-01-01T00:00:00Z", "uuid={server}", "ip={ip}", "key_name={keypair}",
                "user_id={userA}", "flavor={flavor}", "image={image}", "deleted=true", "status=ACTIVE")) {
            t.add(row("GET", "/servers?" + filter, null, "2.1", Answer.SERVED));
            t.add(row("GET", "/servers/detail?" + filter, null, "2.1", Answer.SERVED));
        }
        t.add(row("GET", "/servers/detail?tags={tag}", null, "2.26", Answer.SERVED));
        t.add(row("GET", "/servers/detail?changes-since=2000-01-01T00:00:00Z&name={deleted_name}", null, "2.1",
                Answer.SERVED));
        t.add(hidden("GET", "/servers/{deleted}"));
        t.add(row("GET", "/servers/detail?changes-before=2999-01-01T00:00:00Z", null, "2.66", Answer.SERVED));
        t.add(row("GET", "/os-volumes_boot/detail?name={name}", null, "2.1", Answer.SERVED));
        t.add(denied("GET", "/servers?all_tenants=1&project_id={projectA}", null, "2.1",
                "servers:index:get_all_tenants"));
        t.add(denied("GET", "/servers/detail?all_tenants=true", null, "2.1", "servers:detail:get_all_tenants"));
        t.add(row("GET", "/flavors?is_public=None", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/flavors/detail?is_public=false", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/images", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/images/detail", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/images/detail?server={server}", null, "2.1", Answer.SERVED));
        // a marker of A's: nova's server list is empty after another project's server (a missing one is a 400)
        t.add(row("GET", "/servers?marker={server}", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/servers/detail?marker={server}&limit=1", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/os-keypairs?marker={keypair}", null, "2.35", Answer.refused(400)));
        t.add(row("GET", "/flavors?marker={flavor}", null, "2.1", Answer.refused(400)));
        t.add(row("GET", BS + "/os-instance-actions?marker={action}", null, "2.58", Answer.refused(400)));
        // B's own server and its sub-resources show nothing of A's
        for (String own : List.of("", "/os-security-groups", "/os-interface", "/ips", "/os-instance-actions",
                "/os-volume_attachments", "/metadata")) {
            t.add(row("GET", BS + own, null, "2.1", Answer.SERVED));
        }
        t.add(row("GET", BS + "/topology", null, "2.78", Answer.SERVED));
        t.add(row("GET", BS + "/shares", null, "2.97", Answer.SERVED));
        t.add(row("GET", "/servers/detail", null, "2.96", Answer.SERVED));
    }

    /** B's own server or a new one, with one of A's things in the body. */
    private static void referencesInBodies(List<Row> t) {
        Answer create = Answer.denied("os_compute_api:servers:create");
        String boot = "\"name\": \"b\", \"flavorRef\": \"1\", \"networks\": \"auto\", \"imageRef\": \"{seed_image}\"";
        t.add(row("POST", "/servers", "{\"server\": {" + boot + ", \"key_name\": \"{keypair}\"}}", "2.37",
                Answer.refused(400)).reader(create));
        t.add(row("POST", "/servers", "{\"server\": {" + boot + "}, \"os:scheduler_hints\": {\"group\": \"{group}\"}}",
                "2.37", Answer.refused(400)).reader(create));
        t.add(row("POST", "/servers", "{\"server\": {\"name\": \"b\", \"flavorRef\": \"1\", \"imageRef\": "
                + "\"{seed_image}\", \"networks\": [{\"port\": \"{port}\"}]}}", "2.37", Answer.refused(400))
                .reader(create));
        t.add(row("POST", "/servers", "{\"server\": {\"name\": \"b\", \"flavorRef\": \"1\", \"networks\": \"auto\", "
                + "\"block_device_mapping_v2\": [{\"boot_index\": 0, \"uuid\": \"{volume}\", \"source_type\": "
                + "\"volume\", \"destination_type\": \"volume\"}]}}", "2.37", Answer.refused(400)).reader(create));
        t.add(row("POST", "/servers", "{\"server\": {\"name\": \"b\", \"flavorRef\": \"{flavor}\", \"networks\": "
                + "\"auto\", \"imageRef\": \"{seed_image}\"}}", "2.37", Answer.refused(400)).reader(create));
        t.add(row("POST", "/servers", "{\"server\": {\"name\": \"b\", \"flavorRef\": \"1\", \"networks\": \"auto\", "
                + "\"imageRef\": \"{image}\"}}", "2.37", Answer.refused(400)).reader(create));
        t.add(row("POST", "/servers", "{\"server\": {\"name\": \"b\", \"flavorRef\": \"1\", \"networks\": \"auto\", "
                + "\"block_device_mapping_v2\": [{\"boot_index\": 0, \"uuid\": \"{snapshot}\", \"source_type\": "
                + "\"snapshot\", \"destination_type\": \"volume\"}]}}", "2.37", Answer.refused(400)).reader(create));
        t.add(row("POST", "/os-snapshots", "{\"snapshot\": {\"volume_id\": \"{volume}\", \"force\": true}}", "2.1",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-volumes:snapshots:create")));
        t.add(row("POST", "/os-volumes", "{\"volume\": {\"size\": 1, \"snapshot_id\": \"{snapshot}\"}}", "2.1",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-volumes:create")));
        String va = BS + "/os-volume_attachments";
        t.add(row("POST", va, "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.1", Answer.HIDDEN)
                .reader(Answer.denied("os_compute_api:os-volumes-attachments:create")));
        t.add(row("POST", va, "{\"volumeAttachment\": {\"volumeId\": \"{attached}\"}}", "2.1", Answer.HIDDEN)
                .reader(Answer.denied("os_compute_api:os-volumes-attachments:create")));
        t.add(hidden("GET", va + "/{attached}"));
        t.add(row("PUT", va + "/{attached}", "{\"volumeAttachment\": {\"volumeId\": \"{attached}\"}}", "2.85",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-volumes-attachments:update")));
        t.add(denied("PUT", va + "/{attached}", "{\"volumeAttachment\": {\"volumeId\": \"{volume}\"}}", "2.1",
                "os-volumes-attachments:swap"));
        t.add(hidden("DELETE", va + "/{attached}")
                .reader(Answer.denied("os_compute_api:os-volumes-attachments:delete")));
        String oi = BS + "/os-interface";
        t.add(row("POST", oi, "{\"interfaceAttachment\": {\"port_id\": \"{port}\"}}", "2.1", Answer.HIDDEN)
                .reader(Answer.denied("os_compute_api:os-attach-interfaces:create")));
        // the address is taken: nova's 409 names no server
        t.add(row("POST", oi, "{\"interfaceAttachment\": {\"net_id\": \"{network_id}\", \"fixed_ips\": "
                + "[{\"ip_address\": \"{ip}\"}]}}", "2.1", Answer.refused(409))
                .reader(Answer.denied("os_compute_api:os-attach-interfaces:create")));
        t.add(hidden("GET", oi + "/{port}"));
        t.add(hidden("GET", BS + "/os-instance-actions/{action}"));
        // nova casts the detach and the compute host finds no such port on B's server: A's port stays
        t.add(row("DELETE", oi + "/{port}", null, "2.1", Answer.SERVED)
                .reader(Answer.denied("os_compute_api:os-attach-interfaces:delete")));
        t.add(row("POST", BS + "/action",
                "{\"rebuild\": {\"imageRef\": \"{seed_image}\", \"key_name\": \"{keypair}\"}}", "2.54", Answer.refused(400)).reader(Answer.denied("os_compute_api:servers:rebuild")));
        // nova does not look the hinted server up at the API: B's server is accepted
        t.add(row("POST", "/servers", "{\"server\": {" + boot + "}, \"os:scheduler_hints\": {\"same_host\": "
                + "\"{server}\"}}", "2.37", Answer.SERVED).reader(create));
        t.add(row("POST", BS + "/action", "{\"rebuild\": {\"imageRef\": \"{image}\"}}", "2.1", Answer.refused(400))
                .reader(Answer.denied("os_compute_api:servers:rebuild")));
        t.add(row("POST", "/servers", "{\"server\": {\"name\": \"b\", \"flavorRef\": \"1\", \"networks\": \"auto\", "
                + "\"block_device_mapping_v2\": [{\"boot_index\": 0, \"uuid\": \"{image}\", \"source_type\": "
                + "\"image\", \"destination_type\": \"local\"}]}}", "2.37", Answer.refused(400)).reader(create));
        t.add(row("POST", BS + "/action", "{\"rescue\": {\"rescue_image_ref\": \"{image}\"}}", "2.1",
                Answer.refused(400)).reader(Answer.denied("os_compute_api:os-rescue")));
        t.add(row("POST", BS + "/action", "{\"resize\": {\"flavorRef\": \"{flavor}\"}}", "2.1", Answer.refused(400))
                .reader(Answer.denied("os_compute_api:servers:resize")));
    }

    /** nova refuses a URL whose project id is not the caller's. */
    private static void projectInUrl(List<Row> t) {
        for (String path : List.of("/{projectA}/servers", "/{projectA}/servers/{server}",
                "/{projectA}/os-quota-sets/{projectA}", "/{projectA}/limits", "/{projectA}/os-keypairs/{keypair}")) {
            t.add(row("GET", path, null, "2.1", Answer.refused(400)));
        }
    }

    /** The built-in network is shared: every project sees it; nova-network's calls are gone (410). */
    private static void networkProxies(List<Row> t) {
        t.add(row("GET", "/os-networks/{network_id}", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/os-tenant-networks/{network_id}", null, "2.1", Answer.SERVED));
        t.add(row("DELETE", "/os-networks/{network_id}", null, "2.1", Answer.refused(410)));
        t.add(row("DELETE", "/os-tenant-networks/{network_id}", null, "2.1", Answer.refused(410)));
        for (String key : List.of("disassociate", "disassociate_host", "disassociate_project", "associate_host")) {
            t.add(row("POST", "/os-networks/{network_id}/action", "{\"" + key + "\": null}", "2.1",
                    Answer.refused(410)));
        }
    }

    /**
     * {secgroup} is a group of A's with rule {secrule}, on A's server; {fip_address} ({fip}) is
     * an address of A's associated with A's server. nova checks these policies against the
     * caller's own project first, so B's reader is denied the changes before any lookup.
     */
    private static void securityGroupsAndFloatingIps(List<Row> t) {
        String g = "/os-security-groups/{secgroup}";
        t.add(hidden("GET", g));
        t.add(row("PUT", g, "{\"security_group\": {\"name\": \"x\", \"description\": \"\"}}", "2.1",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-security-groups:update")));
        t.add(row("POST", "/os-security-group-rules", "{\"security_group_rule\": {\"parent_group_id\": "
                + "\"{secgroup}\", \"ip_protocol\": \"udp\", \"from_port\": 53, \"to_port\": 53}}", "2.1",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-security-groups:rule:create")));
        t.add(row("GET", "/os-security-groups?all_tenants=1", null, "2.1", Answer.SERVED));
        t.add(row("GET", "/os-security-groups", null, "2.1", Answer.SERVED));
        t.add(hidden("GET", "/os-floating-ips/{fip}"));
        t.add(row("GET", "/os-floating-ips", null, "2.1", Answer.SERVED));
        // A's group and address named in actions on B's own server
        t.add(row("POST", BS + "/action", "{\"addSecurityGroup\": {\"name\": \"{secgroup}\"}}", "2.1", Answer.HIDDEN)
                .reader(Answer.denied("os_compute_api:os-security-groups:add")));
        t.add(row("POST", BS + "/action", "{\"addSecurityGroup\": {\"name\": \"{secgroup_name}\"}}", "2.1",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-security-groups:add")));
        t.add(row("POST", BS + "/action", "{\"addFloatingIp\": {\"address\": \"{fip_address}\"}}", "2.1",
                Answer.HIDDEN).reader(Answer.denied("os_compute_api:os-floating-ips:add")));
        t.add(row("POST", BS + "/action", "{\"removeFloatingIp\": {\"address\": \"{fip_address}\"}}", "2.1",
                Answer.HIDDEN));
        t.add(row("POST", S + "/action", "{\"removeFloatingIp\": {\"address\": \"{fip_address}\"}}", "2.1",
                Answer.HIDDEN));
        t.add(row("POST", S + "/action", "{\"removeSecurityGroup\": {\"name\": \"{secgroup_name}\"}}", "2.1",
                Answer.HIDDEN));
    }

    private static Row row(String method, String path, String body, String version, Answer both) {
        return new Row(method, path, body, version, both, both);
    }

    private static Row hidden(String method, String path) {
        return row(method, path, null, "2.1", Answer.HIDDEN);
    }

    private static Row denied(String method, String path, String body, String version, String rule) {
        return row(method, path, body, version, Answer.denied("os_compute_api:" + rule));
    }
}
