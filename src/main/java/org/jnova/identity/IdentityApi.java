package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jnova.db.IdentityApplicationCredentialStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityApplicationCredential;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;
import org.jnova.objects.SigningKey;

/**
 * Keystone's token provider: authenticates by password, an existing token (rescoping) or an
 * application credential, scopes the token to a project, a domain or the system the user has a
 * role on (or leaves it unscoped), validates tokens again (revocation events included) and
 * revokes them.
 */
public final class IdentityApi {
    /** Keystone's {@code [token] allow_expired_window}: how long after expiry {@code allow_expired} still shows a token. */
    private static final Duration ALLOW_EXPIRED_WINDOW = Duration.ofHours(48);
    private final IdentityStore store;
    private final IdentityApplicationCredentialStore applicationCredentials;
    private final TokenRevocations revocations;
    private final PasswordHasher hasher;
    private final SigningKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    public IdentityApi(IdentityStore store, IdentityApplicationCredentialStore applicationCredentials,
            TokenRevocations revocations, PasswordHasher hasher, Duration lifetime, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.applicationCredentials = requireNonNull(applicationCredentials, "applicationCredentials is null");
        this.revocations = requireNonNull(revocations, "revocations is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.keys = new SigningKeys(store);
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A password token for {@code user}, scoped to {@code project} when given. */
    public Token authenticateWithPassword(NameOrId user, String password, Optional<NameOrId> project) {
        return authenticate(List.of(new AuthMethod.Password(user, password)),
                project.map(RequestedScope::project).orElseGet(RequestedScope::unscoped));
    }

    /**
     * A new token for the user every method in {@code methods} authenticates (they must agree on
     * the user), scoped as {@code scope} asks; a rescoped token keeps the original's expiry and
     * audit chain, an application credential's token is scoped to its project with its roles.
     *
     * @throws IdentityError 401 when a method fails, the user or the scope's target is unknown or
     *         disabled, or the user has no role there; 403 for a rescoping Keystone forbids
     */
    public Token authenticate(List<AuthMethod> methods, RequestedScope scope) {
        if (methods.isEmpty() || scope.target().filter(t -> !storable(t)).isPresent()) {
            throw IdentityError.unauthorized();
        }
        Authenticated who = new Authenticated();
        for (AuthMethod method : methods) {
            switch (method) {
                case AuthMethod.Password password -> who.user(checkPassword(password).id(), password.methodName());
                case AuthMethod.ExistingToken existing -> rescope(existing, scope, who);
                case AuthMethod.ApplicationCredential credential -> {
                    if (scope.kind() != RequestedScope.Kind.NONE) {
                        // Keystone: "Application credentials cannot request a scope."
                        throw IdentityError.unauthorized();
                    }
                    IdentityApplicationCredential found = checkApplicationCredential(credential);
                    who.user(found.userId(), credential.methodName());
                    who.applicationCredential = Optional.of(found);
                }
            }
        }
        TokenScope tokenScope = who.applicationCredential.isPresent() && who.fromCredentialMethod()
                ? TokenScope.project(who.applicationCredential.get().projectId()) : resolve(scope);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = who.expiresAt.orElse(now.plus(lifetime));
        Optional<Instant> credentialExpiry = who.applicationCredential.flatMap(IdentityApplicationCredential::expiresAt);
        if (credentialExpiry.isPresent() && credentialExpiry.get().isBefore(expiresAt)) {
            expiresAt = credentialExpiry.get();
        }
        return issue(new TokenCodec.Claims(who.userId, tokenScope, List.copyOf(who.methods), now, expiresAt,
                auditId(), who.parentAuditId, who.applicationCredential.map(IdentityApplicationCredential::id)));
    }

    /** A token of method {@code ec2credential} for the user on the project, as Keystone's ec2tokens issues. */
    public Token issueForEc2(String userId, String projectId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return issue(new TokenCodec.Claims(userId, TokenScope.project(projectId), List.of("ec2credential"), now,
                now.plus(lifetime), auditId(), Optional.empty(), Optional.empty()));
    }

    /** The token {@code id} names if it is genuine, unexpired, not revoked and its user and scope still valid. */
    public Optional<Token> validate(String id) {
        return validate(id, false);
    }

    /** As {@link #validate(String)}; with {@code allowExpired}, a token expired less than 48 hours ago too. */
    public Optional<Token> validate(String id, boolean allowExpired) {
        Instant now = clock.instant();
        return TokenCodec.decode(id, keyId -> keys.byId(keyId).map(IdentityApi::secret))
                .filter(claims -> claims.expiresAt().isAfter(now)
                        || (allowExpired && claims.expiresAt().plus(ALLOW_EXPIRED_WINDOW).isAfter(now)))
                .flatMap(claims -> token(id, claims));
    }

    /** Revokes {@code token} by its audit id, as Keystone's {@code DELETE /v3/auth/tokens}. */
    public void revoke(Token token) {
        revocations.revokeAuditId(token.auditId());
    }

    /**
     * Revokes every token of the user issued until now, as Keystone does when a user's password
     * changes or the user is disabled (a re-enabled user's old tokens stay revoked).
     */
    public void revokeUser(String userId) {
        revocations.revokeUser(userId);
    }

    /** The roles {@code assigned} and every role they imply, transitively (admin: member, reader). */
    public List<IdentityRole> effectiveRoles(List<IdentityRole> assigned) {
        if (assigned.isEmpty()) {
            return assigned;
        }
        Map<String, List<String>> rules = store.impliedRoles();
        Set<String> ids = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        assigned.forEach(r -> pending.add(r.id()));
        while (!pending.isEmpty()) {
            String roleId = pending.poll();
            if (ids.add(roleId)) {
                pending.addAll(rules.getOrDefault(roleId, List.of()));
            }
        }
        List<IdentityRole> roles = new ArrayList<>();
        for (IdentityRole role : store.roles()) {
            if (ids.contains(role.id())) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The user's effective roles on the project (implied roles included). */
    public List<IdentityRole> projectRoles(String userId, String projectId) {
        return effectiveRoles(store.assignedRoles(userId, projectId));
    }

    /** What the methods of one request established so far. */
    private static final class Authenticated {
        private String userId;
        private final Set<String> methods = new LinkedHashSet<>();
        private Optional<Instant> expiresAt = Optional.empty();
        private Optional<String> parentAuditId = Optional.empty();
        private Optional<IdentityApplicationCredential> applicationCredential = Optional.empty();

        void user(String id, String method) {
            if (userId != null && !userId.equals(id)) {
                // Keystone refuses methods that disagree on the user
                throw IdentityError.unauthorized();
            }
            userId = id;
            methods.add(method);
        }

        boolean fromCredentialMethod() {
            return methods.contains("application_credential") && !methods.contains("token");
        }
    }

    private IdentityUser checkPassword(AuthMethod.Password password) {
        if (!storable(password.user())) {
            throw IdentityError.unauthorized();
        }
        return findUser(password.user()).filter(IdentityUser::enabled)
                .filter(u -> hasher.verify(password.password(), u.passwordHash()))
                .orElseThrow(IdentityError::unauthorized);
    }

    /** Keystone's token method: the original's user, expiry and audit chain, with its refusals. */
    private void rescope(AuthMethod.ExistingToken existing, RequestedScope scope, Authenticated who) {
        Token original = validate(existing.id()).orElseThrow(IdentityError::unauthorized);
        boolean projectOrDomain = scope.kind() == RequestedScope.Kind.PROJECT
                || scope.kind() == RequestedScope.Kind.DOMAIN;
        if (original.systemScoped() && projectOrDomain) {
            throw IdentityError.forbidden("Using a system-scoped token to create a project-scoped or domain-scoped "
                    + "token is not allowed.");
        }
        if (original.applicationCredential().isPresent()) {
            if (scope.kind() != RequestedScope.Kind.NONE) {
                throw IdentityError.forbidden("Using an application credential token to create a scoped token is "
                        + "not allowed.");
            }
            who.applicationCredential = original.applicationCredential();
        }
        who.user(original.user().id(), existing.methodName());
        who.methods.addAll(original.methods());
        who.expiresAt = Optional.of(original.expiresAt());
        who.parentAuditId = Optional.of(original.auditChainId());
    }

    private IdentityApplicationCredential checkApplicationCredential(AuthMethod.ApplicationCredential credential) {
        if (Stream.of(credential.id().orElse(""), credential.name().orElse(""), credential.secret())
                .anyMatch(text -> text.indexOf('\0') >= 0)
                || credential.user().filter(u -> !storable(u)).isPresent()) {
            throw IdentityError.unauthorized();
        }
        Optional<IdentityApplicationCredential> found;
        if (credential.id().isPresent()) {
            found = applicationCredentials.byId(credential.id().get());
        } else {
            String userId = findUser(credential.user().orElseThrow()).map(IdentityUser::id)
                    .orElseThrow(IdentityError::unauthorized);
            List<IdentityApplicationCredential> named = applicationCredentials.forUser(userId, credential.name());
            found = named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        }
        return found.filter(c -> hasher.verify(credential.secret(), c.secretHash()))
                .filter(c -> c.expiresAt().map(clock.instant()::isBefore).orElse(true))
                .orElseThrow(IdentityError::unauthorized);
    }

    private TokenScope resolve(RequestedScope scope) {
        return switch (scope.kind()) {
            case NONE, UNSCOPED -> TokenScope.unscoped();
            case SYSTEM -> TokenScope.system();
            case PROJECT -> TokenScope.project(findProject(scope.target().orElseThrow()).map(IdentityProject::id)
                    .orElseThrow(IdentityError::unauthorized));
            case DOMAIN -> {
                NameOrId domain = scope.target().orElseThrow();
                Optional<IdentityDomain> found = domain.id().isPresent() ? store.domainById(domain.id().get())
                        : domain.name().flatMap(store::domainByName);
                yield TokenScope.domain(found.filter(IdentityDomain::enabled).map(IdentityDomain::id)
                        .orElseThrow(IdentityError::unauthorized));
            }
        };
    }

    private Token issue(TokenCodec.Claims claims) {
        SigningKey key = keys.current();
        String id = TokenCodec.encode(key.id(), secret(key), claims);
        return token(id, claims).orElseThrow(IdentityError::unauthorized);
    }

    private Optional<Token> token(String id, TokenCodec.Claims claims) {
        Optional<IdentityUser> user = store.userById(claims.userId()).filter(IdentityUser::enabled);
        Optional<IdentityDomain> userDomain = user.flatMap(u -> store.domainById(u.domainId()))
                .filter(IdentityDomain::enabled);
        if (userDomain.isEmpty()) {
            return Optional.empty();
        }
        Optional<IdentityApplicationCredential> credential = Optional.empty();
        if (claims.applicationCredentialId().isPresent()) {
            credential = applicationCredentials.byId(claims.applicationCredentialId().get())
                    .filter(c -> c.userId().equals(claims.userId()))
                    .filter(c -> c.expiresAt().map(clock.instant()::isBefore).orElse(true));
            if (credential.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<IdentityProject> project = Optional.empty();
        Optional<IdentityDomain> projectDomain = Optional.empty();
        Optional<IdentityDomain> domain = Optional.empty();
        List<IdentityRole> roles = List.of();
        switch (claims.scope().kind()) {
            case UNSCOPED -> {
            }
            case PROJECT -> {
                project = store.projectById(claims.scope().id().orElseThrow()).filter(IdentityProject::enabled);
                projectDomain = project.flatMap(p -> store.domainById(p.domainId())).filter(IdentityDomain::enabled);
                if (projectDomain.isEmpty()) {
                    return Optional.empty();
                }
                roles = projectRoles(claims.userId(), project.get().id());
                if (credential.isPresent()) {
                    roles = onlyHeld(credential.get().roles(), roles);
                }
            }
            case DOMAIN -> {
                domain = store.domainById(claims.scope().id().orElseThrow()).filter(IdentityDomain::enabled);
                if (domain.isEmpty()) {
                    return Optional.empty();
                }
                roles = effectiveRoles(store.domainRoles(claims.userId(), domain.get().id()));
            }
            case SYSTEM -> roles = effectiveRoles(store.systemRoles(claims.userId()));
        }
        if (claims.scope().kind() != TokenScope.Kind.UNSCOPED && roles.isEmpty()) {
            return Optional.empty();
        }
        List<CatalogService> catalog = claims.scope().kind() == TokenScope.Kind.UNSCOPED ? List.of() : store.catalog();
        Token token = new Token(id, claims.methods(), user.get(), userDomain.get(), project, projectDomain, roles,
                catalog, claims.issuedAt(), claims.expiresAt(), claims.auditId(), domain,
                claims.scope().kind() == TokenScope.Kind.SYSTEM, claims.parentAuditId(), credential);
        return revocations.revoked(token) ? Optional.empty() : Optional.of(token);
    }

    /** The credential's roles the user still holds, as Keystone's application credential tokens carry. */
    private static List<IdentityRole> onlyHeld(List<IdentityRole> granted, List<IdentityRole> held) {
        Set<String> heldIds = new LinkedHashSet<>();
        held.forEach(r -> heldIds.add(r.id()));
        return granted.stream().filter(r -> heldIds.contains(r.id())).toList();
    }

    /** Whether every text of {@code named} may be looked up (PostgreSQL's text cannot hold U+0000). */
    private static boolean storable(NameOrId named) {
        return Stream.of(named.id(), named.name(), named.domainId(), named.domainName())
                .flatMap(Optional::stream).noneMatch(text -> text.indexOf('\0') >= 0);
    }

    private Optional<IdentityUser> findUser(NameOrId user) {
        if (user.id().isPresent()) {
            return store.userById(user.id().get());
        }
        return domainOf(user).flatMap(d -> store.userByName(d.id(), user.name().orElseThrow()));
    }

    private Optional<IdentityProject> findProject(NameOrId project) {
        Optional<IdentityProject> found = project.id().isPresent() ? store.projectById(project.id().get())
                : domainOf(project).flatMap(d -> store.projectByName(d.id(), project.name().orElseThrow()));
        return found.filter(IdentityProject::enabled);
    }

    private Optional<IdentityDomain> domainOf(NameOrId named) {
        Optional<IdentityDomain> domain = named.domainId().isPresent() ? store.domainById(named.domainId().get())
                : named.domainName().flatMap(store::domainByName);
        return domain.filter(IdentityDomain::enabled);
    }

    private static byte[] secret(SigningKey key) {
        return key.secret().getBytes(StandardCharsets.US_ASCII);
    }

    /** Keystone's audit ids: 16 random bytes, urlsafe base64 without padding. */
    private static String auditId() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
