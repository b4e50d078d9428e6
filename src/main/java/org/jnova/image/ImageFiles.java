package org.jnova.image;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bytes of images, one file per image id in a directory (glance's filesystem store), and
 * data staged for import in its {@code staging} directory; written to a temporary file first
 * and moved in place once complete.
 */
public final class ImageFiles {
    private static final Pattern SAFE_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private final Path dir;

    public ImageFiles(Path dir) {
        this.dir = requireNonNull(dir, "dir is null");
    }

    /** What a completed upload wrote. */
    public record Written(long size, String md5, String sha512) {
    }

    /** Thrown when the data passes {@code maxSize} bytes; nothing is kept. */
    public static final class TooLarge extends IOException {
        public TooLarge() {
            super("image too large");
        }
    }

    /** Thrown when reading the data failed (the client went away); nothing is kept. */
    public static final class ReadFailed extends IOException {
        ReadFailed(IOException cause) {
            super("reading the image data failed", cause);
        }
    }

    /**
     * Stores the data of image {@code id} as it is read, refusing more than {@code maxSize}
     * bytes; only a complete upload is moved in place.
     */
    public Written write(String id, InputStream data, long maxSize) throws IOException {
        return writeTo(dir, file(id), data, maxSize);
    }

    /**
     * Stages the data of image {@code id} (glance's staging area for the glance-direct import),
     * as {@link #write} does.
     */
    public Written stage(String id, InputStream data, long maxSize) throws IOException {
        return writeTo(stagingDir(), stagingDir().resolve(safe(id)), data, maxSize);
    }

    /** Moves staged data into the store, computing its checksums as it is copied. */
    public Written importStaged(String id) throws IOException {
        Path staged = stagingDir().resolve(safe(id));
        Written written;
        try (InputStream in = Files.newInputStream(staged)) {
            written = write(id, in, Long.MAX_VALUE);
        }
        Files.deleteIfExists(staged);
        return written;
    }

    /** Drops the staged data of an image, if any. */
    public void unstage(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(stagingDir().resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path stagingDir() {
        return dir.resolve("staging");
    }

    private static String safe(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an image id: " + id);
        }
        return id;
    }

    private static Written writeTo(Path directory, Path target, InputStream data, long maxSize) throws IOException {
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, ".upload-", ".tmp");
        try {
            MessageDigest md5 = digest("MD5");
            MessageDigest sha512 = digest("SHA-512");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), md5),
                    sha512)) {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = read(data, buffer)) >= 0) {
                    size += n;
                    if (size > maxSize) {
                        throw new TooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            HexFormat hex = HexFormat.of();
            return new Written(size, hex.formatHex(md5.digest()), hex.formatHex(sha512.digest()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int read(InputStream data, byte[] buffer) throws ReadFailed {
        try {
            return data.read(buffer);
        } catch (IOException e) {
            throw new ReadFailed(e);
        }
    }

    /** The stored data of an image, if any. */
    public Optional<Path> find(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = file(id);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Deletes an image's data, staged or stored. */
    public void delete(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(stagingDir().resolve(id));
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String id) {
        return dir.resolve(safe(id));
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
