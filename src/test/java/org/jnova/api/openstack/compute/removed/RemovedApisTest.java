package org.jnova.api.openstack.compute.removed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import java.util.List;
import org.jnova.api.openstack.Microversions;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The APIs nova removed answer 410 with webob's explanation, at every microversion and to anyone. */
class RemovedApisTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private record Call(String method, String path, String body) {
    }

    private static final String ID = "/1";
    private static final List<Call> REMOVED = List.of(
            new Call("GET", "/os-agents", null),
            new Call("POST", "/os-agents", "{\"agent\": {}}"),
            new Call("PUT", "/os-agents" + ID, "{\"para\": {}}"),
            new Call("DELETE", "/os-agents" + ID, null),
            new Call("GET", "/os-cells", null),
            new Call("POST", "/os-cells", "{\"cell\": {\"name\": \"c\"}}"),
            new Call("GET", "/os-cells/capacities", null),
            new Call("GET", "/os-cells/detail", null),
            new Call("GET", "/os-cells/info", null),
            new Call("POST", "/os-cells/sync_instances", "{}"),
            new Call("GET", "/os-cells/c1", null),
            new Call("PUT", "/os-cells/c1", "{\"cell\": {}}"),
            new Call("DELETE", "/os-cells/c1", null),
            new Call("GET", "/os-cells/c1/capacities", null),
            new Call("POST", "/os-certificates", null),
            new Call("GET", "/os-certificates/root", null),
            new Call("GET", "/os-cloudpipe", null),
            new Call("POST", "/os-cloudpipe", "{\"cloudpipe\": {}}"),
            new Call("PUT", "/os-cloudpipe/configure-project", "{\"configure_project\": {}}"),
            new Call("GET", "/os-fixed-ips/10.0.0.2", null),
            new Call("POST", "/os-fixed-ips/10.0.0.2/action", "{\"reserve\": null}"),
            new Call("POST", "/os-fixed-ips/10.0.0.2/action", "{\"unreserve\": null}"),
            new Call("GET", "/os-floating-ip-dns", null),
            new Call("PUT", "/os-floating-ip-dns/example.org", "{\"domain_entry\": {}}"),
            new Call("DELETE", "/os-floating-ip-dns/example.org", null),
            new Call("GET", "/os-floating-ip-dns/example.org/entries/web", null),
            new Call("PUT", "/os-floating-ip-dns/example.org/entries/web", "{\"dns_entry\": {}}"),
            new Call("DELETE", "/os-floating-ip-dns/example.org/entries/web", null),
            new Call("GET", "/os-floating-ips-bulk", null),
            new Call("POST", "/os-floating-ips-bulk", "{\"floating_ips_bulk_create\": {}}"),
            new Call("GET", "/os-floating-ips-bulk/host1", null),
            new Call("PUT", "/os-floating-ips-bulk/delete", "{\"ip_range\": \"10.0.0.0/30\"}"),
            new Call("GET", "/os-fping", null),
            new Call("GET", "/os-fping/abc", null),
            new Call("GET", "/os-security-group-default-rules", null),
            new Call("POST", "/os-security-group-default-rules", "{\"security_group_default_rule\": {}}"),
            new Call("GET", "/os-security-group-default-rules" + ID, null),
            new Call("DELETE", "/os-security-group-default-rules" + ID, null),
            new Call("POST", "/os-networks/net1/action", "{\"disassociate\": null}"),
            new Call("POST", "/os-networks/net1/action", "{\"disassociate_host\": null}"),
            new Call("POST", "/os-networks/net1/action", "{\"disassociate_project\": null}"),
            new Call("POST", "/os-networks/net1/action", "{\"associate_host\": \"h\"}"),
            new Call("GET", "/servers/any/consoles", null),
            new Call("POST", "/servers/any/consoles", "{}"),
            new Call("GET", "/servers/any/consoles" + ID, null),
            new Call("DELETE", "/servers/any/consoles" + ID, null),
            new Call("GET", "/servers/any/os-virtual-interfaces", null));

    @EachEngine
    void everyRemovedRouteAnswersGoneAtTheOldestAndNewestVersion(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        for (Call c : REMOVED) {
            for (String version : List.of("2.1", Microversions.MAX)) {
                assertThat(message(call(jnova, c.method(), c.path(), c.body(), version, 410)))
                        .as(c.method() + " " + c.path() + " at " + version)
                        .isEqualTo("This resource is no longer available.  No forwarding address is given.");
            }
        }
    }

    @EachEngine
    void noPolicyIsCheckedAndNoBodyValidated(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(message(call(jnova, "GET", "/os-agents", null, "2.1", 410, "reader:other")))
                .startsWith("This resource is no longer available.");
        assertThat(message(call(jnova, "POST", "/os-agents", "{\"anything\": [1, 2]}", "2.1", 410,
                "reader:other"))).startsWith("This resource is no longer available.");
        call(jnova, "POST", "/os-cells", null, "2.1", 410);
    }

    @EachEngine
    void unknownActionsOfRemovedResourcesAreStillUnknown(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(message(call(jnova, "POST", "/os-fixed-ips/10.0.0.2/action", "{\"associate_host\": \"h\"}", "2.1",
                400))).isEqualTo("There is no such action: associate_host");
        assertThat(message(call(jnova, "POST", "/os-networks/net1/action", "{\"reserve\": null}", "2.1", 400)))
                .isEqualTo("There is no such action: reserve");
        assertThat(message(call(jnova, "POST", "/os-fixed-ips/10.0.0.2/action", "[1]", "2.1", 400)))
                .isEqualTo("Malformed request body");
    }
}
