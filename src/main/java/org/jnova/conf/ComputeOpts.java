package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * Options of the compute side in {@code [DEFAULT]} (nova.conf.sample, Zed), plus the few of
 * jnova's own built-in network and fake hypervisor in the {@code [jnova_compute]} group
 * (nova has no equivalent: it asks neutron for addresses).
 */
public final class ComputeOpts {
    private ComputeOpts() {
    }

    /** Declared in {@link DefaultOpts}. */
    public static final Opt<String> HOST = DefaultOpts.HOST;
    /** Declared in {@link DefaultOpts}. */
    public static final Opt<String> MY_IP = DefaultOpts.MY_IP;
    public static final Opt<String> TRANSPORT_URL = Opt.string("DEFAULT", "transport_url").defaultValue("rabbit://")
            .secret().help("The network address and optional user credentials for connecting to the messaging "
                    + "backend, in URL format. jnova's embedded setup uses fake:// (in-process).").build();
    public static final Opt<Integer> RECLAIM_INSTANCE_INTERVAL = Opt.integer("DEFAULT", "reclaim_instance_interval")
            .defaultValue(0).help("Interval for reclaiming deleted instances. A value greater than 0 will enable "
                    + "SOFT_DELETE of instances.").build();
    public static final Opt<Integer> REPORT_INTERVAL = Opt.integer("DEFAULT", "report_interval").defaultValue(10)
            .help("Number of seconds indicating how frequently the state of services on a given hypervisor is "
                    + "reported.").build();
    public static final Opt<Integer> SERVICE_DOWN_TIME = Opt.integer("DEFAULT", "service_down_time").defaultValue(60)
            .help("Maximum time in seconds since last check-in for up service.").build();
    public static final Opt<String> DEFAULT_AVAILABILITY_ZONE = Opt.string("DEFAULT", "default_availability_zone")
            .defaultValue("nova").help("Default availability zone for compute services.").build();
    public static final Opt<String> DEFAULT_SCHEDULE_ZONE = Opt.string("DEFAULT", "default_schedule_zone")
            .help("Default availability zone for instances.").build();
    public static final Opt<String> INTERNAL_SERVICE_AVAILABILITY_ZONE = Opt.string("DEFAULT",
            "internal_service_availability_zone").defaultValue("internal")
            .help("Availability zone to use for services that don't run nova-compute.").build();
    public static final Opt<Double> CPU_ALLOCATION_RATIO = Opt.floating("DEFAULT", "cpu_allocation_ratio")
            .help("Virtual CPU to physical CPU allocation ratio.").build();
    public static final Opt<Double> RAM_ALLOCATION_RATIO = Opt.floating("DEFAULT", "ram_allocation_ratio")
            .help("Virtual RAM to physical RAM allocation ratio.").build();
    public static final Opt<Double> DISK_ALLOCATION_RATIO = Opt.floating("DEFAULT", "disk_allocation_ratio")
            .help("Virtual disk to physical disk allocation ratio.").build();
    public static final Opt<Double> INITIAL_CPU_ALLOCATION_RATIO = Opt.floating("DEFAULT",
            "initial_cpu_allocation_ratio").defaultValue(16.0).help("Initial virtual CPU to physical CPU allocation ratio.")
            .build();
    public static final Opt<Double> INITIAL_RAM_ALLOCATION_RATIO = Opt.floating("DEFAULT",
            "initial_ram_allocation_ratio").defaultValue(1.5).help("Initial virtual RAM to physical RAM allocation ratio.")
            .build();
    public static final Opt<Double> INITIAL_DISK_ALLOCATION_RATIO = Opt.floating("DEFAULT",
            "initial_disk_allocation_ratio").defaultValue(1.0)
            .help("Initial virtual disk to physical disk allocation ratio.").build();
    public static final Opt<Integer> RESERVED_HOST_MEMORY_MB = Opt.integer("DEFAULT", "reserved_host_memory_mb")
            .min(0).defaultValue(512).help("Amount of memory in MB to reserve for the host.").build();
    public static final Opt<Integer> RESERVED_HOST_DISK_MB = Opt.integer("DEFAULT", "reserved_host_disk_mb").min(0)
            .defaultValue(0).help("Amount of disk resources in MB to make them always available to host.").build();
    public static final Opt<Integer> RESERVED_HOST_CPUS = Opt.integer("DEFAULT", "reserved_host_cpus").min(0)
            .defaultValue(0).help("Number of host CPUs to reserve for host processes.").build();
    public static final Opt<String> INSTANCE_NAME_TEMPLATE = Opt.string("DEFAULT", "instance_name_template")
            .defaultValue("instance-%08x").help("Template string to be used to generate instance names.").build();
    public static final Opt<String> COMPUTE_DRIVER = Opt.string("DEFAULT", "compute_driver")
            .help("Defines which driver to use for controlling virtualization.")
            .build();

