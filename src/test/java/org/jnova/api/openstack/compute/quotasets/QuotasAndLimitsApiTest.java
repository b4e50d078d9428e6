package org.jnova.api.openstack.compute.quotasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /limits, os-quota-sets and os-quota-class-sets over a real socket, key sets per microversion. */
class QuotasAndLimitsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void limitsKeysFollowMicroversions(String engine) throws Exception {
        Reply v21 = SERVERS.callAs(engine, "u:lim1", "GET", "/limits", null, "2.1");
        assertThat(v21.json().at("/limits/rate").size()).isZero();
        assertThat(keys(v21.json().at("/limits/absolute"))).containsExactly("maxTotalInstances", "maxTotalCores",
                "maxTotalRAMSize", "maxServerMeta", "maxImageMeta", "maxPersonality", "maxPersonalitySize",
                "maxTotalKeypairs", "maxServerGroups", "maxServerGroupMembers", "maxTotalFloatingIps",
                "maxSecurityGroups", "maxSecurityGroupRules", "totalRAMUsed", "totalCoresUsed", "totalInstancesUsed",
                "totalFloatingIpsUsed", "totalSecurityGroupsUsed", "totalServerGroupsUsed");
        assertThat(v21.json().at("/limits/absolute/maxTotalInstances").asInt()).isEqualTo(10);
        assertThat(v21.json().at("/limits/absolute/maxTotalFloatingIps").asInt()).isEqualTo(-1);
        Reply v236 = SERVERS.callAs(engine, "u:lim1", "GET", "/limits", null, "2.36");
        assertThat(keys(v236.json().at("/limits/absolute"))).contains("maxImageMeta", "maxPersonality")
                .doesNotContain("maxTotalFloatingIps", "totalSecurityGroupsUsed");
        Reply latest = SERVERS.callAs(engine, "u:lim1", "GET", "/limits", null, "2.96");
        assertThat(keys(latest.json().at("/limits/absolute"))).containsExactly("maxTotalInstances", "maxTotalCores",
                "maxTotalRAMSize", "maxServerMeta", "maxTotalKeypairs", "maxServerGroups", "maxServerGroupMembers",
                "totalRAMUsed", "totalCoresUsed", "totalInstancesUsed", "totalServerGroupsUsed");

