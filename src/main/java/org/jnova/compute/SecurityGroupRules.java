package org.jnova.compute;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jnova.exception.Invalid;
import org.jnova.objects.SecurityGroupRule;
import org.jnova.utils.Cidr;

/**
 * nova's checks of a new ingress rule (security_group_api._new_ingress_rule and parse_cidr)
 * and neutron's way of keeping it: protocol names lower case, port -1 as "any", the CIDR as
 * given (neutron keeps {@code remote_ip_prefix} with its host bits; only its own
 * {@code normalized_cidr} clears them).
 */
public final class SecurityGroupRules {
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private SecurityGroupRules() {
    }

    /** A rule as nova builds it: from a source group, else from a CIDR. */
    public record NewRule(String groupId, String cidr, String protocol, Integer fromPort, Integer toPort) {
        /** The rule as neutron keeps it. */
        SecurityGroupRule toRule(String id, String parentGroupId) {
            return new SecurityGroupRule(id, parentGroupId, protocol == null ? null : protocol.toLowerCase(Locale.ROOT),
                    fromPort == null || fromPort == -1 ? null : fromPort, toPort == null || toPort == -1 ? null : toPort,
                    groupId, groupId != null ? null : cidr);
        }

        /** Whether neutron would call it a duplicate of {@code r}. */
        boolean sameAs(SecurityGroupRule r) {
            SecurityGroupRule mine = toRule(r.id(), r.parentGroupId());
            return Objects.equals(mine.protocol(), r.protocol()) && Objects.equals(mine.fromPort(), r.fromPort())
                    && Objects.equals(mine.toPort(), r.toPort()) && Objects.equals(mine.remoteGroupId(),
                    r.remoteGroupId()) && Objects.equals(mine.cidr(), r.cidr());
        }
    }

    /** A rule's lower port as nova shows it: a protocol without ports reads 1 (TCP, UDP) or -1. */
    public static Integer fromPort(SecurityGroupRule r) {
        if (r.protocol() != null && r.fromPort() == null && r.toPort() == null) {
            return tcpOrUdp(r.protocol()) ? 1 : -1;
        }
        return r.fromPort();
    }

    /** A rule's upper port as nova shows it: a protocol without ports reads 65535 (TCP, UDP) or -1. */
    public static Integer toPort(SecurityGroupRule r) {
        if (r.protocol() != null && r.fromPort() == null && r.toPort() == null) {
            return tcpOrUdp(r.protocol()) ? 65535 : -1;
        }
        return r.toPort();
    }

    /**
     * nova's rule from a source group or a CIDR. {@code protocol} is the text of a truthy
     * ip_protocol (else null); ports are null when absent, else their text.
     *
     * @return null when a CIDR rule lacks its protocol or a port: "Not enough parameters"
     */
    public static NewRule build(String groupId, String cidr, String protocol, String from, String to) {
        String upper = protocol == null ? "" : protocol.toUpperCase(Locale.ROOT);
        if (groupId != null && from == null && to == null) {
            if (upper.equals("ICMP")) {
                from = "-1";
                to = "-1";
            } else if (upper.equals("TCP") || upper.equals("UDP")) {
                from = "1";
                to = "65535";
            }
        }
        if (protocol == null || from == null || to == null) {
            return groupId != null ? new NewRule(groupId, null, null, null, null) : null;
        }
        BigInteger fromPort = pythonInt(from);
        BigInteger toPort = pythonInt(to);
        if (fromPort == null || toPort == null) {
            throw new Invalid("Invalid input received: " + (upper.equals("ICMP")
                    ? "Type and Code must be integers for ICMP protocol type" : "To and From ports must be integers"));
        }
        if (!upper.equals("TCP") && !upper.equals("UDP") && !upper.equals("ICMP")) {
            throw new Invalid("Invalid IP protocol " + protocol + ".");
        }
        String range = "Invalid port range " + fromPort + ":" + toPort + ". ";
        if (!upper.equals("ICMP") && fromPort.compareTo(toPort) > 0) {
            throw new Invalid(range + "Former value cannot be greater than the later");
        }
        if (!upper.equals("ICMP") && (fromPort.signum() < 1 || toPort.compareTo(BigInteger.valueOf(65535)) > 0)) {
            throw new Invalid(range + "Valid " + upper + " ports should be between 1-65535");
        }
        if (upper.equals("ICMP") && (outside(fromPort) || outside(toPort))) {
            throw new Invalid(range + "For ICMP, the type:code must be valid");
        }
        return new NewRule(groupId, groupId != null ? null : cidr, protocol, fromPort.intValue(), toPort.intValue());
    }

    /** nova's parse_cidr: absent is 0.0.0.0/0; percent escapes are decoded; then it must be a CIDR. */
    public static String parseCidr(String text) {
        if (text == null || text.isEmpty()) {
            return "0.0.0.0/0";
        }
        String cidr = percentDecoded(text);
        if (prefix(cidr) < 0) {
            throw new Invalid(cidr + " is not a valid IP network.");
        }
        return cidr;
    }

    /** nova refuses a zero prefix on any network but 0.0.0.0 and ::. */
    public static void checkPrefix(NewRule rule) {
        String cidr = rule.cidr();
        if (cidr == null) {
            return;
        }
        String net = cidr.substring(0, cidr.indexOf('/'));
        if (!net.equals("0.0.0.0") && !net.equals("::") && cidr.substring(cidr.indexOf('/') + 1).equals("0")) {
            throw new Invalid("Bad prefix for network in cidr " + cidr);
        }
    }

    /** The prefix length of a valid CIDR (address literal and prefix), else -1; never a name lookup. */
    private static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash != cidr.lastIndexOf('/') || !cidr.substring(slash + 1).matches("\\d{1,3}")) {
            return -1;
        }
        String address = cidr.substring(0, slash);
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return -1;
                }
            }
            return prefix <= 32 ? prefix : -1;
        }
        if (IPV6.matcher(address).matches() && prefix <= 128) {
            try {
                Cidr.parse(cidr);
                return prefix;
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String percentDecoded(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static BigInteger pythonInt(String text) {
        String t = text.strip();
        return PYTHON_INT.matcher(t).matches() ? new BigInteger(t.replace("_", "")) : null;
    }

    private static boolean outside(BigInteger icmp) {
        return icmp.compareTo(BigInteger.valueOf(-1)) < 0 || icmp.compareTo(BigInteger.valueOf(255)) > 0;
    }

    private static boolean tcpOrUdp(String protocol) {
        return protocol.equalsIgnoreCase("tcp") || protocol.equalsIgnoreCase("udp");
    }
}
