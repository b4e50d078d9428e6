package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jnova.api.ec2.instances.InstanceStates;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.Ec2Xml;
import org.jnova.api.ec2.protocol.Wildcards;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.junit.jupiter.api.Test;

/** The EC2 API's small parts: filter wildcards, id shapes, numbered parameters, XML text. */
class Ec2UnitsTest {
    @Test
    void wildcardsMatchAsEc2FiltersDo() {
        assertThat(Wildcards.matches("web*", "web-1")).isTrue();
        assertThat(Wildcards.matches("w?b", "web")).isTrue();
        assertThat(Wildcards.matches("w?b", "weeb")).isFalse();
        assertThat(Wildcards.matches("*", "")).isTrue();
        assertThat(Wildcards.matches("a\\*", "a*")).isTrue();
        assertThat(Wildcards.matches("a\\*", "ab")).isFalse();
        assertThat(Wildcards.matches("*a*b*c", "xxaxxbxxc")).isTrue();
        // a hostile pattern is answered quickly
        String text = "a".repeat(255);
        long start = System.nanoTime();
        assertThat(Wildcards.matches("*a".repeat(120) + "b", text)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void idsHaveEc2sShape() {
        assertThat(Ec2Ids.instanceId(10)).isEqualTo("i-0000000a");
        assertThat(Ec2Ids.wellFormed("i-0000000a", "i")).isTrue();
        assertThat(Ec2Ids.wellFormed("I-0000000A", "i")).isTrue();
        assertThat(Ec2Ids.wellFormed("ami-0000000a", "i")).isFalse();
        assertThat(Ec2Ids.wellFormed("i-", "i")).isFalse();
        assertThat(Ec2Ids.wellFormed("i-xyz", "i")).isFalse();
        assertThat(Ec2Ids.wellFormed("i-ffffffffffffffff", "i")).isFalse();
        assertThat(Ec2Ids.wellFormed(null, "i")).isFalse();
    }

    @Test
    void numberedParametersAndFiltersComeInNumberOrder() {
        Ec2Request request = new Ec2Request(RequestContext.project("u", "p", java.util.List.of(), false, "req-1"),
                "DescribeInstances", "2016-11-15", Map.of("InstanceId.2", "i-2", "InstanceId.10", "i-10",
                        "InstanceId.1", "i-1", "InstanceId.x", "i-x", "Filter.2.Name", "tag:a", "Filter.2.Value.1", "b",
                        "Filter.1.Name", "instance-state-name", "Filter.1.Value.2", "stopped",
                        "Filter.1.Value.1", "running"), "http://h/");
        assertThat(request.list("InstanceId")).containsExactly("i-1", "i-2", "i-10");
        assertThat(request.filters()).containsExactly(
                Map.entry("instance-state-name", java.util.List.of("running", "stopped")),
                Map.entry("tag:a", java.util.List.of("b")));
    }

    @Test
    void statesAreEc2sCodes() {
        assertThat(InstanceStates.of(16)).containsExactly(Map.entry("code", 16), Map.entry("name", "running"));
        assertThat(InstanceStates.name(80)).isEqualTo("stopped");
        assertThat(InstanceStates.name(32)).isEqualTo("shutting-down");
    }

    @Test
    void xmlLeavesOutWhatXmlCannotCarry() {
        String xml = new String(Ec2Xml.response("DescribeTags", "2016-11-15", "req-1",
                Map.of("tagSet", java.util.List.of(Map.of("value", "a\u0001<b>&")))), StandardCharsets.UTF_8);
        assertThat(xml).contains("<DescribeTagsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
                .contains("<requestId>req-1</requestId>").contains("<item><value>a&lt;b&gt;&amp;</value></item>");
    }
}
