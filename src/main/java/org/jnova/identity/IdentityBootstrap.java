package org.jnova.identity;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;
import org.jnova.db.DuplicateEntry;
import org.jnova.db.IdentityStore;
import org.jnova.objects.CatalogEndpoint;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;

/**
 * {@code keystone-manage bootstrap}: the {@code default} domain, the roles admin, member and
 * reader (admin implies member, member implies reader), a user (admin) with a role (admin) on
 * a project (admin) and on the system, and catalog endpoints. Running it again
 * creates what is missing and sets the admin's password (revoking the user's tokens, as a
 * password change does) and the endpoints' URLs.
 */
public final class IdentityBootstrap {
    /** What to create: names, the password, the region and the endpoints per service type. */
    /**
     * @param onSystem also grant the role on the system, as keystone-manage bootstrap does for
     *     its administrator (not for an ordinary user, whom a system-scoped token would let read
     *     every project)
     */
    public record Settings(String username, String password, String projectName, String roleName,
            String regionId, Map<String, ServiceEndpoints> services, boolean onSystem) {
        public Settings {
            requireNonNull(password, "password is null");
            services = Map.copyOf(services);
        }

        /** keystone-manage bootstrap's settings: the role is granted on the system too. */
        public Settings(String username, String password, String projectName, String roleName, String regionId,
                Map<String, ServiceEndpoints> services) {
            this(username, password, projectName, roleName, regionId, services, true);
        }
    }

    /** A catalog service's name and its URL per interface (public, internal, admin). */
    public record ServiceEndpoints(String name, Map<String, String> urls) {
        public ServiceEndpoints {
            urls = Map.copyOf(urls);
        }
    }

    private final IdentityStore store;
    private final PasswordHasher hasher;
    private final TokenRevocations revocations;

    public IdentityBootstrap(IdentityStore store, PasswordHasher hasher, TokenRevocations revocations) {
        this.store = requireNonNull(store, "store is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.revocations = requireNonNull(revocations, "revocations is null");
    }

    /** Creates or updates; returns the admin user's id. */
    public String run(Settings settings) {
        if (store.domainById("default").isEmpty()) {
            try {
                store.insertDomain(new IdentityDomain("default", "Default", true), "The default domain");
            } catch (DuplicateEntry e) {
                // a bootstrap running at the same time made it
            }
        }
        IdentityRole reader = role("reader");
        IdentityRole member = role("member");
        store.addImpliedRole(role("admin").id(), member.id());
        store.addImpliedRole(member.id(), reader.id());
        IdentityRole granted = role(settings.roleName());
        IdentityProject project = store.projectByName("default", settings.projectName()).orElseGet(() -> {
            IdentityProject created = new IdentityProject(newId(), settings.projectName(), "default", true);
            try {
                store.insertProject(created, "Bootstrap project for initializing the cloud.");
                return created;
            } catch (DuplicateEntry e) {
                return store.projectByName("default", settings.projectName()).orElseThrow(() -> e);
            }
        });
        String hash = hasher.hash(settings.password());
        IdentityUser user = store.userByName("default", settings.username()).orElse(null);
        if (user == null) {
            try {
                user = new IdentityUser(newId(), settings.username(), "default", true, hash);
                store.insertUser(user);
            } catch (DuplicateEntry e) {
                user = store.userByName("default", settings.username()).orElseThrow(() -> e);
            }
        } else if (!hasher.verify(settings.password(), user.passwordHash())) {
            // as keystone-manage: the password is reset (and the user's tokens revoked) only when it changed
            store.setPasswordHash(user.id(), hash);
            revocations.revokeUser(user.id());
        }
        store.assignRole(user.id(), project.id(), granted.id());
        if (settings.onSystem()) {
            store.assignSystemRole(user.id(), granted.id());
        }
        settings.services().forEach((type, service) -> {
            String serviceId = store.serviceIdByType(type).orElseGet(() -> {
                String id = newId();
                store.insertService(id, type, service.name());
                return id;
            });
            service.urls().forEach((iface, url) -> store.putEndpoint(
                    new CatalogEndpoint(newId(), serviceId, iface, settings.regionId(), url)));
        });
        return user.id();
    }

    private IdentityRole role(String name) {
        return store.roleByName(name).orElseGet(() -> {
            IdentityRole role = new IdentityRole(newId(), name);
            try {
                store.insertRole(role);
                return role;
            } catch (DuplicateEntry e) {
                return store.roleByName(name).orElseThrow(() -> e);
            }
        });
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
