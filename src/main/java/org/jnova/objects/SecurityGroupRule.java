package org.jnova.objects;

/**
 * An ingress rule: null protocol and ports mean any; {@code remoteGroupId} (else {@code cidr})
 * is where traffic may come from.
 */
public record SecurityGroupRule(String id, String parentGroupId, String protocol, Integer fromPort, Integer toPort,
        String remoteGroupId, String cidr) {
}