        SERVERS.call(engine, "PUT", "/os-quota-sets/lim2", "{\"quota_set\": {\"instances\": 3}}", "2.1");
        Reply other = SERVERS.call(engine, "GET", "/limits?tenant_id=lim2", null, "2.57");
        assertThat(other.json().at("/limits/absolute/maxTotalInstances").asInt()).isEqualTo(3);
    }

    @EachEngine
    void quotaSetsShowUpdateDetailDelete(String engine) throws Exception {
        Reply v21 = SERVERS.call(engine, "GET", "/os-quota-sets/qs1", null, "2.1");
        assertThat(keys(v21.json().get("quota_set"))).containsExactly("id", "cores", "fixed_ips", "floating_ips",
                "injected_file_content_bytes", "injected_file_path_bytes", "injected_files", "instances", "key_pairs",
                "metadata_items", "ram", "security_group_rules", "security_groups", "server_group_members",
                "server_groups");
        assertThat(v21.json().at("/quota_set/cores").asInt()).isEqualTo(20);
        assertThat(v21.json().at("/quota_set/fixed_ips").asInt()).isEqualTo(-1);

        Reply updated = SERVERS.call(engine, "PUT", "/os-quota-sets/qs1",
                "{\"quota_set\": {\"cores\": \"7\", \"ram\": -1, \"force\": true}}", "2.36");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(keys(updated.json().get("quota_set"))).doesNotContain("id", "fixed_ips").contains("injected_files");
        assertThat(updated.json().at("/quota_set/cores").asInt()).isEqualTo(7);
        assertThat(updated.json().at("/quota_set/ram").asInt()).isEqualTo(-1);
        assertFault(SERVERS.call(engine, "PUT", "/os-quota-sets/qs1", "{\"quota_set\": {\"fixed_ips\": 1}}", "2.36"),
                400, "Invalid input for field/attribute quota_set. Value: {'fixed_ips': 1}. "
                        + "Additional properties are not allowed ('fixed_ips' was unexpected)");

        Reply user = SERVERS.call(engine, "PUT", "/os-quota-sets/qs1?user_id=usr1", "{\"quota_set\": {\"cores\": 2}}",
                "2.1");
        assertThat(user.json().at("/quota_set/cores").asInt()).isEqualTo(2);
        assertThat(SERVERS.call(engine, "GET", "/os-quota-sets/qs1?user_id=usr1", null, "2.1").json()
                .at("/quota_set/cores").asInt()).isEqualTo(2);

        assertFault(SERVERS.call(engine, "PUT", "/os-quota-sets/qs1?user_id=usr2", "{\"quota_set\": {\"cores\": 6}}",
                "2.1"), 400, "Quota limit 6 for cores must be less than or equal to 5.");
        assertFault(SERVERS.call(engine, "PUT", "/os-quota-sets/qs1", "{\"quota_set\": {\"cores\": 1}}", "2.1"), 400,
                "Quota limit 1 for cores must be greater than or equal to already used and reserved 2.");

        Reply detail = SERVERS.call(engine, "GET", "/os-quota-sets/qs1/detail", null, "2.96");
        assertThat(keys(detail.json().get("quota_set"))).containsExactly("id", "cores", "instances", "key_pairs",
                "metadata_items", "ram", "server_group_members", "server_groups");
        assertThat(keys(detail.json().at("/quota_set/cores"))).containsExactly("limit", "in_use", "reserved");
        assertThat(detail.json().at("/quota_set/cores/limit").asInt()).isEqualTo(7);

        Reply defaults = SERVERS.call(engine, "GET", "/os-quota-sets/qs1/defaults", null, "2.57");
        assertThat(defaults.json().at("/quota_set/cores").asInt()).isEqualTo(20);
        assertThat(defaults.json().at("/quota_set/id").asText()).isEqualTo("qs1");

        Reply deleted = SERVERS.call(engine, "DELETE", "/os-quota-sets/qs1", null, "2.1");
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(SERVERS.call(engine, "GET", "/os-quota-sets/qs1", null, "2.1").json().at("/quota_set/cores")
                .asInt()).isEqualTo(20);
    }

    @EachEngine
    void quotaClassSets(String engine) throws Exception {
        Reply v21 = SERVERS.call(engine, "GET", "/os-quota-class-sets/gold", null, "2.1");
        assertThat(keys(v21.json().get("quota_class_set"))).containsExactly("id", "cores", "fixed_ips",
                "floating_ips", "injected_file_content_bytes", "injected_file_path_bytes", "injected_files",
                "instances", "key_pairs", "metadata_items", "ram", "security_group_rules", "security_groups");
        Reply updated = SERVERS.call(engine, "PUT", "/os-quota-class-sets/gold",
                "{\"quota_class_set\": {\"instances\": 50, \"server_groups\": 3}}", "2.50");
        assertThat(keys(updated.json().get("quota_class_set"))).containsExactly("cores",
                "injected_file_content_bytes", "injected_file_path_bytes", "injected_files", "instances", "key_pairs",
                "metadata_items", "ram", "server_group_members", "server_groups");
        assertThat(updated.json().at("/quota_class_set/instances").asInt()).isEqualTo(50);
        Reply latest = SERVERS.call(engine, "GET", "/os-quota-class-sets/gold", null, "2.96");
        assertThat(keys(latest.json().get("quota_class_set"))).containsExactly("id", "cores", "instances",
                "key_pairs", "metadata_items", "ram", "server_group_members", "server_groups");
        assertThat(latest.json().at("/quota_class_set/server_groups").asInt()).isEqualTo(3);
        assertFault(SERVERS.call(engine, "PUT", "/os-quota-class-sets/gold",
                "{\"quota_class_set\": {\"injected_files\": 1}}", "2.57"), 400,
                "Invalid input for field/attribute quota_class_set. Value: {'injected_files': 1}. "
                        + "Additional properties are not allowed ('injected_files' was unexpected)");
        // nova validates the legacy /v2 body with the same schema (nova 26, probed)
        java.net.http.HttpResponse<String> legacy = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVERS.get(engine).rootUrl()
                        + "/v2/os-quota-class-sets/gold")).header("X-Auth-Token", "admin:admin")
                        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{\"quota_class_set\": {\"instances\": \"[\"}}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(legacy.statusCode()).isEqualTo(400);
        assertThat(legacy.body()).contains("Invalid input for field/attribute instances. Value: [. "
                + "'[' does not match '^-?[0-9]+$'");
    }

    @EachEngine
    void networkQuotasAreKeptBeforeTheyAreHidden(String engine) throws Exception {
        String body = "{\"fixed_ips\": 11, \"floating_ips\": 12, \"security_groups\": 13, "
                + "\"security_group_rules\": 14}";
        JsonNode classSet = SERVERS.call(engine, "PUT", "/os-quota-class-sets/silver", "{\"quota_class_set\": " + body
                + "}", "2.1").json().get("quota_class_set");
        assertNetworkQuotas(classSet);
        assertNetworkQuotas(SERVERS.call(engine, "GET", "/os-quota-class-sets/silver", null, "2.49").json()
                .get("quota_class_set"));
        // another class keeps nova's unlimited default
        assertThat(SERVERS.call(engine, "GET", "/os-quota-class-sets/bronze", null, "2.1").json()
                .at("/quota_class_set/fixed_ips").asInt()).isEqualTo(-1);

        JsonNode quotaSet = SERVERS.call(engine, "PUT", "/os-quota-sets/netq", "{\"quota_set\": " + body + "}", "2.35")
                .json().get("quota_set");
        assertNetworkQuotas(quotaSet);
        assertNetworkQuotas(SERVERS.call(engine, "GET", "/os-quota-sets/netq", null, "2.1").json().get("quota_set"));
        JsonNode detail = SERVERS.call(engine, "GET", "/os-quota-sets/netq/detail", null, "2.1").json()
                .get("quota_set");
        assertThat(detail.at("/security_groups/limit").asInt()).isEqualTo(13);
        assertThat(detail.at("/security_groups/in_use").asInt()).isZero();
        JsonNode limits = SERVERS.call(engine, "GET", "/limits?tenant_id=netq", null, "2.35").json()
                .at("/limits/absolute");
        assertThat(limits.get("maxSecurityGroups").asInt()).isEqualTo(13);
        assertThat(limits.get("maxSecurityGroupRules").asInt()).isEqualTo(14);
        assertThat(limits.get("maxTotalFloatingIps").asInt()).isEqualTo(12);
        assertThat(SERVERS.call(engine, "GET", "/os-quota-sets/netq", null, "2.36").json().get("quota_set")
                .has("fixed_ips")).isFalse();
        SERVERS.call(engine, "DELETE", "/os-quota-sets/netq", null, "2.1");
        assertThat(SERVERS.call(engine, "GET", "/os-quota-sets/netq", null, "2.1").json()
                .at("/quota_set/security_groups").asInt()).isEqualTo(-1);
    }

    private static void assertNetworkQuotas(JsonNode set) {
        assertThat(set.get("fixed_ips").asInt()).isEqualTo(11);
        assertThat(set.get("floating_ips").asInt()).isEqualTo(12);
        assertThat(set.get("security_groups").asInt()).isEqualTo(13);
        assertThat(set.get("security_group_rules").asInt()).isEqualTo(14);
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
