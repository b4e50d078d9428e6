package org.jnova.policy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the policy rules in force, as {@code oslopolicy-policy-generator --namespace nova}
 * does: one {@code "rule": "check"} line each, the policy file's rules first, then nova's
 * registered rules it does not override (with their deprecated defaults OR-ed in when the new
 * defaults are off).
 *
 * <pre>
 * PolicyGeneratorMain [--policy-file FILE] [--policy-dir DIR]... [--enforce-new-defaults true|false]
 *                     [--output-file FILE]
 * </pre>
 * Relative names are taken from the working directory.
 */
public final class PolicyGeneratorMain {
    private PolicyGeneratorMain() {
    }

    public static void main(String[] args) throws IOException {
        String policyFile = "policy.yaml";
        List<String> dirs = new ArrayList<>();
        boolean newDefaults = PolicySettings.defaults().enforceNewDefaults();
        Optional<Path> output = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--policy-file" -> policyFile = required(args[i], value);
                case "--policy-dir" -> dirs.add(required(args[i], value));
                case "--enforce-new-defaults" -> newDefaults = Boolean.parseBoolean(required(args[i], value));
                case "--output-file" -> output = Optional.of(Path.of(required(args[i], value)));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        PolicySettings settings = new PolicySettings(policyFile, dirs.isEmpty() ? List.of("policy.d") : dirs, true,
                newDefaults, "default");
        Enforcer enforcer = Enforcer.nova(settings, PolicyGeneratorMain::inWorkingDirectory);
        if (output.isPresent()) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(output.get()), false, StandardCharsets.UTF_8)) {
                write(enforcer.effectiveRules(), out);
            }
        } else {
            write(enforcer.effectiveRules(), System.out);
            System.out.flush();
        }
    }

    static void write(Map<String, String> rules, PrintStream out) {
        rules.forEach((name, check) -> out.println("\"" + name + "\": \"" + check + "\""));
    }

    private static Optional<Path> inWorkingDirectory(String name) {
        Path path = Path.of(name);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    private static String required(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("PolicyGeneratorMain: " + problem);
        System.err.println("usage: PolicyGeneratorMain [--policy-file FILE] [--policy-dir DIR]... "
                + "[--enforce-new-defaults true|false] [--output-file FILE]");
        System.exit(2);
    }
}
