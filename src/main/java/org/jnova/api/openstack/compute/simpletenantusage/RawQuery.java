package org.jnova.api.openstack.compute.simpletenantusage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Python's {@code urlparse.parse_qs(qs)} reduced to each name's first non-blank value. */
final class RawQuery {
    private RawQuery() {
    }

    static Map<String, String> firstNonBlank(String query) {
        Map<String, String> out = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = decode(pair.substring(eq + 1));
            if (!value.isEmpty()) {
                out.putIfAbsent(decode(pair.substring(0, eq)), value);
            }
        }
        return out;
    }

    /** A malformed escape ("%", "%ZZ") stays as it is, as Python's unquote leaves it. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
