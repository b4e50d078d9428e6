package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jnova.db.IdentityCredentialStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.IdentityCredential;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityUser;

/**
 * Keystone's EC2 credentials ({@code OS-EC2}): an access key and secret of a user for a
 * project, kept in the credential table (type {@code ec2}, id the SHA-256 of the access key,
 * blob {@code {"access", "secret", "trust_id"}}), and {@code /v3/ec2tokens}, which checks a
 * request's AWS signature with the secret and answers a token for the credential's project.
 * Blobs are stored encrypted ({@link CredentialCipher}); one read in clear or under an older key
 * is written again under the primary key.
 */
public final class Ec2CredentialsApi {
    public static final String TYPE = "ec2";
    /** Keystone's {@code [credential] auth_ttl}: how old a signed request's timestamp may be. */
    private static final Duration AUTH_TTL = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityStore store;
    private final IdentityCredentialStore credentials;
    private final IdentityApi identity;
    private final CredentialCipher cipher;
    private final Clock clock;

    public Ec2CredentialsApi(IdentityStore store, IdentityCredentialStore credentials, IdentityApi identity,
            CredentialCipher cipher, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** An EC2 credential as the API shows it. */
    public record Ec2Credential(String userId, Optional<String> tenantId, String access, String secret,
            Optional<String> trustId) {
    }

    /** A signed request to check: the access key, the signature, and what was signed. */
    public record Ec2Auth(String access, Optional<String> signature, Ec2Signer.SignedRequest request,
            Optional<String> timestamp) {
        /** The request's own time, as Keystone reads it: {@code Timestamp}, else {@code X-Amz-Date}. */
        public static Ec2Auth of(String access, Optional<String> signature, Ec2Signer.SignedRequest request) {
            Optional<String> timestamp = Optional.ofNullable(request.params().get("Timestamp"))
                    .or(() -> Optional.ofNullable(request.headers().get("X-Amz-Date")))
                    .or(() -> Optional.ofNullable(request.params().get("X-Amz-Date")));
            return new Ec2Auth(access, signature, request, timestamp.filter(t -> !t.isEmpty()));
        }
    }

    /**
     * A new credential of {@code userId} for {@code tenantId}.
     *
     * @throws IdentityError 404 for an unknown user or project, 403 for a restricted application
     *         credential's token or a delegated token scoped to another project
     */
    public Ec2Credential create(Token caller, String userId, Optional<String> tenantId) {
        ApplicationCredentialsApi.requireUnrestricted(caller);
        requireUser(userId);
        String projectId = tenantId.flatMap(store::projectById).map(IdentityProject::id)
                .orElseThrow(() -> IdentityError.notFound("Could not find project: " + tenantId.orElse("None") + "."));
        if (caller.applicationCredential().isPresent()
                && !caller.project().map(IdentityProject::id).orElse("").equals(projectId)) {
            throw IdentityError.forbidden("EC2 credential project does not match the project scope of the "
                    + "delegated token");
        }
        String access = UUID.randomUUID().toString().replace("-", "");
        String secret = UUID.randomUUID().toString().replace("-", "");
        ObjectNode blob = JSON.createObjectNode().put("access", access).put("secret", secret).putNull("trust_id");
        String id = hashAccessKey(access);
        credentials.insert(new IdentityCredential(id, userId, Optional.of(projectId), TYPE,
                cipher.encrypt(id, write(blob))));
        return new Ec2Credential(userId, Optional.of(projectId), access, secret, Optional.empty());
    }

    /** The user's EC2 credentials; 404 for an unknown user. */
    public List<Ec2Credential> list(String userId) {
        requireUser(userId);
        return credentials.forUser(userId, TYPE).stream().map(this::view).flatMap(Optional::stream).toList();
    }

    /** The stored credential of access key {@code access}; Keystone's 404 when there is none. */
    public IdentityCredential stored(String access) {
        String id = hashAccessKey(access);
        return credentials.byId(id).orElseThrow(() -> IdentityError.notFound("Could not find credential: " + id + "."));
    }

    /** The EC2 credential {@code stored} holds; 401 when it is of another type, as Keystone. */
    public Ec2Credential show(String userId, IdentityCredential stored) {
        requireUser(userId);
        return Optional.of(stored).filter(c -> c.type().equals(TYPE)).flatMap(this::view)
                .orElseThrow(IdentityError::unauthorized);
    }

    public void delete(String userId, IdentityCredential stored) {
        show(userId, stored);
        credentials.delete(stored.id());
    }

    /**
     * Keystone's {@code POST /v3/ec2tokens}: the credential of the access key, the signature
     * checked (again without the port of the host, as Keystone retries), user and project
     * enabled, the timestamp recent, then a project-scoped token.
     *
     * @throws IdentityError 404 for an unknown access key or a vanished user or project, 401
     *         for a wrong or missing signature, a disabled user or project, a stale timestamp or
     *         a user without a role on the project
     */
    public Token authenticate(Ec2Auth auth) {
        if (auth.access().indexOf('\0') >= 0) {
            throw IdentityError.notFound("EC2 access key not found.");
        }
        Ec2Credential credential = credentials.byId(hashAccessKey(auth.access())).filter(c -> c.type().equals(TYPE))
                .flatMap(this::view)
                .orElseThrow(() -> IdentityError.notFound("EC2 access key not found."));
        String signature = auth.signature().filter(s -> !s.isEmpty()).orElseThrow(IdentityError::unauthorized);
        if (!signed(credential.secret(), auth.request(), signature)) {
            throw IdentityError.unauthorized();
        }
        String projectId = credential.tenantId().orElse("None");
        IdentityProject project = store.projectById(projectId)
                .orElseThrow(() -> IdentityError.notFound("Could not find project: " + projectId + "."));
        IdentityUser user = requireUser(credential.userId());
        if (!user.enabled() || !project.enabled()) {
            throw IdentityError.unauthorized();
        }
        auth.timestamp().ifPresent(this::checkTimestamp);
        if (identity.projectRoles(user.id(), project.id()).isEmpty()) {
            throw IdentityError.unauthorized();
        }
        return identity.issueForEc2(user.id(), project.id());
    }

    private static boolean signed(String secret, Ec2Signer.SignedRequest request, String signature) {
        try {
            if (equal(signature, Ec2Signer.signature(secret, request))) {
                return true;
            }
            String host = request.host();
            if (host != null && host.contains(":")) {
                String withoutPort = hostname(host);
                return equal(signature, Ec2Signer.signature(secret, request.withHost(withoutPort)));
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host part of {@code host:port} (or of {@code [v6]:port}), lower-cased as urlsplit's hostname. */
    private static String hostname(String host) {
        if (host.startsWith("[") && host.indexOf(']') > 0) {
            return host.substring(1, host.indexOf(']')).toLowerCase(java.util.Locale.ROOT);
        }
        int colon = host.lastIndexOf(':');
        return host.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    private void checkTimestamp(String text) {
        Instant timestamp = parseTime(text).orElseThrow(IdentityError::unauthorized);
        if (clock.instant().isAfter(timestamp.plus(AUTH_TTL))) {
            throw IdentityError.unauthorized();
        }
    }

    /** An ISO 8601 time as Keystone's parse_isotime reads it: extended or basic form, UTC when no offset is given. */
    private static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // not the extended form
        }
        try {
            return Optional.of(LocalDateTime.parse(text, AMZ_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private IdentityUser requireUser(String userId) {
        if (userId.indexOf('\0') >= 0) {
            throw IdentityError.notFound("Could not find user: " + userId + ".");
        }
        return store.userById(userId).orElseThrow(() -> IdentityError.notFound("Could not find user: " + userId + "."));
    }

    /** The credential {@code stored} holds, its blob decrypted (and stored again encrypted when it is stale). */
    private Optional<Ec2Credential> view(IdentityCredential stored) {
        String clear = cipher.decrypt(stored.id(), stored.blob());
        if (cipher.isStale(stored.blob())) {
            credentials.replaceBlob(stored.id(), stored.blob(), cipher.encrypt(stored.id(), clear));
        }
        try {
            JsonNode blob = JSON.readTree(clear);
            if (blob == null || !blob.path("access").isTextual() || !blob.path("secret").isTextual()) {
                return Optional.empty();
            }
            JsonNode trust = blob.path("trust_id");
            return Optional.of(new Ec2Credential(stored.userId(), stored.projectId(), blob.get("access").asText(),
                    blob.get("secret").asText(), trust.isTextual() ? Optional.of(trust.asText()) : Optional.empty()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Keystone's credential id of an EC2 access key: the SHA-256 of it, in hex. */
    public static String hashAccessKey(String access) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(access.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
