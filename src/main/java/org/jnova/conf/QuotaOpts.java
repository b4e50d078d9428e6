package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/** The {@code [quota]} group: default per-project limits, as nova.conf.sample (Zed). -1 is unlimited. */
public final class QuotaOpts {
    private QuotaOpts() {
    }

    public static final Opt<Integer> INSTANCES = q("instances", 10, "The number of instances allowed per project.");
    public static final Opt<Integer> CORES = q("cores", 20, "The number of instance cores or vCPUs allowed per project.");
    public static final Opt<Integer> RAM = q("ram", 51200, "The number of megabytes of instance RAM allowed per project.");
    public static final Opt<Integer> METADATA_ITEMS = q("metadata_items", 128,
            "The number of metadata items allowed per instance.");
    public static final Opt<Integer> INJECTED_FILES = q("injected_files", 5, "The number of injected files allowed.");
    public static final Opt<Integer> INJECTED_FILE_CONTENT_BYTES = q("injected_file_content_bytes", 10240,
            "The number of bytes allowed per injected file.");
    public static final Opt<Integer> INJECTED_FILE_PATH_LENGTH = q("injected_file_path_length", 255,
            "The maximum allowed injected file path length.");
    public static final Opt<Integer> KEY_PAIRS = q("key_pairs", 100, "The maximum number of key pairs allowed per user.");
    public static final Opt<Integer> SERVER_GROUPS = q("server_groups", 10,
            "The maximum number of server groups per project.");
    public static final Opt<Integer> SERVER_GROUP_MEMBERS = q("server_group_members", 10,
            "The maximum number of servers per server group.");
    public static final Opt<Boolean> RECHECK_QUOTA = Opt.bool("quota", "recheck_quota").defaultValue(true)
            .help("Recheck quota after resource creation to prevent allowing quota to be exceeded.").build();

    private static Opt<Integer> q(String name, int def, String help) {
        return Opt.integer("quota", name).min(-1).defaultValue(def).help(help).build();
    }

    public static List<Opt<?>> all() {
        return List.of(INSTANCES, CORES, RAM, METADATA_ITEMS, INJECTED_FILES, INJECTED_FILE_CONTENT_BYTES,
                INJECTED_FILE_PATH_LENGTH, KEY_PAIRS, SERVER_GROUPS, SERVER_GROUP_MEMBERS, RECHECK_QUOTA);
    }
}
