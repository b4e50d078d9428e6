package org.jnova.api.openstack.validation;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names of the files in the {@code schemas/} folder beside a controller class, read from
 * the folder or the jar it lives in, so that loading a schema looks up only files that exist
 * instead of probing every microversion's name.
 */
public final class SchemaDirectory {
    private SchemaDirectory() {
    }

    /** The file names, or empty when the folder cannot be listed (then every name is probed). */
    public static Optional<Set<String>> fileNames(Class<?> owner) {
        URL folder = owner.getResource("schemas/");
        if (folder == null) {
            return Optional.empty();
        }
        try {
            return switch (folder.getProtocol()) {
                case "file" -> Optional.of(inFolder(Path.of(folder.toURI())));
                case "jar" -> Optional.of(inJar(folder.openConnection()));
                default -> Optional.empty();
            };
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Set<String> inFolder(Path folder) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }

    private static Set<String> inJar(URLConnection connection) throws IOException {
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("not a jar: " + connection.getURL());
        }
        String prefix = jarConnection.getEntryName();
        JarFile jar = jarConnection.getJarFile();
        Set<String> names = new HashSet<>();
        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
            String name = entry.getName();
            if (name.startsWith(prefix) && name.length() > prefix.length() && name.indexOf('/', prefix.length()) < 0) {
                names.add(name.substring(prefix.length()));
            }
        }
        return names;
    }
}
