package org.jnova.service;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that starts a worker process: the same java binary, JVM options and class
 * path as this process, running {@link WorkerMain} with the factory class, the service name
 * and this process's configuration arguments.
 */
public record WorkerCommand(List<String> javaCommand, String factoryClass, List<String> configArgs) {

    public WorkerCommand {
        javaCommand = List.copyOf(Objects.requireNonNull(javaCommand, "javaCommand is null"));
        Objects.requireNonNull(factoryClass, "factoryClass is null");
        configArgs = List.copyOf(Objects.requireNonNull(configArgs, "configArgs is null"));
    }

    /**
     * A command that repeats this JVM: its binary, its options (less a debugger agent, and less
     * the writing of a class-data archive, which the parent alone does), its class path.
     */
    public static WorkerCommand ofCurrentJvm(String factoryClass, List<String> configArgs) {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")
                    && !option.equals("-XX:+AutoCreateSharedArchive")) {
                java.add(option);
            }
        }
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        return new WorkerCommand(java, factoryClass, configArgs);
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
