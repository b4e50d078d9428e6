package org.jnova.service;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that starts a worker process: the same java binary, JVM options and class
 * path as this process (with a bounded heap and exit on OutOfMemoryError in any case),
 * running {@link WorkerMain} with the factory class, the service name and this process's
 * configuration arguments.
 */
public record WorkerCommand(List<String> javaCommand, String factoryClass, List<String> configArgs) {

    public WorkerCommand {
        javaCommand = List.copyOf(Objects.requireNonNull(javaCommand, "javaCommand is null"));
        Objects.requireNonNull(factoryClass, "factoryClass is null");
        configArgs = List.copyOf(Objects.requireNonNull(configArgs, "configArgs is null"));
    }

    /** The heap bound of a worker when this JVM was started without one (bin/lib/java.sh's). */
    static final String DEFAULT_MAX_HEAP = "-Xmx384m";
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    /**
     * A command that repeats this JVM: its binary, its options (less a debugger agent, and less
     * the writing of a class-data archive, which the parent alone does), its class path; see
     * {@link #workerJvmOptions}.
     */
    public static WorkerCommand ofCurrentJvm(String factoryClass, List<String> configArgs) {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(workerJvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        return new WorkerCommand(java, factoryClass, configArgs);
    }

    /**
     * The JVM options of a worker, from this JVM's: a worker always exits on an
     * OutOfMemoryError (unless told otherwise in so many words), so the launcher replaces it
     * rather than keep a half-broken one, and its heap is always bounded.
     */
    static List<String> workerJvmOptions(List<String> parentOptions) {
        List<String> options = new ArrayList<>();
        boolean oomHandled = false;
        boolean heapBounded = false;
        for (String option : parentOptions) {
            if (option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp")
                    || option.equals("-XX:+AutoCreateSharedArchive")) {
                continue;
            }
            oomHandled |= option.contains("ExitOnOutOfMemoryError") || option.contains("CrashOnOutOfMemoryError");
            heapBounded |= option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize=")
                    || option.startsWith("-XX:MaxRAMPercentage=") || option.startsWith("-XX:MaxRAM=");
            options.add(option);
        }
        if (!oomHandled) {
            options.add(EXIT_ON_OOM);
        }
        if (!heapBounded) {
            options.add(DEFAULT_MAX_HEAP);
        }
        return options;
    }

    /** The full command for a worker serving {@code serviceName}. */
    public List<String> forService(String serviceName) {
        List<String> command = new ArrayList<>(javaCommand);
        command.add(WorkerMain.class.getName());
        command.add(factoryClass);
        command.add(serviceName);
        command.addAll(configArgs);
        return command;
    }
}
