package org.jnova.objects;

/**
 * A port of an instance on the built-in network: MAC and fixed IP, and the floating IP
 * associated with that fixed IP (null when none).
 */
public record VirtualInterface(String uuid, String instanceUuid, String networkLabel, String macAddress,
        String fixedIp, String floatingIp) {
    public VirtualInterface(String uuid, String instanceUuid, String networkLabel, String macAddress,
            String fixedIp) {
        this(uuid, instanceUuid, networkLabel, macAddress, fixedIp, null);
    }

    /** 4 or 6. */
    public int ipVersion() {
        return fixedIp.contains(":") ? 6 : 4;
    }
}
