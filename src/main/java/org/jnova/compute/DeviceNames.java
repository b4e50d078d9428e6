package org.jnova.compute;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.volume.VolumeErrors;

/**
 * nova's device naming for attached volumes (block_device.match_device and
 * compute.utils.get_next_device_name): the root disk's prefix ("/dev/vd") with the first
 * free letter, or the requested letter when it is free.
 */
public final class DeviceNames {
    private static final Pattern DEVICE = Pattern.compile("^(/dev/x?[a-z]?d?)([a-z]+)[0-9]*$");
    private static final Pattern BUS_PREFIX = Pattern.compile("^((x?v|s|h)d)");
    private static final String DEFAULT_ROOT = "/dev/sda";

    private DeviceNames() {
    }

    /** nova's match_device: whether the name looks like a disk device. */
    public static boolean valid(String device) {
        return DEVICE.matcher(device).matches();
    }

    /**
     * The device for a new volume: {@code requested} (its letter with the root's prefix) or the
     * first free letter; DevicePathInUse when the requested letter is taken.
     */
    public static String next(String rootDeviceName, Collection<String> usedDevices, String requested) {
        String requestedLetter = null;
        if (requested != null) {
            Matcher m = DEVICE.matcher(requested);
            if (!m.matches()) {
                throw new VolumeErrors.InvalidDevicePath(requested);
            }
            requestedLetter = m.group(2);
        }
        String root = rootDeviceName == null || rootDeviceName.isEmpty() ? DEFAULT_ROOT : rootDeviceName;
        root = root.startsWith("/dev/") ? root : "/dev/" + root;
        Matcher rootMatch = DEVICE.matcher(root);
        if (!rootMatch.matches()) {
            throw new VolumeErrors.InvalidDevicePath(root);
        }
        Set<String> used = new HashSet<>();
        for (String device : usedDevices) {
            used.add(letter(device));
        }
        String chosen = requestedLetter != null ? requestedLetter : unused(used);
        if (used.contains(chosen)) {
            throw new VolumeErrors.DevicePathInUse(requested);
        }
        return rootMatch.group(1) + chosen;
    }

    /** nova's get_device_letter: the name without /dev/, bus prefix and partition digits. */
    public static String letter(String device) {
        String name = device.startsWith("/dev/") ? device.substring(5) : device;
        return BUS_PREFIX.matcher(name).replaceFirst("").replaceAll("\\d+", "");
    }

    private static String unused(Set<String> used) {
        for (int index = 0; ; index++) {
            String letter = generate(index);
            if (!used.contains(letter)) {
                return letter;
            }
        }
    }

    /** nova's generate_device_letter: a..z, aa..zz, ... */
    private static String generate(int index) {
        StringBuilder out = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            n--;
            out.insert(0, (char) ('a' + n % 26));
            n /= 26;
        }
        return out.toString();
    }
}
