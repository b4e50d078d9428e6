package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jnova.db.IdentityApplicationCredentialStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.IdentityApplicationCredential;
import org.jnova.objects.IdentityRole;

/**
 * Keystone's application credentials: a user creates them with a project-scoped token, for
 * that project and a subset of the token's roles (all of them by default); the secret is
 * shown once and stored hashed.
 */
public final class ApplicationCredentialsApi {
    private final IdentityStore store;
    private final IdentityApplicationCredentialStore credentials;
    private final IdentityApi identity;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApplicationCredentialsApi(IdentityStore store, IdentityApplicationCredentialStore credentials,
            IdentityApi identity, PasswordHasher hasher, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A role of the request, by id or by name. */
    public record RoleRef(Optional<String> id, Optional<String> name) {
    }

    /** What {@code POST /v3/users/{user_id}/application_credentials} asks for. */
    public record Request(String name, Optional<String> description, Optional<String> secret,
            Optional<Instant> expiresAt, Optional<List<RoleRef>> roles, boolean unrestricted) {
    }

    /** The stored credential and its secret, which only the creation shows. */
    public record Created(IdentityApplicationCredential credential, String secret) {
    }

    /**
     * Creates a credential for the caller (who must be {@code userId}) on the caller's project.
     *
     * @throws IdentityError 403 for another user, a token not scoped to a project or a
     *         restricted application credential's token; 404 for an unknown role; 400 for a role
     *         not in the token or a past expiry; 409 for a name the user already has
     */
    public Created create(Token caller, String userId, Request request) {
        requireUnrestricted(caller);
        if (!caller.user().id().equals(userId)) {
            throw IdentityError.forbidden("Cannot create an application credential for another user.");
        }
        String projectId = caller.project().orElseThrow(
                () -> IdentityError.forbidden("identity:create_application_credential")).id();
        if (request.expiresAt().filter(at -> !at.isAfter(clock.instant())).isPresent()) {
            throw IdentityError.badRequest("The 'expires_at' must not be before now. The server could not comply with "
                    + "the request since it is either malformed or otherwise incorrect. The client is assumed to be "
                    + "in error.");
        }
        List<IdentityRole> roles = request.roles().filter(r -> !r.isEmpty()).map(r -> requested(r, caller))
                .orElse(caller.roles());
        List<String> held = identity.projectRoles(userId, projectId).stream().map(IdentityRole::id).toList();
        for (IdentityRole role : roles) {
            if (!held.contains(role.id())) {
                throw invalid("Could not find role assignment with role: " + role.id() + ", user or group: " + userId
                        + ", project, domain, or system: " + projectId + ".");
            }
        }
        String secret = request.secret().filter(s -> !s.isEmpty()).orElseGet(this::newSecret);
        IdentityApplicationCredential credential = new IdentityApplicationCredential(
                UUID.randomUUID().toString().replace("-", ""), request.name(), request.description(), userId,
                projectId, request.expiresAt(), request.unrestricted(), hasher.hash(secret), roles);
        if (!credentials.insert(credential)) {
            throw IdentityError.conflict("Conflict occurred attempting to store application_credential - Duplicate "
                    + "name, " + request.name() + ".");
        }
        return new Created(credential, secret);
    }

    public List<IdentityApplicationCredential> list(String userId, Optional<String> name) {
        return credentials.forUser(userId, name);
    }

    public Optional<IdentityApplicationCredential> find(String id) {
        return credentials.byId(id);
    }

    /** @throws IdentityError 404 when there is no such credential, 403 for a restricted credential's token */
    public void delete(Token caller, String id) {
        requireUnrestricted(caller);
        if (!credentials.delete(id)) {
            throw notFound(id);
        }
    }

    public static IdentityError notFound(String id) {
        return IdentityError.notFound("Could not find application credential: " + id + ".");
    }

    /**
     * Keystone's refusal to manage credentials (application or EC2) with the token of a
     * restricted application credential.
     */
    public static void requireUnrestricted(Token caller) {
        if (caller.methods().contains("application_credential")
                && caller.applicationCredential().map(c -> !c.unrestricted()).orElse(true)) {
            throw IdentityError.forbidden("Using method 'application_credential' is not allowed for managing "
                    + "additional application credentials.");
        }
    }

    /** The roles asked for, with every role they imply, each required to be in the caller's token. */
    private List<IdentityRole> requested(List<RoleRef> refs, Token caller) {
        Map<String, IdentityRole> roles = new LinkedHashMap<>();
        List<IdentityRole> all = store.roles();
        for (RoleRef ref : refs) {
            IdentityRole role = all.stream().filter(r -> ref.id().isPresent() ? r.id().equals(ref.id().get())
                    : r.name().equals(ref.name().orElse(null))).findFirst()
                    .orElseThrow(() -> IdentityError.notFound("Could not find role: "
                            + ref.id().or(ref::name).orElse("None") + "."));
            roles.put(role.id(), role);
        }
        for (IdentityRole role : identity.effectiveRoles(new ArrayList<>(roles.values()))) {
            roles.putIfAbsent(role.id(), role);
        }
        List<String> tokenRoles = caller.roles().stream().map(IdentityRole::id).toList();
        for (IdentityRole role : roles.values()) {
            if (!tokenRoles.contains(role.id())) {
                throw invalid("Cannot create an application credential with unassigned role");
            }
        }
        return List.copyOf(roles.values());
    }

    private static IdentityError invalid(String detail) {
        return IdentityError.badRequest("Invalid application credential: " + detail);
    }

    /** Keystone's generated secret: 64 random bytes, urlsafe base64 without padding. */
    private String newSecret() {
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
