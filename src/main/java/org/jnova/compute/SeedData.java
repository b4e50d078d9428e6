package org.jnova.compute;

import java.util.Map;
import org.jnova.objects.Image;

/**
 * What the embedded default starts with: nova's classic flavors m1.tiny..m1.xlarge (ids
 * 1..5, as nova-ref serves them) and one cirros image with nova-ref's image id.
 * Applying twice changes nothing.
 */
public final class SeedData {
    public static final String CIRROS_IMAGE_ID = "155d900f-4e14-4e4c-a73d-069cbf4541e6";

    private SeedData() {
    }

    /** Seeds flavors, cirros and the extra images given as "id:name" entries. */
    public static void apply(FlavorsApi flavors, org.jnova.db.ImageStore images, java.util.List<String> extraImages) {
        apply(flavors, images);
        for (String entry : extraImages) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
            String name = colon < 0 ? id : entry.substring(colon + 1).strip();
            images.insertIfAbsent(new Image(id, name, "active", 0, 0, 0, Map.of(), null, null));
        }
    }

    public static void apply(FlavorsApi flavors, org.jnova.db.ImageStore images) {
        seedFlavor(flavors, "1", "m1.tiny", 512, 1, 1);
        seedFlavor(flavors, "2", "m1.small", 2048, 1, 20);
        seedFlavor(flavors, "3", "m1.medium", 4096, 2, 40);
        seedFlavor(flavors, "4", "m1.large", 8192, 4, 80);
        seedFlavor(flavors, "5", "m1.xlarge", 16384, 8, 160);
        images.insertIfAbsent(new Image(CIRROS_IMAGE_ID, "cirros", "active", 0, 0, 21430272,
                Map.of("architecture", "x86_64", "disk_format", "qcow2", "container_format", "bare"), null, null));
    }

    private static void seedFlavor(FlavorsApi flavors, String id, String name, int ram, int vcpus, int disk) {
        try {
            flavors.get(id);
        } catch (ComputeErrors.FlavorNotFound absent) {
            try {
                flavors.create(name, id, ram, vcpus, disk, 0, 0, 1.0, true, null);
            } catch (ComputeErrors.FlavorExists raced) {
                // another process seeded it
            }
        }
    }
}
