package org.jnova.api.openstack.compute.hypervisors;

import com.google.re2j.Pattern;

/**
 * SQL {@code LIKE '%pattern%'} as nova's hypervisor hostname search runs it (% and _ wildcards,
 * case-insensitive), on RE2/J: a caller's run of wildcards costs time linear in the hostname.
 */
final class SqlLike {
    private SqlLike() {
    }

    static boolean contains(String value, String pattern) {
        StringBuilder regex = new StringBuilder(".*");
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        regex.append(".*");
        return Pattern.compile(regex.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }
}
