package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keystone's credential key repository ({@code [credential] key_repository}): one AES-256 key
 * per file, the file named by a number, the key in URL-safe base64. The highest number is the
 * primary key, which encrypts; every key decrypts. A missing or empty repository gets its first
 * key on first use (directory 0700, key 0600); API nodes sharing the directory share the keys.
 * The directory is read again whenever it changed (a key added by hand or by another node), and
 * when a stored value names a key not loaded.
 */
public final class CredentialKeyRepository {
    private static final int KEY_BYTES = 32;
    private final Path directory;
    private final SecureRandom random = new SecureRandom();
    /** The keys last read, highest number first; null until first use. */
    private List<CredentialKey> keys;
    /** The directory's modification time when {@link #keys} were read. */
    private FileTime readAt;

    /** One key: its file's number, the hash that names it in stored values, and the key. */
    public record CredentialKey(int number, String hash, SecretKey secret) {
    }

    public CredentialKeyRepository(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** The key that encrypts: the highest-numbered one (created when there is none). */
    public synchronized CredentialKey primary() {
        if (keys == null || keys.isEmpty() || changed()) {
            keys = loadOrCreate();
        }
        return keys.get(0);
    }

    /** The key named {@code hash}, reading the directory again when it is not one loaded. */
    public synchronized Optional<CredentialKey> byHash(String hash) {
        Optional<CredentialKey> known = keys == null || changed() ? Optional.empty() : find(hash);
        if (known.isPresent()) {
            return known;
        }
        keys = loadOrCreate();
        return find(hash);
    }

    /** Adds a key numbered above every other, which becomes the primary key; returns it. */
    public synchronized CredentialKey rotate() {
        int next = primary().number() + 1;
        for (;; next++) {
            if (write(next)) {
                keys = load();
                return keys.get(0);
            }
        }
    }

    private boolean changed() {
        try {
            return !Files.getLastModifiedTime(directory).equals(readAt);
        } catch (IOException e) {
            return true;
        }
    }

    private Optional<CredentialKey> find(String hash) {
        return keys.stream().filter(k -> k.hash().equals(hash)).findFirst();
    }

    private List<CredentialKey> loadOrCreate() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the credential key repository " + directory, e);
        }
        List<CredentialKey> loaded = load();
        if (loaded.isEmpty()) {
            write(0); // another process may have written key 0 first: then that one is read
            loaded = load();
        }
        return loaded;
    }

    private List<CredentialKey> load() {
        List<CredentialKey> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            readAt = Files.getLastModifiedTime(directory);
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("[0-9]{1,9}") && Files.isRegularFile(file)) {
                    byte[] key = Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                    if (key.length != KEY_BYTES) {
                        throw new IllegalStateException("Credential key " + file + " is not a 256-bit key");
                    }
                    loaded.add(new CredentialKey(Integer.parseInt(name), hash(key), new SecretKeySpec(key, "AES")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credential key repository " + directory, e);
        }
        loaded.sort(Comparator.comparingInt(CredentialKey::number).reversed());
        return List.copyOf(loaded);
    }

    /** Writes a new key as file {@code number}, readable by its owner only; false when that file exists. */
    private boolean write(int number) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, ".key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getUrlEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            // a hard link is made whole or not at all and never replaces another node's key
            Files.createLink(directory.resolve(Integer.toString(number)), temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a key into the credential key repository " + directory, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stray temporary file is ignored by load
                }
            }
        }
    }

    /** The name of a key in stored values: the first 16 hex digits of its SHA-256. */
    private static String hash(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
