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
import org.jnova.db.IdentityStore;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;
import org.jnova.objects.SigningKey;

/**
 * Keystone's token provider for the password method: authenticates a user, scopes the token
 * to a project the user has a role on (or leaves it unscoped), and validates tokens again.
 */
public final class IdentityApi {
    private final IdentityStore store;
    private final PasswordHasher hasher;
    private final SigningKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    public IdentityApi(IdentityStore store, PasswordHasher hasher, Duration lifetime, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.keys = new SigningKeys(store);
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A new token for the user {@code user} names if {@code password} is theirs, scoped to
     * {@code project} when given.
     *
     * @throws IdentityError 401 for an unknown or disabled user, a wrong password, an unknown
     *         or disabled project, or a project the user has no role on
     */
    public Token authenticateWithPassword(NameOrId user, String password, Optional<NameOrId> project) {
        if (!storable(user) || project.filter(p -> !storable(p)).isPresent()) {
            throw IdentityError.unauthorized();
        }
        IdentityUser found = findUser(user).filter(IdentityUser::enabled)
                .filter(u -> hasher.verify(password, u.passwordHash()))
                .orElseThrow(IdentityError::unauthorized);
        Optional<IdentityProject> scope = project.map(p -> findProject(p).orElseThrow(IdentityError::unauthorized));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TokenCodec.Claims claims = new TokenCodec.Claims(found.id(), scope.map(IdentityProject::id),
                List.of("password"), now, now.plus(lifetime), auditId());
        SigningKey key = keys.current();
        String id = TokenCodec.encode(key.id(), secret(key), claims);
        return token(id, claims).orElseThrow(IdentityError::unauthorized);
    }

    /** The token {@code id} names if it is genuine, unexpired and its user and project still valid. */
    public Optional<Token> validate(String id) {
        return TokenCodec.decode(id, keyId -> keys.byId(keyId).map(IdentityApi::secret))
                .filter(claims -> claims.expiresAt().isAfter(clock.instant()))
                .flatMap(claims -> token(id, claims));
    }

    private Optional<Token> token(String id, TokenCodec.Claims claims) {
        Optional<IdentityUser> user = store.userById(claims.userId()).filter(IdentityUser::enabled);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<IdentityDomain> userDomain = store.domainById(user.get().domainId()).filter(IdentityDomain::enabled);
        if (userDomain.isEmpty()) {
            return Optional.empty();
        }
        if (claims.projectId().isEmpty()) {
            return Optional.of(new Token(id, claims.methods(), user.get(), userDomain.get(), Optional.empty(),
                    Optional.empty(), List.of(), List.of(), claims.issuedAt(), claims.expiresAt(), claims.auditId()));
        }
        Optional<IdentityProject> project = store.projectById(claims.projectId().get())
                .filter(IdentityProject::enabled);
        Optional<IdentityDomain> projectDomain = project.flatMap(p -> store.domainById(p.domainId()))
                .filter(IdentityDomain::enabled);
        if (projectDomain.isEmpty()) {
            return Optional.empty();
        }
        List<IdentityRole> roles = effectiveRoles(store.assignedRoles(user.get().id(), project.get().id()));
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        List<CatalogService> catalog = store.catalog();
        return Optional.of(new Token(id, claims.methods(), user.get(), userDomain.get(), project, projectDomain,
                roles, catalog, claims.issuedAt(), claims.expiresAt(), claims.auditId()));
    }

    /** The assigned roles and every role they imply, transitively (admin: member, reader). */
    private List<IdentityRole> effectiveRoles(List<IdentityRole> assigned) {
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

    /** Whether every text of {@code named} may be looked up (PostgreSQL's text cannot hold U+0000). */
    private static boolean storable(NameOrId named) {
        return java.util.stream.Stream.of(named.id(), named.name(), named.domainId(), named.domainName())
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
