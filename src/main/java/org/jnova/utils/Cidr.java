package org.jnova.utils;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network written as CIDR ({@code 10.0.0.0/24}), with addresses as numbers.
 * The assignable range leaves out the network address, the first host (the gateway) and the
 * broadcast address.
 *
 * @param addressBytes 4 for IPv4, 16 for IPv6
 * @param network the network address (host bits cleared)
 * @param hostBits bits after the prefix
 */
public record Cidr(int addressBytes, BigInteger network, int hostBits) {

    /**
     * Reads {@code address/prefix}; the address may have host bits set.
     *
     * @throws IllegalArgumentException when the text is not a CIDR
     */
    public static Cidr parse(String text) {
        String[] parts = text.split("/");
        try {
            byte[] base = InetAddress.getByName(parts[0]).getAddress();
            int hostBits = base.length * 8 - Integer.parseInt(parts[1]);
            BigInteger network = new BigInteger(1, base).shiftRight(hostBits).shiftLeft(hostBits);
            return new Cidr(base.length, network, hostBits);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("not a CIDR: " + text, e);
        }
    }

    /** The lowest assignable address: past the network address and the gateway. */
    public BigInteger firstAssignable() {
        return network.add(BigInteger.TWO);
    }

    /** The highest assignable address: below the broadcast address. */
    public BigInteger lastAssignable() {
        return network.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.TWO);
    }

    /** An address's bytes as an unsigned number. */
    public static BigInteger toNumber(byte[] address) {
        return new BigInteger(1, address);
    }

    /** A number of this network's family as text ({@code 10.0.0.2}, {@code fd00::2}). */
    public String toAddress(BigInteger number) {
        byte[] raw = number.toByteArray();
        byte[] out = new byte[addressBytes];
        int copy = Math.min(raw.length, addressBytes);
        System.arraycopy(raw, raw.length - copy, out, addressBytes - copy, copy);
        try {
            return InetAddress.getByAddress(out).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
