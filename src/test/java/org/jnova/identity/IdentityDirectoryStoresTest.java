package org.jnova.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.db.Database;
import org.jnova.db.DatabaseUrl;
import org.jnova.db.IdentityDomainStore;
import org.jnova.db.IdentityProjectStore;
import org.jnova.db.IdentityApplicationCredentialStore;
import org.jnova.db.IdentityRevocationStore;
import org.jnova.db.IdentityStore;
import org.jnova.db.IdentityUserStore;
import org.jnova.db.Migrator;
import org.jnova.db.TestDatabases;
import org.jnova.objects.IdentityDomainDetails;
import org.jnova.objects.IdentityProjectDetails;
import org.jnova.objects.IdentityUserDetails;
import org.junit.jupiter.api.Test;

/**
 * Domains, projects and users over a real database: deletions take their role assignments
 * along, a domain takes what it owns, the hierarchy's limits, and tokens that stop validating
 * once their user or project is disabled or deleted.
 */
class IdentityDirectoryStoresTest {
    @Test
    void deletionsTakeAssignmentsAlongAndEndTokens() throws Exception {
        String url = TestDatabases.create("sqlite");
        try (Database db = new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)))) {
            new Migrator(db, "api").migrate(Optional.empty());
            IdentityStore store = new IdentityStore(db);
            PasswordHasher hasher = new PasswordHasher(1000);
            TokenRevocations revocations = new TokenRevocations(new IdentityRevocationStore(db), Duration.ofHours(1),
                    Clock.systemUTC());
            IdentityBootstrap bootstrap = new IdentityBootstrap(store, hasher, revocations);
            bootstrap.run(new IdentityBootstrap.Settings("admin", "pw", "admin", "admin", "RegionOne", Map.of()));
            String demoId = bootstrap.run(new IdentityBootstrap.Settings("demo", "pw", "demo", "member", "RegionOne",
                    Map.of()));
            IdentityDomainStore domainStore = new IdentityDomainStore(db);
            IdentityProjectStore projectStore = new IdentityProjectStore(db);
            IdentityDomains domains = new IdentityDomains(domainStore);
            IdentityProjects projects = new IdentityProjects(projectStore, domainStore);
            IdentityUsers users = new IdentityUsers(new IdentityUserStore(db), store, domainStore, hasher, revocations);
            IdentityApi identity = new IdentityApi(store, new IdentityApplicationCredentialStore(db), revocations, hasher,
                    Duration.ofHours(1), Clock.systemUTC());
            Optional<NameOrId> demoProject = Optional.of(NameOrId.byName("demo", "default"));
            String demoProjectId = store.projectByName("default", "demo").orElseThrow().id();

            assertThat(projects.projectsOfUser(demoId)).extracting(IdentityProjectDetails::name)
                    .containsExactly("demo");
            Token token = identity.authenticateWithPassword(NameOrId.byName("demo", "default"), "pw", demoProject);
            IdentityUserDetails demo = users.get(demoId);
            users.update(new IdentityUserDetails(demoId, "demo", "default", false, null, "{}"), false, null);
            assertThat(identity.validate(token.id())).isEmpty();
            users.update(demo, false, null);
            assertThat(identity.validate(token.id())).as("disabling revoked it, as Keystone").isEmpty();
            token = identity.authenticateWithPassword(NameOrId.byName("demo", "default"), "pw", demoProject);
            IdentityProjectDetails project = projects.get(demoProjectId);
            projects.update(project, new IdentityProjectDetails(project.id(), project.name(), project.domainId(),
                    project.parentId(), project.description(), false, project.extra(), project.tags()));
            assertThat(identity.validate(token.id())).isEmpty();
            projects.update(projects.get(demoProjectId), project);
            assertThat(identity.validate(token.id())).isPresent();

            projects.delete(demoProjectId);
            assertThat(identity.validate(token.id())).isEmpty();
            assertThat(store.assignedRoles(demoId, demoProjectId)).isEmpty();
            assertThat(projects.projectsOfUser(demoId)).isEmpty();

            String adminId = store.userByName("default", "admin").orElseThrow().id();
            String adminProject = store.projectByName("default", "admin").orElseThrow().id();
            Token admin = identity.authenticateWithPassword(NameOrId.byName("admin", "default"), "pw",
                    Optional.of(NameOrId.byName("admin", "default")));
            users.delete(adminId);
            assertThat(store.assignedRoles(adminId, adminProject)).isEmpty();
            assertThat(identity.validate(admin.id())).isEmpty();
            assertThatThrownBy(() -> users.delete(adminId)).isInstanceOf(IdentityError.class)
                    .hasMessage("Could not find user: " + adminId + ".");

            domains.create(new IdentityDomainDetails("d1", "D1", "", true, "{}", List.of("t")));
            projects.create(new IdentityProjectDetails("p1", "p1", "d1", "d1", "", true, "{}", List.of("x")));
            String parent = "p1";
            for (int depth = 2; depth <= IdentityProjects.MAX_TREE_DEPTH; depth++) {
                projects.create(new IdentityProjectDetails("p" + depth, "p" + depth, "d1", parent, "", true, "{}",
                        List.of()));
                parent = "p" + depth;
            }
            String deepest = parent;
            assertThatThrownBy(() -> projects.create(new IdentityProjectDetails("p9", "p9", "d1", deepest, "", true,
                    "{}", List.of()))).hasMessage("Max hierarchy depth reached for " + deepest + " branch.");
            assertThatThrownBy(() -> projects.create(new IdentityProjectDetails("q", "q", "default", "p1", "", true,
                    "{}", List.of()))).hasMessage("Cannot create project, since it specifies its domain_id default, "
                            + "but specifies a parent in a different domain (d1).");
            users.create(new IdentityUserDetails("u1", "u1", "d1", true, null, "{}"), Optional.of("secret"));
            store.assignRole("u1", "p1", store.roleByName("member").orElseThrow().id());
            assertThatThrownBy(() -> domains.delete("d1")).isInstanceOf(IdentityError.class)
                    .hasMessage("Cannot delete a domain that is enabled, please disable it first.");
            domains.update(new IdentityDomainDetails("d1", "D1", "", false, "{}", List.of("t")));
            assertThatThrownBy(() -> projects.create(new IdentityProjectDetails("r", "r", "d1", "d1", "", true, "{}",
                    List.of()))).hasMessage("cannot create a project in a branch containing a disabled project: d1");
            assertThatThrownBy(() -> projects.create(new IdentityProjectDetails("r", "r", "default", "d1", "", true,
                    "{}", List.of()))).hasMessage("Cannot create project, the parent (d1) is acting as a domain, but "
                            + "this project's domain id (default) does not match the parent's id.");
            domains.delete("d1");
            assertThat(domains.find("d1")).isEmpty();
            assertThat(projects.find("p1")).isEmpty();
            assertThat(users.find("u1")).isEmpty();
            assertThat(store.assignedRoles("u1", "p1")).isEmpty();
            assertThat(projects.list()).extracting(IdentityProjectDetails::domainId).containsOnly("default");
        }
    }
}
