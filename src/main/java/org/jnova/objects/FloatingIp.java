package org.jnova.objects;

/** An allocated floating IP: associated when {@code instanceUuid} and {@code fixedIp} are set. */
public record FloatingIp(String id, String address, String pool, String projectId, String instanceUuid,
        String fixedIp) {
}
