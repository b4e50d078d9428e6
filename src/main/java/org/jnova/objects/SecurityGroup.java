package org.jnova.objects;

import java.util.List;

/** A security group in nova's terms: its ingress rules only. */
public record SecurityGroup(String id, String name, String description, String projectId,
        List<SecurityGroupRule> rules) {
    public SecurityGroup {
        rules = List.copyOf(rules);
    }
}
