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

    public static final Opt<Double> SOFT_AFFINITY_WEIGHT_MULTIPLIER = Opt.floating("filter_scheduler",
            "soft_affinity_weight_multiplier").min(0).defaultValue(1.0)
            .help("Multiplier used for weighing hosts for group soft-affinity.").build();
    public static final Opt<Double> SOFT_ANTI_AFFINITY_WEIGHT_MULTIPLIER = Opt.floating("filter_scheduler",
            "soft_anti_affinity_weight_multiplier").min(0).defaultValue(1.0)
            .help("Multiplier used for weighing hosts for group soft-anti-affinity.").build();

    public static List<Opt<?>> all() {
        return List.of(MAX_ATTEMPTS, MAX_INSTANCES_PER_HOST, RAM_WEIGHT_MULTIPLIER, SOFT_AFFINITY_WEIGHT_MULTIPLIER,
                SOFT_ANTI_AFFINITY_WEIGHT_MULTIPLIER);
    }
}
