package org.jnova.api.openstack.compute.services;

import java.util.Locale;
import java.util.regex.Pattern;

/** oslo's {@code uuidutils.is_uuid_like}, for ids checked in code rather than by a schema. */
public final class Uuids {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

    private Uuids() {
    }

    /** 32 hex digits once "urn:", "uuid:", braces and dashes are dropped. */
    public static boolean isUuidLike(String text) {
        if (text == null) {
            return false;
        }
        String s = text.toLowerCase(Locale.ROOT).replace("urn:", "").replace("uuid:", "").replace("{", "")
                .replace("}", "").replace("-", "");
        return HEX32.matcher(s).matches();
    }
}
