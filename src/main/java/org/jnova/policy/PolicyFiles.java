package org.jnova.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jnova.exception.ConfigError;
import org.jnova.utils.JsonMappers;

/**
 * Where the operator's policy overrides are and what they say: the policy file (found by
 * name through the finder unless absolute), then the files of each policy directory in
 * name order, later files overriding earlier ones. The directories are only read when the
 * policy file exists, as oslo.policy does. Files are JSON or YAML mappings of rule name to
 * check string (or oslo.policy's list-of-lists form).
 */
final class PolicyFiles {
    /** Strict: a YAML file whose first line is {@code "rule": "check"} must not pass as the JSON string "rule". */
    private static final ObjectMapper JSON = JsonMappers.rejectingTrailingText();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String policyFile;
    private final List<String> policyDirs;
    private final Function<String, Optional<Path>> finder;

    /** A file as last seen: a change of modification time or size means it must be read again. */
    record Stamp(Path path, long modifiedNanos, long size) {
    }

    PolicyFiles(String policyFile, List<String> policyDirs, Function<String, Optional<Path>> finder) {
        this.policyFile = Objects.requireNonNull(policyFile, "policyFile is null");
        this.policyDirs = List.copyOf(policyDirs);
        this.finder = Objects.requireNonNull(finder, "finder is null");
    }

    /** The files that currently make up the overrides, with their stamps, in reading order. */
    List<Stamp> current() {
        List<Stamp> stamps = new ArrayList<>();
        Optional<Path> main = locate(policyFile).filter(Files::isRegularFile);
        if (main.isEmpty()) {
            return stamps;
        }
        stamp(main.get()).ifPresent(stamps::add);
        for (String dir : policyDirs) {
            Optional<Path> directory = locate(dir).filter(Files::isDirectory);
            if (directory.isEmpty()) {
                continue;
            }
            try (Stream<Path> entries = Files.list(directory.get())) {
                entries.filter(Files::isRegularFile).sorted().forEach(file -> stamp(file).ifPresent(stamps::add));
            } catch (IOException e) {
                // a directory that vanished or cannot be listed is ignored, as a missing one is
            }
        }
        return stamps;
    }

    /** The rules these files define, later files winning; each value a rule text or a list. */
    static Map<String, Object> read(List<Stamp> files) {
        Map<String, Object> rules = new LinkedHashMap<>();
        for (Stamp file : files) {
            rules.putAll(readOne(file.path()));
        }
        return rules;
    }

    static Map<String, Object> readOne(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigError("Cannot read policy file " + path + ": " + e.getMessage(), e);
        }
        if (text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            return Map.of();  // oslo.policy: an empty or all-comment file (the commented sample) overrides nothing
        }
        Object data;
        try {
            data = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException notJson) {
            try {
                data = YAML.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw new ConfigError("Policy file " + path + " is neither JSON nor YAML: " + e.getOriginalMessage(), e);
            }
        }
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw new ConfigError("Policy file " + path + " must hold a mapping of rule names to rules");
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        map.forEach((name, rule) -> rules.put(String.valueOf(name), rule));
        return rules;
    }

    private Optional<Path> locate(String name) {
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return Files.exists(path) ? Optional.of(path) : Optional.empty();
        }
        return finder.apply(name);
    }

    private static Optional<Stamp> stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(new Stamp(path, attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    attributes.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