    // jnova's own: the built-in network and the fake hypervisor's size and timings.
    public static final Opt<String> INSTANCE_USAGE_AUDIT_PERIOD = Opt.string("DEFAULT", "instance_usage_audit_period")
            .defaultValue("month").help("Time period to generate instance usages for: hour, day, month or year, "
                    + "optionally with an offset after @ (month@15 starts monthly periods on the 15th).").build();
    public static final Opt<String> FIXED_RANGE = Opt.string("jnova_compute", "fixed_range").defaultValue("10.0.0.0/16")
            .help("CIDR the built-in network allocates fixed IPs from (jnova only; nova asks neutron).").build();
    public static final Opt<String> NETWORK_NAME = Opt.string("jnova_compute", "network_name").defaultValue("private")
            .help("Label of the built-in network in server addresses (jnova only).").build();
    public static final Opt<String> FLOATING_IP_POOL = Opt.string("jnova_compute", "floating_ip_pool")
            .defaultValue("public").help("Name of the built-in floating IP pool (jnova only; nova asks neutron).")
            .build();
    public static final Opt<String> FLOATING_IP_RANGE = Opt.string("jnova_compute", "floating_ip_range")
            .defaultValue("172.24.4.0/24").help("CIDR the built-in floating IP pool allocates from, its network "
                    + "and gateway addresses left out (jnova only).").build();
    public static final Opt<Integer> FLOATING_IP_QUOTA = Opt.integer("jnova_compute", "floating_ip_quota").min(-1)
            .defaultValue(50).help("Floating IPs a project may hold, -1 for no limit (jnova only; neutron's "
                    + "floatingip quota).").build();
    public static final Opt<Integer> SECURITY_GROUP_QUOTA = Opt.integer("jnova_compute", "security_group_quota")
            .min(-1).defaultValue(10).help("Security groups a project may have, its default group included, -1 for "
                    + "no limit (jnova only; neutron's security_group quota).").build();
    public static final Opt<Integer> SECURITY_GROUP_RULE_QUOTA = Opt.integer("jnova_compute",
            "security_group_rule_quota").min(-1).defaultValue(100).help("Security group rules a project may have, "
                    + "-1 for no limit (jnova only; neutron's security_group_rule quota).").build();
    public static final Opt<Integer> FAKE_VCPUS = Opt.integer("jnova_compute", "fake_vcpus").min(1).defaultValue(1000)
            .help("VCPUs the fake hypervisor reports (jnova only).").build();
    public static final Opt<Integer> FAKE_MEMORY_MB = Opt.integer("jnova_compute", "fake_memory_mb").min(1)
            .defaultValue(800000).help("Memory in MB the fake hypervisor reports (jnova only).").build();
    public static final Opt<Integer> FAKE_LOCAL_GB = Opt.integer("jnova_compute", "fake_local_gb").min(1)
            .defaultValue(600000).help("Local disk in GB the fake hypervisor reports (jnova only).").build();
    public static final Opt<Integer> FAKE_SPAWN_DELAY_MS = Opt.integer("jnova_compute", "fake_spawn_delay_ms").min(0)
            .defaultValue(0).help("Milliseconds the fake driver takes to spawn a guest (jnova only).").build();
    public static final Opt<Integer> FAKE_DESTROY_DELAY_MS = Opt.integer("jnova_compute", "fake_destroy_delay_ms")
            .min(0).defaultValue(0).help("Milliseconds the fake driver takes to destroy a guest (jnova only).").build();

    public static final Opt<List<String>> SEED_IMAGES = Opt.list("jnova_compute", "seed_images")
            .help("Extra images of the built-in catalog, as id:name entries (jnova only; nova asks glance). "
                    + "The cirros image 155d900f-4e14-4e4c-a73d-069cbf4541e6 is always there.").build();

