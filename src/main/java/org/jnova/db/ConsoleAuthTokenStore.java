package org.jnova.db;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.jnova.objects.ConsoleAuthToken;

/** The console_auth_tokens table: tokens are kept only as their SHA-256. */
public final class ConsoleAuthTokenStore {
    private final Database db;

    public ConsoleAuthTokenStore(Database db) {
        this.db = requireNonNull(db, "db is null");
    }

    /** Stores the details behind {@code token}; expired rows are dropped on the way. */
    public void save(String token, ConsoleAuthToken details, String accessUrlBase) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        db.inTransaction(tx -> {
            tx.update("DELETE FROM console_auth_tokens WHERE expires < ?", now.getEpochSecond());
            tx.update("INSERT INTO console_auth_tokens (token_hash, console_type, host, port, tls_port, "
                    + "internal_access_path, access_url_base, instance_uuid, expires, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    hash(token), details.consoleType(), details.host(), details.port(), details.tlsPort(),
                    details.internalAccessPath(), accessUrlBase, details.instanceUuid(), details.expires(), now);
            return null;
        });
    }

    /** The unexpired token's details, if any. */
    public Optional<ConsoleAuthToken> find(String token) {
        long now = Instant.now().getEpochSecond();
        return db.read(tx -> tx.queryOne("SELECT console_type, host, port, tls_port, internal_access_path, "
                + "instance_uuid, expires FROM console_auth_tokens WHERE token_hash = ? AND expires > ?",
                r -> new ConsoleAuthToken(r.getString("console_type"), r.getString("host"), r.getInt("port"),
                        r.getInteger("tls_port"),
                        r.getString("internal_access_path"), r.getString("instance_uuid"), r.getLong("expires")),
                hash(token), now));
    }

    /** Drops every token of a server (nova does so when the server is deleted or moved). */
    public void deleteForInstance(String instanceUuid) {
        db.inTransaction(tx -> tx.update("DELETE FROM console_auth_tokens WHERE instance_uuid = ?", instanceUuid));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
