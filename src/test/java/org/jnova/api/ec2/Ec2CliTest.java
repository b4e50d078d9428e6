package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI, unmodified, against the EC2 API under noauth2 (the access key names
 * user:project, the secret is not checked): the user scenario shared with the built-in
 * identity and Keystone, and security groups and addresses on its running instance.
 */
class Ec2CliTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @TempDir
    Path home;

    @BeforeAll
    static void needsTheCli() {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI is not installed");
    }

    @EachEngine
    void theScenario(String engine) throws Exception {
        AwsCli aws = AwsCli.of(SERVERS.get(engine).startEc2(), "cli:cli", "not-checked", home);
        assertThat(aws.ok("describe-availability-zones").json().at("/AvailabilityZones/0/ZoneName").asText())
                .isEqualTo("nova");
        Ec2CliScenario.run(aws, id -> securityGroupsAndAddresses(aws, id));
        assertThat(aws.fails("InvalidInstanceID.NotFound", "describe-instances", "--instance-ids", "i-7ffffff0"))
                .contains("i-7ffffff0");
    }

    private static void securityGroupsAndAddresses(AwsCli aws, String id) throws Exception {
        String group = aws.ok("create-security-group", "--group-name", "cli-web", "--description", "web").json()
                .path("GroupId").asText();
        aws.ok("authorize-security-group-ingress", "--group-name", "cli-web", "--protocol", "tcp", "--port", "80",
                "--cidr", "0.0.0.0/0");
        JsonNode rule = aws.ok("describe-security-groups", "--group-ids", group).json()
                .at("/SecurityGroups/0/IpPermissions/0");
        assertThat(rule.path("FromPort").asInt()).isEqualTo(80);
        assertThat(rule.at("/IpRanges/0/CidrIp").asText()).isEqualTo("0.0.0.0/0");
        aws.fails("InvalidPermission.Duplicate", "authorize-security-group-ingress", "--group-id", group,
                "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0");
        aws.ok("revoke-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "80",
                "--cidr", "0.0.0.0/0");
        aws.ok("delete-security-group", "--group-id", group);

        String address = aws.ok("allocate-address").json().path("PublicIp").asText();
        aws.ok("associate-address", "--instance-id", id, "--public-ip", address);
        assertThat(aws.ok("describe-addresses", "--public-ips", address).json().at("/Addresses/0/InstanceId")
                .asText()).isEqualTo(id);
        aws.ok("disassociate-address", "--public-ip", address);
        aws.ok("release-address", "--public-ip", address);
        assertThat(aws.ok("describe-addresses").json().path("Addresses")).isEmpty();
    }
}
