package org.jnova.conf.cfg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an option's text becomes a value, with oslo.config's type names. {@link #parse} throws
 * {@link IllegalArgumentException} with a message that names the problem.
 */
public interface OptType<T> {
    String name();

    T parse(String text);

    /** The value written back as text, for the sample file and the option dump. */
    default String format(T value) {
        return value == null ? "<None>" : String.valueOf(value);
    }

    OptType<String> STRING = new OptType<>() {
        public String name() { return "string"; }
        public String parse(String text) { return text; }
    };

    OptType<Integer> INTEGER = new OptType<>() {
        public String name() { return "integer"; }
        public Integer parse(String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Value should be an integer, got " + quote(text));
            }
        }
    };

    OptType<Double> FLOAT = new OptType<>() {
        public String name() { return "floating point"; }
        public Double parse(String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Value should be a float, got " + quote(text));
            }
        }
    };

    OptType<Boolean> BOOLEAN = new OptType<>() {
        public String name() { return "boolean"; }
        public Boolean parse(String text) {
            return org.jnova.utils.BoolFromString.parseConfigStrict(text.trim())
                    .orElseThrow(() -> new IllegalArgumentException("Unexpected boolean value " + quote(text)));
        }
    };

    /** A comma-separated list of strings; empty text is the empty list. */
    OptType<List<String>> LIST = new OptType<>() {
        public String name() { return "list"; }
        public List<String> parse(String text) {
            List<String> items = new ArrayList<>();
            if (text.isBlank()) {
                return List.of();
            }
            for (String item : text.split(",")) {
                items.add(item.trim());
            }
            return List.copyOf(items);
        }
        public String format(List<String> value) {
            return value == null ? "<None>" : String.join(",", value);
        }
    };

    /**
     * oslo.config's {@code MultiStrOpt}: the key may appear many times, in one file and across
     * files, and every value is kept in order. One line's text parses to a one-item list.
     */
    OptType<List<String>> MULTI_STRING = new OptType<>() {
        public String name() { return "multi valued"; }
        public List<String> parse(String text) {
            return List.of(text);
        }
        public String format(List<String> value) {
            return value == null ? "<None>" : String.join(",", value);
        }
    };

    /** key:value pairs separated by commas. */
    OptType<Map<String, String>> DICT = new OptType<>() {
        public String name() { return "dict"; }
        public Map<String, String> parse(String text) {
            Map<String, String> map = new LinkedHashMap<>();
            if (text.isBlank()) {
                return map;
            }
            for (String item : text.split(",")) {
                int colon = item.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("Value not in key:value form: " + quote(item.trim()));
                }
                map.put(item.substring(0, colon).trim(), item.substring(colon + 1).trim());
            }
            return map;
        }
    };

    /** An IPv4 or IPv6 address literal (no name resolution). */
    OptType<String> IP_ADDRESS = new OptType<>() {
        public String name() { return "IP address"; }
        public String parse(String text) {
            String value = text.trim();
            if (!HostText.isIpAddress(value)) {
                throw new IllegalArgumentException(quote(text) + " is not a valid IP address");
            }
            return value;
        }
    };

    /** A TCP/UDP port number, 0..65535. */
    OptType<Integer> PORT = new OptType<>() {
        public String name() { return "port"; }
        public Integer parse(String text) {
            Integer port = INTEGER.parse(text);
            if (port != null && (port < 0 || port > 65535)) {
                throw new IllegalArgumentException("Port " + port + " is not in the range 0..65535");
            }
            return port;
        }
    };

    /** A hostname, FQDN or IP address. */
    OptType<String> HOST_DOMAIN = new OptType<>() {
        public String name() { return "host domain"; }
        public String parse(String text) {
            String value = text.trim();
            if (!HostText.isIpAddress(value) && !HostText.isHostDomain(value)) {
                throw new IllegalArgumentException(quote(text) + " is not a valid host address");
            }
            return value;
        }
    };

    private static String quote(String text) {
        return "'" + text + "'";
    }
}
