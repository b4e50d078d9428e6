package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * The {@code [jnova_quota]} group: per-project limits of the services jnova builds in where
 * nova would ask another service (cinder's volumes, neutron's ports, glance's images), with
 * those services' defaults. -1 is unlimited.
 */
public final class ServiceQuotaOpts {
    private ServiceQuotaOpts() {
    }

    public static final Opt<Integer> VOLUMES = q("volumes", 10,
            "Volumes a project may have in the built-in volume catalog (cinder's quota_volumes).");
    public static final Opt<Integer> GIGABYTES = q("gigabytes", 1000,
            "Gigabytes of volumes a project may have in the built-in volume catalog (cinder's quota_gigabytes).");
    public static final Opt<Integer> SNAPSHOTS = q("snapshots", 10,
            "Volume snapshots a project may have in the built-in volume catalog (cinder's quota_snapshots).");
    public static final Opt<Integer> PORTS = q("ports", 50,
            "Ports a project's servers may have on the built-in network (neutron's quota_port).");
    public static final Opt<Integer> IMAGES = q("images", -1,
            "Images a project may own in the built-in image catalog (glance counts none by default).");

    private static Opt<Integer> q(String name, int def, String help) {
        return Opt.integer("jnova_quota", name).min(-1).defaultValue(def).help(help).build();
    }

    public static List<Opt<?>> all() {
        return List.of(VOLUMES, GIGABYTES, SNAPSHOTS, PORTS, IMAGES);
    }
}
