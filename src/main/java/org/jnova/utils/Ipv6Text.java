package org.jnova.utils;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The text netaddr gives an IPv6 address (str(netaddr.IPAddress(text))), which is how nova
 * stores and shows accessIPv6: lower-case groups without leading zeros, the longest (first)
 * run of two or more zero groups as "::", and an IPv4-compatible or IPv4-mapped address with
 * its last 32 bits as a dotted quad.
 */
public final class Ipv6Text {
    private Ipv6Text() {
    }

    /** The canonical text of an IPv6 literal; IllegalArgumentException when {@code text} is not one. */
    public static String canonical(String text) {
        return format(parse(text));
    }

    private static byte[] parse(String text) {
        if (text == null || !text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        InetAddress address;
        try {
            // a text of hex digits, ':' and '.' is a literal: parsed, never looked up
            address = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            // Java reads ::ffff:a.b.c.d as the IPv4 address it maps
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static String format(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int used = 8;
        String dotted = null;
        if (embedsIpv4(groups)) {
            used = 6;
            dotted = (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < used; ) {
            int j = i;
            while (j < used && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < used; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(groups[i]));
            if (i < used - 1) {
                out.append(':');
            }
        }
        if (dotted != null) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(dotted);
        }
        return out.toString();
    }

    /** IPv4-compatible (::a.b.c.d above ::ffff) or IPv4-mapped (::ffff:a.b.c.d). */
    private static boolean embedsIpv4(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        long low = ((long) groups[6] << 16) | groups[7];
        return groups[5] == 0xffff || groups[5] == 0 && low > 0xffff;
    }
}
