package org.jnova.api.ec2.protocol;

import java.util.Locale;

/**
 * The values of a {@code BlockDeviceMapping.N.*} parameter as RunInstances and RegisterImage
 * read them, with AWS's InvalidParameterValue for what does not parse.
 */
public final class MappingValues {
    /** The largest volume AWS makes (16 TiB), in GiB. */
    public static final int MAX_VOLUME_GIB = 16384;

    private MappingValues() {
    }

    /** {@code prefix + "Ebs.VolumeSize"}: GiB from 1 to {@link #MAX_VOLUME_GIB}. */
    public static int volumeSize(String prefix, String text) {
        int size;
        try {
            size = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + text + "' for " + prefix + "Ebs.VolumeSize");
        }
        if (size < 1 || size > MAX_VOLUME_GIB) {
            throw Ec2Error.invalidParameterValue("Invalid value '" + text + "' for " + prefix + "Ebs.VolumeSize: "
                    + "it must be between 1 and " + MAX_VOLUME_GIB + " GiB");
        }
        return size;
    }

    /** A boolean parameter: true or false in any case. */
    public static boolean flag(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Ec2Error.invalidParameterValue("Invalid value '" + value + "' for " + name
                    + ": it must be true or false");
        };
    }

    /** A device name without its {@code /dev/}, as mappings are compared. */
    public static String stripDev(String device) {
        return device.startsWith("/dev/") ? device.substring("/dev/".length()) : device;
    }
}
