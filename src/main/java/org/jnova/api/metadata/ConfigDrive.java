package org.jnova.api.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jnova.compute.GuestDataApi;
import org.jnova.objects.Instance;
import org.jnova.utils.BoolFromString;
import org.jnova.virt.ConfigDriveWriter;

/**
 * Config drives as the fake driver keeps them: the same trees the metadata service serves
 * (nova's metadata_for_config_drive) written as files in
 * {@code [DEFAULT] instances_path/UUID/config-drive/} (ec2/VERSION/meta-data.json,
 * openstack/VERSION/meta_data.json, ...), where a real driver would burn an ISO 9660 image
 * labelled {@value #LABEL}. An instance gets one when its boot asked for it or
 * [DEFAULT] force_config_drive is set; then its config_drive field reads "True".
 */
public final class ConfigDrive implements ConfigDriveWriter {
    /** The volume label a guest looks for. */
    public static final String LABEL = "config-2";

    private final MetadataSource source;
    private final GuestDataApi guests;
    private final Path instancesPath;
    private final boolean force;
    private final List<String> skipVersions;

    public ConfigDrive(MetadataSource source, GuestDataApi guests, Path instancesPath, boolean force,
            List<String> skipVersions) {
        this.source = requireNonNull(source, "source is null");
        this.guests = requireNonNull(guests, "guests is null");
        this.instancesPath = requireNonNull(instancesPath, "instancesPath is null");
        this.force = force;
        this.skipVersions = List.copyOf(skipVersions);
    }

    /**
     * The config_drive column for a boot request's {@code config_drive} (nova's
     * _check_config_drive): "True" for a true value, "" for none or false.
     *
     * @throws IllegalArgumentException for a value that is not a boolean (nova: 400
     *     ConfigDriveInvalidValue)
     */
    public static String columnValue(String requested) {
        if (requested == null || requested.isEmpty()) {
            return "";
        }
        return BoolFromString.parseStrict(requested.trim()).map(on -> on ? "True" : "")
                .orElseThrow(() -> new IllegalArgumentException("Invalid config_drive provided: " + requested));
    }

    /** Whether the instance gets a config drive (nova's configdrive.required_by). */
    public static boolean requiredBy(Instance instance, boolean forceConfigDrive) {
        return forceConfigDrive || instance.configDrive() != null && !instance.configDrive().isEmpty();
    }

    /** The directory holding the instance's drive. */
    public Path directory(String instanceUuid) {
        return instancesPath.resolve(instanceUuid).resolve("config-drive");
    }

    @Override
    public void write(Instance instance) throws IOException {
        if (!requiredBy(instance, force)) {
            return;
        }
        Map<String, byte[]> files = source.build(instance).configDriveFiles(skipVersions);
        Path target = directory(instance.uuid());
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "config-drive-");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = staging.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (instance.configDrive() == null || instance.configDrive().isEmpty()) {
            guests.recordConfigDrive(instance.uuid());
        }
    }

    @Override
    public void remove(Instance instance) throws IOException {
        deleteTree(directory(instance.uuid()));
        Path dir = instancesPath.resolve(instance.uuid());
        if (Files.isDirectory(dir)) {
            try (Stream<Path> left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
