package org.jnova.api.openstack.compute.securitygroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-security-groups and os-security-group-rules as nova's proxy to neutron answers them. */
class SecurityGroupsProxyTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String GROUPS = "/os-security-groups";
    private static final String RULES = "/os-security-group-rules";

    @EachEngine
    void groupsArePerProjectWithADefaultGroup(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:sgProjA";
        JsonNode groups = call(jnova, "GET", GROUPS, null, "2.1", 200, token).path("security_groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("name").asText()).isEqualTo("default");
        assertThat(groups.get(0).path("tenant_id").asText()).isEqualTo("sgProjA");
        assertThat(groups.get(0).path("rules")).hasSize(2);

        JsonNode web = call(jnova, "POST", GROUPS, "{\"security_group\": {\"name\": \"web\", \"description\": "
                + "\"web servers\"}}", "2.1", 200, token).path("security_group");
        String id = web.path("id").asText();
        assertThat(web.path("name").asText()).isEqualTo("web");
        assertThat(web.path("description").asText()).isEqualTo("web servers");
        assertThat(web.path("rules")).isEmpty();
        assertThat(call(jnova, "GET", GROUPS + "/" + id, null, "2.35", 200, token).path("security_group")
                .path("name").asText()).isEqualTo("web");
        assertThat(call(jnova, "GET", GROUPS, null, "2.1", 200, token).path("security_groups")).extracting(
                g -> g.path("name").asText()).containsExactly("default", "web");
        assertThat(call(jnova, "GET", GROUPS + "?limit=1&offset=1", null, "2.1", 200, token).path("security_groups"))
                .extracting(g -> g.path("name").asText()).containsExactly("web");

        JsonNode renamed = call(jnova, "PUT", GROUPS + "/" + id, "{\"security_group\": {\"name\": \"www\", "
                + "\"description\": \"\"}}", "2.1", 200, token).path("security_group");
        assertThat(renamed.path("name").asText()).isEqualTo("www");
        assertThat(renamed.path("description").asText()).isEmpty();

        // another project neither sees nor changes it
        String other = "bob:sgProjB";
        assertThat(message(call(jnova, "GET", GROUPS + "/" + id, null, "2.1", 404, other)))
                .isEqualTo("Security group " + id + " does not exist");
        call(jnova, "PUT", GROUPS + "/" + id, "{\"security_group\": {\"name\": \"x\", \"description\": \"\"}}", "2.1",
                404, other);
        call(jnova, "DELETE", GROUPS + "/" + id, null, "2.1", 404, other);
        assertThat(call(jnova, "GET", GROUPS, null, "2.1", 200, other).path("security_groups"))
                .extracting(g -> g.path("tenant_id").asText()).containsOnly("sgProjB");
        // an admin sees every project's with all_tenants
        assertThat(call(jnova, "GET", GROUPS + "?all_tenants=1", null, "2.1", 200, "admin:admin")
                .path("security_groups")).extracting(g -> g.path("tenant_id").asText())
                .contains("sgProjA", "sgProjB");

        assertThat(message(call(jnova, "GET", GROUPS + "/nope", null, "2.1", 400, token)))
                .isEqualTo("Security group id should be uuid");
        assertThat(message(call(jnova, "POST", GROUPS, "{\"security_group\": {\"name\": \"default\", "
                + "\"description\": \"\"}}", "2.1", 403, token))).isEqualTo("Default security group already exists.");
        String defaultId = groups.get(0).path("id").asText();
        assertThat(message(call(jnova, "DELETE", GROUPS + "/" + defaultId, null, "2.1", 400, token)))
                .isEqualTo("Insufficient rights for removing default security group.");
        call(jnova, "POST", GROUPS, "{\"security_group\": {\"name\": \"x\"}}", "2.1", 400, token);
        assertThat(jnova.call("GET", GROUPS, null, "2.36", token).status()).isEqualTo(404);
        assertThat(jnova.call("POST", GROUPS, "{\"security_group\": {\"name\": \"y\", \"description\": \"\"}}",
                "2.36", token).status()).isEqualTo(404);

        call(jnova, "DELETE", GROUPS + "/" + id, null, "2.1", 202, token);
        assertThat(message(call(jnova, "GET", GROUPS + "/" + id, null, "2.1", 404, token)))
                .isEqualTo("Security group " + id + " does not exist");
    }

    @EachEngine
    void rulesAreCheckedAsNovaChecksThem(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:sgProjC";
        String id = call(jnova, "POST", GROUPS, "{\"security_group\": {\"name\": \"db\", \"description\": \"d\"}}",
                "2.1", 200, token).path("security_group").path("id").asText();

        JsonNode ssh = call(jnova, "POST", RULES, rule(id, "\"ip_protocol\": \"TCP\", \"from_port\": \"22\", "
                + "\"to_port\": 22, \"cidr\": \"10.1.2.3/24\""), "2.1", 200, token).path("security_group_rule");
        assertThat(ssh.path("parent_group_id").asText()).isEqualTo(id);
        assertThat(ssh.path("ip_protocol").asText()).isEqualTo("tcp");
        assertThat(ssh.path("from_port").asInt()).isEqualTo(22);
        assertThat(ssh.path("to_port").asInt()).isEqualTo(22);
        // neutron keeps remote_ip_prefix as given (its normalized_cidr is another field), as tempest checks
        assertThat(ssh.path("ip_range").path("cidr").asText()).isEqualTo("10.1.2.3/24");
        assertThat(call(jnova, "GET", GROUPS + "/" + id, null, "2.1", 200, token).path("security_group").path("rules")
                .get(0).path("ip_range").path("cidr").asText()).isEqualTo("10.1.2.3/24");
        assertThat(ssh.path("group").size()).isZero();

        String defaultId = null;
        for (JsonNode g : call(jnova, "GET", GROUPS, null, "2.1", 200, token).path("security_groups")) {
            defaultId = g.path("name").asText().equals("default") ? g.path("id").asText() : defaultId;
        }
        JsonNode icmp = call(jnova, "POST", RULES, rule(id, "\"ip_protocol\": \"icmp\", \"group_id\": \""
                + defaultId + "\""), "2.1", 200, token).path("security_group_rule");
        assertThat(icmp.path("from_port").asInt()).isEqualTo(-1);
        assertThat(icmp.path("to_port").asInt()).isEqualTo(-1);
        assertThat(icmp.path("group").path("name").asText()).isEqualTo("default");
        assertThat(icmp.path("group").path("tenant_id").asText()).isEqualTo("sgProjC");
        JsonNode shown = call(jnova, "GET", GROUPS + "/" + id, null, "2.1", 200, token).path("security_group");
        assertThat(shown.path("rules")).hasSize(2);

        String[][] bad = {
            {"\"ip_protocol\": \"tcp\", \"from_port\": 22, \"to_port\": 22, \"cidr\": \"10.1.2.3/24\"",
                "This rule already exists in group " + id},
            {"\"ip_protocol\": \"tcp\", \"from_port\": 80, \"to_port\": 22",
                "Invalid port range 80:22. Former value cannot be greater than the later"},
            {"\"ip_protocol\": \"udp\", \"from_port\": 0, \"to_port\": 22",
                "Invalid port range 0:22. Valid UDP ports should be between 1-65535"},
            {"\"ip_protocol\": \"icmp\", \"from_port\": 256, \"to_port\": 0",
                "Invalid port range 256:0. For ICMP, the type:code must be valid"},
            {"\"ip_protocol\": \"gre\", \"from_port\": 1, \"to_port\": 2", "Invalid IP protocol gre."},
            {"\"ip_protocol\": \"tcp\", \"from_port\": \"x\", \"to_port\": 2",
                "Invalid input received: To and From ports must be integers"},
            {"\"ip_protocol\": \"icmp\", \"from_port\": \"x\", \"to_port\": 2",
                "Invalid input received: Type and Code must be integers for ICMP protocol type"},
            {"\"ip_protocol\": \"tcp\"", "Not enough parameters to build a valid rule."},
            {"\"ip_protocol\": \"tcp\", \"from_port\": 1, \"to_port\": 2, \"cidr\": \"example.com/8\"",
                "example.com/8 is not a valid IP network."},
            {"\"ip_protocol\": \"tcp\", \"from_port\": 1, \"to_port\": 2, \"cidr\": \"10.0.0.0/0\"",
                "Bad prefix for network in cidr 10.0.0.0/0"},
        };
        for (String[] b : bad) {
            assertThat(message(call(jnova, "POST", RULES, rule(id, b[0]), "2.1", 400, token))).as(b[0])
                    .isEqualTo(b[1]);
        }
        // the same rule with the protocol in capitals passes nova's check and meets neutron's
        assertThat(message(call(jnova, "POST", RULES, rule(id, "\"ip_protocol\": \"TCP\", \"from_port\": 22, "
                + "\"to_port\": 22, \"cidr\": \"10.1.2.3%2F24\""), "2.1", 403, token)))
                .isEqualTo("Security group rule already exists. Rule id is " + ssh.path("id").asText() + ".");
        String missing = "00000000-0000-4000-8000-000000000000";
        assertThat(message(call(jnova, "POST", RULES, rule(missing, "\"ip_protocol\": \"tcp\""), "2.1", 404, token)))
                .isEqualTo("Security group " + missing + " does not exist");
        call(jnova, "POST", RULES, "{\"security_group_rule\": {\"parent_group_id\": \"nope\"}}", "2.1", 400, token);
        // another project may neither add to the group nor delete its rules
        call(jnova, "POST", RULES, rule(id, "\"ip_protocol\": \"tcp\", \"from_port\": 1, \"to_port\": 2"), "2.1",
                404, "bob:sgProjD");
        String ruleId = ssh.path("id").asText();
        assertThat(message(call(jnova, "DELETE", RULES + "/" + ruleId, null, "2.1", 404, "bob:sgProjD")))
                .isEqualTo("Security group rule " + ruleId + " does not exist");

        call(jnova, "DELETE", RULES + "/" + ruleId, null, "2.1", 202, token);
        assertThat(call(jnova, "GET", GROUPS + "/" + id, null, "2.1", 200, token).path("security_group")
                .path("rules")).hasSize(1);
        call(jnova, "DELETE", RULES + "/" + ruleId, null, "2.1", 404, token);
        assertThat(jnova.call("DELETE", RULES + "/" + ruleId, null, "2.36", token).status()).isEqualTo(404);
    }

    @EachEngine
    void aGroupInUseCannotBeDeleted(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:sgProjE";
        String id = call(jnova, "POST", GROUPS, "{\"security_group\": {\"name\": \"app\", \"description\": \"\"}}",
                "2.1", 200, token).path("security_group").path("id").asText();
        String server = call(jnova, "POST", "/servers", "{\"server\": {\"name\": \"sg\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}", "2.1", 202, token).path("server")
                .path("id").asText();
        jnova.awaitActive(server);
        String action = "/servers/" + server + "/action";
        call(jnova, "POST", action, "{\"addSecurityGroup\": {\"name\": \"app\"}}", "2.1", 202, token);
        assertThat(call(jnova, "GET", "/servers/" + server + "/os-security-groups", null, "2.1", 200, token)
                .path("security_groups")).extracting(g -> g.path("name").asText()).containsExactly("app", "default");
        assertThat(message(call(jnova, "DELETE", GROUPS + "/" + id, null, "2.1", 400, token)))
                .isEqualTo("Security Group " + id + " in use.");
        // renamed, the server keeps it
        call(jnova, "PUT", GROUPS + "/" + id, "{\"security_group\": {\"name\": \"app2\", \"description\": \"\"}}",
                "2.1", 200, token);
        assertThat(call(jnova, "GET", "/servers/" + server + "/os-security-groups", null, "2.96", 200, token)
                .path("security_groups")).extracting(g -> g.path("name").asText()).containsExactly("app2", "default");
        assertThat(message(call(jnova, "POST", action, "{\"addSecurityGroup\": {\"name\": \"app\"}}", "2.1", 404,
                token))).isEqualTo("Security group app is not found for project sgProjE");
        // by id as well as by name
        call(jnova, "POST", action, "{\"removeSecurityGroup\": {\"name\": \"" + id + "\"}}", "2.1", 202, token);
        assertThat(message(call(jnova, "POST", action, "{\"removeSecurityGroup\": {\"name\": \"app2\"}}", "2.1",
                404, token))).isEqualTo("Security group app2 not associated with the instance " + server);
        call(jnova, "DELETE", GROUPS + "/" + id, null, "2.1", 202, token);
    }

    @EachEngine
    void serversAreBootedInTheGroupsTheyName(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String token = "alice:sgProjF";
        String id = call(jnova, "POST", GROUPS, "{\"security_group\": {\"name\": \"api\", \"description\": \"\"}}",
                "2.1", 200, token).path("security_group").path("id").asText();
        String boot = "{\"server\": {\"name\": \"sg\", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID
                + "\", \"flavorRef\": \"1\", \"security_groups\": [{\"name\": \"%s\"}, {\"name\": \"default\"}]}}";
        assertThat(message(call(jnova, "POST", "/servers", String.format(boot, "nope"), "2.1", 400, token)))
                .isEqualTo("Security group nope not found.");
        // another project's group is unknown too
        call(jnova, "POST", "/servers", String.format(boot, id), "2.1", 400, "bob:sgProjG");
        String server = call(jnova, "POST", "/servers", String.format(boot, id), "2.1", 202, token).path("server")
                .path("id").asText();
        jnova.awaitActive(server);
        assertThat(call(jnova, "GET", "/servers/" + server + "/os-security-groups", null, "2.1", 200, token)
                .path("security_groups")).extracting(g -> g.path("name").asText()).containsExactly("api", "default");
        assertThat(call(jnova, "GET", "/servers/" + server, null, "2.1", 200, token).path("server")
                .path("security_groups").toString()).isEqualTo("[{\"name\":\"api\"},{\"name\":\"default\"}]");
        assertThat(message(call(jnova, "DELETE", GROUPS + "/" + id, null, "2.1", 400, token)))
                .isEqualTo("Security Group " + id + " in use.");
        call(jnova, "POST", "/servers/" + server + "/action", "{\"removeSecurityGroup\": {\"name\": \"api\"}}", "2.1",
                202, token);
        call(jnova, "POST", "/servers/" + server + "/action", "{\"removeSecurityGroup\": {\"name\": \"default\"}}",
                "2.1", 202, token);
        assertThat(call(jnova, "GET", "/servers/" + server, null, "2.1", 200, token).path("server")
                .has("security_groups")).isFalse();
        call(jnova, "DELETE", GROUPS + "/" + id, null, "2.1", 202, token);
    }

    private static String rule(String parent, String fields) {
        return "{\"security_group_rule\": {\"parent_group_id\": \"" + parent + "\", " + fields + "}}";
    }
}
