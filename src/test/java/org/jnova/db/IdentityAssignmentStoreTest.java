package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.IdentityAssignment;
import org.jnova.objects.IdentityEndpointEntry;
import org.jnova.objects.IdentityGroup;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityServiceEntry;
import org.jnova.testing.EachEngine;

/**
 * API migration 7 keeps the assignments made before it as users' roles on projects and the
 * endpoints' regions as regions; the roles a user holds on a project or a domain come
 * directly and through its groups; deleting a group or a role takes its assignments along.
 */
class IdentityAssignmentStoreTest {
    private static Database open(String url) {
        return new Database(DatabaseUrl.parse(url, Path.of("")), Database.PoolSettings.DEFAULT,
                new Database.RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    @EachEngine
    void directAndGroupAssignmentsOnProjectsAndDomains(String engine) throws Exception {
        String url = TestDatabases.create(engine);
        try (Database db = open(url)) {
            Migrator api = new Migrator(db, "api");
            api.migrate(Optional.of(5));
            db.inTransaction(tx -> {
                Instant now = Instant.now();
                tx.update("INSERT INTO identity_roles (id, name, created_at) VALUES ('r-member', 'member', ?)", now);
                tx.update("INSERT INTO identity_roles (id, name, created_at) VALUES ('r-reader', 'reader', ?)", now);
                tx.update("INSERT INTO identity_assignments (actor_id, target_id, role_id) "
                        + "VALUES ('alice', 'p1', 'r-member')");
                tx.update("INSERT INTO identity_services (id, type, name, enabled) VALUES ('s1', 'compute', 'nova', ?)",
                        true);
                return tx.update("INSERT INTO identity_endpoints (id, service_id, interface, region_id, url, enabled) "
                        + "VALUES ('e1', 's1', 'public', 'RegionOne', 'http://nova', ?)", true);
            });
            assertThat(api.migrate(Optional.empty())).isEqualTo(api.latestVersion());

            IdentityAssignmentStore assignments = new IdentityAssignmentStore(db);
            IdentityGroupStore groups = new IdentityGroupStore(db);
            assertThat(assignments.list(org.jnova.objects.IdentityAssignmentFilter.all())).containsExactly(
                    new IdentityAssignment(IdentityAssignment.Type.USER_PROJECT, "alice", "p1", "r-member"));
            assertThat(new IdentityCatalogStore(db).region("RegionOne")).isPresent();
            assertThat(names(new IdentityStore(db).assignedRoles("alice", "p1"))).containsExactly("member");
            assertThat(assignments.rolesOnProject("bob", "p1")).isEmpty();

            assertThat(groups.create(new IdentityGroup("g1", "default", "ops", "", "{}"))).isTrue();
            assertThat(groups.create(new IdentityGroup("g2", "default", "ops", "", "{}"))).isFalse();
            groups.addMember("g1", "bob");
            groups.addMember("g1", "bob");
            assignments.grant(new IdentityAssignment(IdentityAssignment.Type.GROUP_PROJECT, "g1", "p1", "r-reader"));
            assignments.grant(new IdentityAssignment(IdentityAssignment.Type.GROUP_PROJECT, "g1", "p1", "r-member"));
            assignments.grant(new IdentityAssignment(IdentityAssignment.Type.GROUP_DOMAIN, "g1", "default",
                    "r-reader"));
            assignments.grant(new IdentityAssignment(IdentityAssignment.Type.USER_DOMAIN, "alice", "default",
                    "r-member"));
            assertThat(names(assignments.rolesOnProject("bob", "p1"))).containsExactly("member", "reader");
            assertThat(names(assignments.rolesOnProject("alice", "p1"))).containsExactly("member");
            assertThat(names(assignments.rolesOnDomain("bob", "default"))).containsExactly("reader");
            assertThat(names(assignments.rolesOnDomain("alice", "default"))).containsExactly("member");
            assertThat(assignments.rolesOnDomain("bob", "p1")).isEmpty();
            assertThat(assignments.list(new org.jnova.objects.IdentityAssignmentFilter(Optional.empty(), Optional.of("g1"),
                    Optional.empty(), Optional.of("default"), Optional.empty()))).hasSize(1);

            groups.removeMember("g1", "bob");
            assertThat(assignments.rolesOnProject("bob", "p1")).isEmpty();
            groups.addMember("g1", "bob");
            assertThat(groups.delete("g1")).isTrue();
            assertThat(assignments.rolesOnProject("bob", "p1")).isEmpty();
            assertThat(groups.groupsOf("bob")).isEmpty();
            assertThat(new IdentityRoleStore(db).delete("r-member")).isTrue();
            assertThat(assignments.rolesOnProject("alice", "p1")).isEmpty();
            assertThat(assignments.list(org.jnova.objects.IdentityAssignmentFilter.all())).isEmpty();

            IdentityCatalogStore catalog = new IdentityCatalogStore(db);
            catalog.updateEndpoint(new IdentityEndpointEntry("e1", "s1", "public", "RegionOne", "http://nova", false,
                    "{}"));
            assertThat(new IdentityStore(db).catalog().get(0).endpoints()).isEmpty();
            catalog.updateService(new IdentityServiceEntry("s1", "compute", "nova", false, "{}"));
            assertThat(new IdentityStore(db).catalog()).isEmpty();
            assertThat(catalog.deleteRegion("RegionOne")).isEqualTo(org.jnova.objects.RegionDeletion.HAS_ENDPOINTS);
            assertThat(catalog.deleteService("s1")).isTrue();
            assertThat(catalog.deleteRegion("RegionOne")).isEqualTo(org.jnova.objects.RegionDeletion.DELETED);
        } finally {
            TestDatabases.drop(url);
        }
    }

    private static List<String> names(List<IdentityRole> roles) {
        return roles.stream().map(IdentityRole::name).toList();
    }
}
