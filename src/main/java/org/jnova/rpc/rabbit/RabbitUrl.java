package org.jnova.rpc.rabbit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jnova.exception.ConfigError;

/**
 * A parsed {@code rabbit://user:pass@host:port,user:pass@host2:port/vhost} transport URL, as
 * oslo.messaging's TransportURL reads it: hosts are tried in the order given, the first
 * host's credentials are used (guest/guest when none), an empty or {@code /} path is the
 * default virtual host {@code /}, and the query string is ignored.
 */
public record RabbitUrl(List<Host> hosts, String username, String password, String virtualHost) {
    /** One broker address. */
    public record Host(String name, int port) {
    }

    public static final int DEFAULT_PORT = 5672;

    public RabbitUrl {
        hosts = List.copyOf(hosts);
    }

    public static RabbitUrl parse(String url) {
        if (url == null || !url.startsWith("rabbit://")) {
            throw new ConfigError("Not a rabbit:// transport_url: " + masked(url));
        }
        String rest = url.substring("rabbit://".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        String vhost = path.isEmpty() ? "/" : decode(path);
        List<Host> hosts = new ArrayList<>();
        String user = null;
        String pass = null;
        for (String part : authority.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String hostPort = part;
            int at = part.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = part.substring(0, at);
                hostPort = part.substring(at + 1);
                if (user == null) {
                    int colon = userInfo.indexOf(':');
                    user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                    pass = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
                }
            }
            hosts.add(host(hostPort, url));
        }
        if (hosts.isEmpty()) {
            hosts.add(new Host("localhost", DEFAULT_PORT));
        }
        return new RabbitUrl(hosts, user == null ? "guest" : user, pass == null ? "guest" : pass, vhost);
    }

    private static Host host(String hostPort, String url) {
        String name = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new ConfigError("Invalid transport_url host: " + masked(url));
            }
            name = hostPort.substring(1, close);
            if (hostPort.length() > close + 1 && hostPort.charAt(close + 1) == ':') {
                port = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                name = hostPort.substring(0, colon);
                port = hostPort.substring(colon + 1);
            }
        }
        if (name.isEmpty()) {
            name = "localhost";
        }
        if (port == null || port.isEmpty()) {
            return new Host(name, DEFAULT_PORT);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return new Host(name, p);
        } catch (NumberFormatException e) {
            throw new ConfigError("Invalid port in transport_url: " + masked(url));
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with passwords replaced, for messages and logs. */
    public static String masked(String url) {
        return url == null ? "null" : url.replaceAll("([:/,])([^:/@,]*):[^@/,]*@", "$1$2:****@");
    }

    @Override
    public String toString() {
        return "rabbit://" + username + ":****@" + hosts + "/" + virtualHost;
    }
}
