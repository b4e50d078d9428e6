package org.jnova.objects;

/** A port of an instance on the built-in network: MAC and fixed IP. */
public record VirtualInterface(String uuid, String instanceUuid, String networkLabel, String macAddress,
        String fixedIp) {
    /** 4 or 6. */
    public int ipVersion() {
        return fixedIp.contains(":") ? 6 : 4;
    }
}
