package org.jnova.api.openstack.compute.policywalk;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.compute.SeedData;

/** Fills a call's placeholders with data created on first use (one set per call, or per persona if fresh). */
final class WalkFixtures {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_A-Z]+)}");
    private final WalkApi api;
    private final Map<String, String> values = new HashMap<>();

    WalkFixtures(WalkApi api) {
        this.api = api;
    }

    String fill(String text, Persona who) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), who)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String name, Persona who) {
        return switch (name) {
            case "uniq" -> api.unique("walk");
            case "image" -> SeedData.CIRROS_IMAGE_ID;
            case "projectA" -> Persona.Projects.A;
            case "projectB" -> Persona.Projects.B;
            case "host" -> api.computeHost();
            case "keypair" -> values.computeIfAbsent("keypair:" + who, k -> api.keypairOf(who));
            case "server" -> values.computeIfAbsent(name, k -> api.serverOfA());
            case "shared_server" -> values.computeIfAbsent(name, k -> api.sharedServerOfA(ApiCall.WALK_SHARE));
            case "port" -> values.computeIfAbsent(name, k -> api.firstPortId(value("server", who)));
            case "action" -> values.computeIfAbsent(name, k -> api.firstActionRequestId(value("server", who)));
            case "volume" -> values.computeIfAbsent(name, k -> api.volumeOfA());
            case "snapshot" -> values.computeIfAbsent(name, k -> api.snapshotOfA());
            case "secgroup" -> values.computeIfAbsent(name, k -> api.securityGroupOfA());
            case "secrule" -> values.computeIfAbsent(name, k -> api.securityGroupRuleOfA());
            case "fip" -> values.computeIfAbsent(name, k -> api.floatingIpOfA());
            case "network" -> values.computeIfAbsent(name, k -> api.builtInNetwork());
            case "group" -> values.computeIfAbsent(name, k -> api.serverGroupOfA());
            case "aggregate" -> values.computeIfAbsent(name, k -> api.aggregate());
            case "flavor" -> values.computeIfAbsent(name, k -> api.flavor());
            case "hyp_id" -> values.computeIfAbsent(name, k -> api.hypervisor().path("id").asText());
            case "hyp_name" -> values.computeIfAbsent(name, k -> api.hypervisor().path("hypervisor_hostname").asText());
            default -> throw new IllegalArgumentException("unknown placeholder " + name);
        };
    }
}