    public static final Opt<Integer> FAKE_ACTION_DELAY_MS = Opt.integer("jnova_compute", "fake_action_delay_ms").min(0)
            .defaultValue(0).help("Milliseconds the fake driver takes for each server action (reboot, stop, start, "
                    + "pause, suspend, rescue, snapshot...), so the task states in between can be observed (jnova only)."
            ).build();
    public static final Opt<Boolean> ALLOW_RESIZE_TO_SAME_HOST = Opt.bool("DEFAULT", "allow_resize_to_same_host")
            .defaultValue(false).help("Allow destination machine to match source for resize. Useful when testing in "
                    + "single-host environments.").build();
    public static final Opt<Integer> SHELVED_OFFLOAD_TIME = Opt.integer("DEFAULT", "shelved_offload_time").min(-1)
            .defaultValue(0).help("Time before a shelved instance is eligible for removal from a host. -1 never "
                    + "offload, 0 offload immediately when shelved.").build();
    public static final Opt<Integer> SHELVED_POLL_INTERVAL = Opt.integer("DEFAULT", "shelved_poll_interval")
            .defaultValue(3600).help("Interval for polling shelved instances to offload, in seconds. Any value <= 0 "
                    + "disables the option.").build();
    public static final Opt<Integer> FAKE_LIVE_MIGRATION_MS = Opt.integer("jnova_compute", "fake_live_migration_ms")
            .min(0).defaultValue(200).help("Milliseconds a live migration runs in the fake driver, so it can be "
                    + "listed, force-completed or aborted while running (jnova only).").build();

    public static final Opt<Integer> INSTANCE_BUILD_TIMEOUT = Opt.integer("DEFAULT", "instance_build_timeout").min(0)
            .defaultValue(0).help("Maximum time in seconds that an instance can take to build. If this timer "
                    + "expires, instance status will be changed to ERROR. Enabling this option will make sure an "
                    + "instance will not be stuck in BUILD state for a longer period. 0 disables the check.").build();
    public static final Opt<Integer> BUILD_RECOVERY_AGE = Opt.integer("jnova_conductor", "build_recovery_age")
            .min(0).defaultValue(10).help("Seconds after which the conductor schedules again a server that was "
                    + "accepted but never placed on a host (its build request was lost, e.g. with a process that "
                    + "died); the conductor looks for them at start and then every this many seconds. Scheduling "
                    + "the same server twice is harmless. 0 disables the recovery (jnova only).").build();

    public static List<Opt<?>> all() {
        return List.of(HOST, MY_IP, TRANSPORT_URL, RECLAIM_INSTANCE_INTERVAL, REPORT_INTERVAL, SERVICE_DOWN_TIME,
                DEFAULT_AVAILABILITY_ZONE, DEFAULT_SCHEDULE_ZONE, INTERNAL_SERVICE_AVAILABILITY_ZONE,
                CPU_ALLOCATION_RATIO, RAM_ALLOCATION_RATIO, DISK_ALLOCATION_RATIO, INITIAL_CPU_ALLOCATION_RATIO,
                INITIAL_RAM_ALLOCATION_RATIO, INITIAL_DISK_ALLOCATION_RATIO, RESERVED_HOST_MEMORY_MB,
                RESERVED_HOST_DISK_MB, RESERVED_HOST_CPUS, INSTANCE_NAME_TEMPLATE, COMPUTE_DRIVER, INSTANCE_USAGE_AUDIT_PERIOD, FIXED_RANGE,
                NETWORK_NAME, FLOATING_IP_POOL, FLOATING_IP_RANGE, FLOATING_IP_QUOTA, SECURITY_GROUP_QUOTA,
                SECURITY_GROUP_RULE_QUOTA, FAKE_VCPUS, FAKE_MEMORY_MB, FAKE_LOCAL_GB, FAKE_SPAWN_DELAY_MS, FAKE_DESTROY_DELAY_MS, SEED_IMAGES,
                FAKE_ACTION_DELAY_MS, ALLOW_RESIZE_TO_SAME_HOST, SHELVED_OFFLOAD_TIME, SHELVED_POLL_INTERVAL,
                FAKE_LIVE_MIGRATION_MS, INSTANCE_BUILD_TIMEOUT, BUILD_RECOVERY_AGE);
    }
}
