package org.jnova.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void assignableRangeSkipsNetworkGatewayAndBroadcast() {
        Cidr cidr = Cidr.parse("10.0.0.77/24");
        assertEquals("10.0.0.2", cidr.toAddress(cidr.firstAssignable()));
        assertEquals("10.0.0.254", cidr.toAddress(cidr.lastAssignable()));
        assertEquals(4, cidr.addressBytes());
    }

    @Test
    void ipv6() {
        Cidr cidr = Cidr.parse("fd00::/64");
        assertEquals("fd00:0:0:0:0:0:0:2", cidr.toAddress(cidr.firstAssignable()));
    }

    @Test
    void refusesTextWithoutPrefix() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0"));
    }
}
