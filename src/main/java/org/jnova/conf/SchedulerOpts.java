package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** {@code [scheduler]} and {@code [filter_scheduler]} options jnova's scheduler reads (nova.conf.sample, Zed). */
public final class SchedulerOpts {
    private SchedulerOpts() {
    }

    public static final Opt<Integer> MAX_ATTEMPTS = Opt.integer("scheduler", "max_attempts").min(1).defaultValue(3)
            .help("The maximum number of schedule attempts.").build();
    public static final Opt<Integer> MAX_INSTANCES_PER_HOST = Opt.integer("filter_scheduler", "max_instances_per_host")
            .min(1).defaultValue(50).help("Maximum number of instances that can exist on a host.").build();
    public static final Opt<Double> RAM_WEIGHT_MULTIPLIER = Opt.floating("filter_scheduler", "ram_weight_multiplier")
            .defaultValue(1.0).help("RAM weight multiplier ratio.").build();

    public static final Opt<List<String>> ENABLED_FILTERS = Opt.list("filter_scheduler", "enabled_filters")
            .defaultValue(List.of("ComputeFilter", "ComputeCapabilitiesFilter", "ImagePropertiesFilter",
                    "ServerGroupAntiAffinityFilter", "ServerGroupAffinityFilter"))
            .deprecatedName("DEFAULT", "scheduler_default_filters")
            .help("Filters the scheduler applies to every host, in order. jnova reads NumInstancesFilter "
                    + "(max_instances_per_host); resource fit, availability zone and server-group policies are "
                    + "always checked.").build();

    /** max_instances_per_host when NumInstancesFilter is enabled, as nova applies it; otherwise no limit. */
    public static int instancesPerHostLimit(org.jnova.conf.cfg.ConfigOpts conf) {
        return conf.get(ENABLED_FILTERS).contains("NumInstancesFilter") ? conf.get(MAX_INSTANCES_PER_HOST)
                : Integer.MAX_VALUE;
    }

    public static final Opt<Double> SOFT_AFFINITY_WEIGHT_MULTIPLIER = Opt.floating("filter_scheduler",
            "soft_affinity_weight_multiplier").min(0).defaultValue(1.0)
            .help("Multiplier used for weighing hosts for group soft-affinity.").build();
    public static final Opt<Double> SOFT_ANTI_AFFINITY_WEIGHT_MULTIPLIER = Opt.floating("filter_scheduler",
            "soft_anti_affinity_weight_multiplier").min(0).defaultValue(1.0)
            .help("Multiplier used for weighing hosts for group soft-anti-affinity.").build();

    public static List<Opt<?>> all() {
        return List.of(MAX_ATTEMPTS, MAX_INSTANCES_PER_HOST, RAM_WEIGHT_MULTIPLIER, ENABLED_FILTERS,
                SOFT_AFFINITY_WEIGHT_MULTIPLIER, SOFT_ANTI_AFFINITY_WEIGHT_MULTIPLIER);
    }
}
