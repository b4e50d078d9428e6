package org.jnova.api.openstack.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.api.openstack.identity.IdentityHttp.IDENTITY_API;
import static org.jnova.api.openstack.identity.IdentityHttp.bootstrap;
import static org.jnova.api.openstack.identity.IdentityHttp.names;
import static org.jnova.api.openstack.identity.IdentityHttp.openstack;
import static org.jnova.api.openstack.identity.IdentityHttp.password;
import static org.jnova.api.openstack.identity.IdentityHttp.projectScope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jnova.api.openstack.identity.IdentityHttp.Reply;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Identity v3 roles, implied roles, groups, grants, role assignments and the catalog on a real
 * socket: Keystone's bodies and refusals (401, 403 for a member or reader, 404, 409, 400),
 * group membership changing the roles of a new token, and catalog changes in a new token.
 */
class IdentityRolesAndCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityHttp http = new IdentityHttp();

    /** A running identity with an admin, a member of "demo" and a reader of "bobs". */
    private final class Cloud implements AutoCloseable {
        final JnovaTestServer jnova;
        final String identity;
        final String admin;

        Cloud(String engine) throws Exception {
            jnova = JnovaTestServer.start(engine);
            identity = jnova.startIdentity();
            assertThat(bootstrap(jnova, "--bootstrap-password", "s3cret", "--bootstrap-public-url", identity + "/v3",
                    "--compute-public-url=" + jnova.computeUrl())).isZero();
            assertThat(bootstrap(jnova, "--bootstrap-username", "demo", "--bootstrap-password", "d3mo",
                    "--bootstrap-project-name", "demo", "--bootstrap-role-name", "member")).isZero();
            assertThat(bootstrap(jnova, "--bootstrap-username", "bob", "--bootstrap-password", "b0b",
                    "--bootstrap-project-name", "bobs", "--bootstrap-role-name", "reader")).isZero();
            admin = token("admin", "s3cret", "admin");
        }

        String token(String user, String password, String project) throws Exception {
            Reply issued = tokenReply(user, password, project);
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            return issued.subject();
        }

        Reply tokenReply(String user, String password, String project) throws Exception {
            return send("POST", "/v3/auth/tokens", null, password(user, password, projectScope(project)));
        }

        Reply send(String method, String path, String token, String body) throws Exception {
            return http.call(method, identity + path, token, body);
        }

        JsonNode ok(String method, String path, String token, String body, int status) throws Exception {
            Reply reply = send(method, path, token, body);
            assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(status);
            return reply.body().isEmpty() ? JSON.nullNode() : reply.json();
        }

        String id(String collection, String name) throws Exception {
            for (JsonNode entity : ok("GET", "/v3/" + collection, admin, null, 200).path(collection)) {
                if (entity.path("name").asText().equals(name)) {
                    return entity.path("id").asText();
                }
            }
            throw new AssertionError("no " + name + " in " + collection);
        }

        String userId(String user, String password, String project) throws Exception {
            return tokenReply(user, password, project).json().path("token").path("user").path("id").asText();
        }

        @Override
        public void close() throws Exception {
            jnova.close();
        }
    }

    @EachEngine
    void rolesImpliedRolesAndRefusals(String engine) throws Exception {
        try (Cloud cloud = new Cloud(engine)) {
            String member = cloud.token("demo", "d3mo", "demo");
            String reader = cloud.token("bob", "b0b", "bobs");
            JsonNode list = cloud.ok("GET", "/v3/roles", cloud.admin, null, 200);
            assertThat(names(list.path("roles"))).containsExactly("admin", "member", "reader");
            JsonNode first = list.path("roles").get(0);
            assertThat(first.path("domain_id").isNull()).isTrue();
            assertThat(first.path("options").isObject()).isTrue();
            assertThat(first.path("links").path("self").asText()).isEqualTo(cloud.identity + "/v3/roles/"
                    + first.path("id").asText());
            assertThat(list.path("links").path("self").asText()).isEqualTo(cloud.identity + "/v3/roles");
            assertThat(list.path("links").has("next")).isTrue();
            assertThat(names(cloud.ok("GET", "/v3/roles?name=member", cloud.admin, null, 200).path("roles")))
                    .containsExactly("member");
            // Keystone's rules: listing roles takes an admin, or a reader of the system scope
            for (String refused : List.of(member, reader)) {
                Reply forbidden = cloud.send("GET", "/v3/roles", refused, null);
                assertThat(forbidden.status()).isEqualTo(403);
                assertThat(forbidden.message()).isEqualTo(
                        "You are not authorized to perform the requested action: identity:list_roles.");
            }
            assertThat(cloud.send("GET", "/v3/roles", null, null).status()).isEqualTo(401);
            assertThat(cloud.send("POST", "/v3/roles", member, "{\"role\": {\"name\": \"x\"}}").status())
                    .isEqualTo(403);

            JsonNode created = cloud.ok("POST", "/v3/roles", cloud.admin,
                    "{\"role\": {\"name\": \"observer\", \"description\": \"looks\", \"colour\": \"blue\"}}", 201)
                    .path("role");
            String observer = created.path("id").asText();
            assertThat(observer).hasSize(32);
            assertThat(created.path("name").asText()).isEqualTo("observer");
            assertThat(created.path("description").asText()).isEqualTo("looks");
            assertThat(created.path("colour").asText()).isEqualTo("blue");
            assertThat(created.path("options")).isEqualTo(JSON.readTree("{}"));
            Reply duplicate = cloud.send("POST", "/v3/roles", cloud.admin, "{\"role\": {\"name\": \"observer\"}}");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.message()).isEqualTo(
                    "Conflict occurred attempting to store role - Duplicate entry found with name observer.");
            Reply invalid = cloud.send("POST", "/v3/roles", cloud.admin, "{\"role\": {\"name\": 1}}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.message()).startsWith("Invalid input for field 'name': 1 is not of type 'string'");
            assertThat(cloud.send("POST", "/v3/roles", cloud.admin, "{\"role\": {}}").message())
                    .startsWith("'name' is a required property");
            JsonNode patched = cloud.ok("PATCH", "/v3/roles/" + observer, cloud.admin,
                    "{\"role\": {\"description\": \"watches\"}}", 200).path("role");
            assertThat(patched.path("description").asText()).isEqualTo("watches");
            assertThat(patched.path("name").asText()).isEqualTo("observer");
            assertThat(cloud.send("PATCH", "/v3/roles/" + observer, cloud.admin, "{\"role\": {\"name\": \"member\"}}")
                    .status()).isEqualTo(409);
            assertThat(cloud.send("PATCH", "/v3/roles/" + observer, cloud.admin, "{\"role\": {\"id\": \"other\"}}")
                    .message()).isEqualTo("Cannot change ID");
            Reply unknown = cloud.send("GET", "/v3/roles/nothing", member, null);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.message()).isEqualTo("Could not find role: nothing.");
            assertThat(cloud.send("GET", "/v3/roles/" + observer, member, null).status()).isEqualTo(403);

            String readerRole = cloud.id("roles", "reader");
            String adminRole = cloud.id("roles", "admin");
            String memberRole = cloud.id("roles", "member");
            JsonNode implied = cloud.ok("PUT", "/v3/roles/" + observer + "/implies/" + readerRole, cloud.admin, null,
                    201);
            assertThat(implied.path("role_inference").path("prior_role").path("name").asText()).isEqualTo("observer");
            assertThat(implied.path("role_inference").path("implies").path("name").asText()).isEqualTo("reader");
            assertThat(implied.path("links").path("self").asText()).isEqualTo(cloud.identity + "/v3/roles/" + observer
                    + "/implies/" + readerRole);
            assertThat(cloud.send("HEAD", "/v3/roles/" + observer + "/implies/" + readerRole, cloud.admin, null)
                    .status()).isEqualTo(204);
            JsonNode implies = cloud.ok("GET", "/v3/roles/" + adminRole + "/implies", cloud.admin, null, 200);
            assertThat(names(implies.path("role_inference").path("implies"))).containsExactly("member");
            JsonNode inferences = cloud.ok("GET", "/v3/role_inferences", cloud.admin, null, 200)
                    .path("role_inferences");
            List<String> pairs = new ArrayList<>();
            inferences.forEach(rule -> rule.path("implies").forEach(i -> pairs.add(
                    rule.path("prior_role").path("name").asText() + ">" + i.path("name").asText())));
            assertThat(pairs).containsExactlyInAnyOrder("admin>member", "member>reader", "observer>reader");
            Reply prohibited = cloud.send("PUT", "/v3/roles/" + memberRole + "/implies/" + adminRole, cloud.admin,
                    null);
            assertThat(prohibited.status()).isEqualTo(403);
            assertThat(prohibited.message()).isEqualTo(adminRole + " cannot be an implied roles.");
            assertThat(cloud.send("PUT", "/v3/roles/" + observer + "/implies/" + readerRole, member, null).status())
                    .isEqualTo(403);
            assertThat(cloud.send("GET", "/v3/role_inferences", reader, null).status()).isEqualTo(403);
            cloud.ok("DELETE", "/v3/roles/" + observer + "/implies/" + readerRole, cloud.admin, null, 204);
            Reply gone = cloud.send("GET", "/v3/roles/" + observer + "/implies/" + readerRole, cloud.admin, null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.message()).isEqualTo(observer + " does not imply " + readerRole + ".");

            // deleting a role takes its assignments and implications with it
            String demoProject = cloud.tokenReply("demo", "d3mo", "demo").json().path("token").path("project")
                    .path("id").asText();
            String demoUser = cloud.userId("demo", "d3mo", "demo");
            cloud.ok("PUT", "/v3/roles/" + observer + "/implies/" + readerRole, cloud.admin, null, 201);
            cloud.ok("PUT", "/v3/projects/" + demoProject + "/users/" + demoUser + "/roles/" + observer, cloud.admin,
                    null, 204);
            assertThat(names(cloud.tokenReply("demo", "d3mo", "demo").json().path("token").path("roles")))
                    .contains("observer");
            cloud.ok("DELETE", "/v3/roles/" + observer, cloud.admin, null, 204);
            assertThat(names(cloud.tokenReply("demo", "d3mo", "demo").json().path("token").path("roles")))
                    .containsExactlyInAnyOrder("member", "reader");
            assertThat(cloud.ok("GET", "/v3/role_assignments?role.id=" + observer, cloud.admin, null, 200)
                    .path("role_assignments")).isEmpty();
            assertThat(cloud.send("DELETE", "/v3/roles/" + observer, cloud.admin, null).status()).isEqualTo(404);

            for (String hostile : List.of("{\"role\": {\"name\": \"a\\u0000b\"}}",
                    "{\"role\": {\"name\": \"" + "x".repeat(300) + "\"}}", "{\"role\": []}", "{\"role\": \"x\"}",
                    "{\"role\": {\"name\": \"n\", \"options\": {\"immutable\": \"yes\"}}}",
                    "{\"role\": {\"name\": \"n\", \"options\": {\"other\": true}}}", "[]", "{", "null",
                    "{\"role\": {\"name\": \"   \"}}", "{\"role\": {\"name\": \"n\", \"description\": 5}}",
                    "{\"role\": {\"name\": \"n\", \"k\\u0000\": 1}}")) {
                Reply refused = cloud.send("POST", "/v3/roles", cloud.admin, hostile);
                assertThat(refused.status()).as(hostile + ": " + refused.body()).isEqualTo(400);
            }
            for (String path : List.of("/v3/roles/a%00b", "/v3/roles/" + "x".repeat(5000),
                    "/v3/roles/%00/implies/%00", "/v3/roles?name=%00", "/v3/roles/x/implies")) {
                // a NUL in the path is refused by the HTTP server itself (400)
                assertThat(cloud.send("GET", path, cloud.admin, null).status()).as(path).isIn(200, 400, 404);
            }
        }
    }

    @EachEngine
    void groupsGrantsAndEffectiveAssignments(String engine) throws Exception {
        try (Cloud cloud = new Cloud(engine)) {
            String member = cloud.token("demo", "d3mo", "demo");
            String bobToken = cloud.token("bob", "b0b", "bobs");
            String bob = cloud.userId("bob", "b0b", "bobs");
            String demoProject = cloud.tokenReply("demo", "d3mo", "demo").json().path("token").path("project")
                    .path("id").asText();
            String memberRole = cloud.id("roles", "member");
            String readerRole = cloud.id("roles", "reader");

            JsonNode group = cloud.ok("POST", "/v3/groups", cloud.admin,
                    "{\"group\": {\"name\": \" ops \", \"description\": \"operators\"}}", 201).path("group");
            String ops = group.path("id").asText();
            assertThat(group.path("name").asText()).isEqualTo("ops");
            assertThat(group.path("domain_id").asText()).isEqualTo("default");
            assertThat(group.path("links").path("self").asText()).isEqualTo(cloud.identity + "/v3/groups/" + ops);
            Reply duplicate = cloud.send("POST", "/v3/groups", cloud.admin, "{\"group\": {\"name\": \"ops\"}}");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.message()).isEqualTo("Conflict occurred attempting to store group - Duplicate entry "
                    + "found with name ops at domain ID default.");
            assertThat(cloud.send("POST", "/v3/groups", cloud.admin,
                    "{\"group\": {\"name\": \"g\", \"domain_id\": \"nodomain\"}}").message())
                    .isEqualTo("Could not find domain: nodomain.");
            assertThat(cloud.send("POST", "/v3/groups", member, "{\"group\": {\"name\": \"g\"}}").status())
                    .isEqualTo(403);
            assertThat(cloud.send("GET", "/v3/groups", member, null).status()).isEqualTo(403);
            assertThat(cloud.send("GET", "/v3/groups/nothing", cloud.admin, null).message())
                    .isEqualTo("Could not find group: nothing.");
            assertThat(cloud.ok("PATCH", "/v3/groups/" + ops, cloud.admin,
                    "{\"group\": {\"description\": \"on call\"}}", 200).path("group").path("description").asText())
                    .isEqualTo("on call");
            assertThat(cloud.send("PATCH", "/v3/groups/" + ops, cloud.admin,
                    "{\"group\": {\"domain_id\": \"other\"}}").message()).isEqualTo("Cannot change Domain ID");

            // bob has no role on demo: no token there
            assertThat(cloud.tokenReply("bob", "b0b", "demo").status()).isEqualTo(401);
            cloud.ok("PUT", "/v3/projects/" + demoProject + "/groups/" + ops + "/roles/" + memberRole, cloud.admin,
                    null, 204);
            cloud.ok("PUT", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null, 204);
            cloud.ok("PUT", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null, 204);
            cloud.ok("HEAD", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null, 204);
            assertThat(names(cloud.ok("GET", "/v3/groups/" + ops + "/users", cloud.admin, null, 200).path("users")))
                    .containsExactly("bob");
            // a user may list its own groups (Keystone's owner rule)
            JsonNode bobsGroups = cloud.ok("GET", "/v3/users/" + bob + "/groups", bobToken, null, 200);
            assertThat(names(bobsGroups.path("groups"))).containsExactly("ops");
            assertThat(cloud.send("GET", "/v3/users/" + bob + "/groups", member, null).status()).isEqualTo(403);
            assertThat(cloud.send("PUT", "/v3/groups/" + ops + "/users/nobody", cloud.admin, null).message())
                    .isEqualTo("Could not find user: nobody.");
            assertThat(cloud.send("PUT", "/v3/groups/" + ops + "/users/" + bob, member, null).status())
                    .isEqualTo(403);

            JsonNode bobOnDemo = cloud.tokenReply("bob", "b0b", "demo").json().path("token");
            assertThat(names(bobOnDemo.path("roles"))).containsExactlyInAnyOrder("member", "reader");

            JsonNode effective = cloud.ok("GET", "/v3/role_assignments?effective&scope.project.id=" + demoProject,
                    cloud.admin, null, 200).path("role_assignments");
            List<String> seen = new ArrayList<>();
            for (JsonNode assignment : effective) {
                assertThat(assignment.has("group")).isFalse();
                seen.add(assignment.path("user").path("id").asText() + ":" + assignment.path("role").path("id").asText());
                if (assignment.path("user").path("id").asText().equals(bob)) {
                    assertThat(assignment.path("links").path("membership").asText())
                            .isEqualTo(cloud.identity + "/v3/groups/" + ops + "/users/" + bob);
                }
                if (assignment.path("role").path("id").asText().equals(readerRole)) {
                    assertThat(assignment.path("links").path("prior_role").asText()).contains("/implies/");
                }
            }
            assertThat(seen).contains(bob + ":" + memberRole, bob + ":" + readerRole);
            JsonNode direct = cloud.ok("GET", "/v3/role_assignments?scope.project.id=" + demoProject
                    + "&include_names", cloud.admin, null, 200).path("role_assignments");
            boolean sawGroup = false;
            for (JsonNode assignment : direct) {
                if (assignment.has("group")) {
                    sawGroup = true;
                    assertThat(assignment.path("group").path("name").asText()).isEqualTo("ops");
                    assertThat(assignment.path("role").path("name").asText()).isEqualTo("member");
                    assertThat(assignment.path("scope").path("project").path("name").asText()).isEqualTo("demo");
                    assertThat(assignment.path("links").path("assignment").asText()).isEqualTo(cloud.identity
                            + "/v3/projects/" + demoProject + "/groups/" + ops + "/roles/" + memberRole);
                }
            }
            assertThat(sawGroup).isTrue();
            assertThat(cloud.ok("GET", "/v3/role_assignments?user.id=" + bob + "&effective", cloud.admin, null, 200)
                    .path("role_assignments")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(cloud.send("GET", "/v3/role_assignments?user.id=a&group.id=b", cloud.admin, null).message())
                    .isEqualTo("Specify a user or group, not both");
            assertThat(cloud.send("GET", "/v3/role_assignments?effective&group.id=" + ops, cloud.admin, null)
                    .status()).isEqualTo(400);
            assertThat(cloud.send("GET", "/v3/role_assignments", member, null).status()).isEqualTo(403);

            // grants: check, list, refusals
            String grant = "/v3/projects/" + demoProject + "/groups/" + ops + "/roles/" + memberRole;
            cloud.ok("HEAD", grant, cloud.admin, null, 204);
            assertThat(names(cloud.ok("GET", "/v3/projects/" + demoProject + "/groups/" + ops + "/roles",
                    cloud.admin, null, 200).path("roles"))).containsExactly("member");
            assertThat(cloud.send("PUT", "/v3/projects/" + demoProject + "/users/" + bob + "/roles/nothing",
                    cloud.admin, null).message()).isEqualTo("Could not find role: nothing.");
            assertThat(cloud.send("PUT", "/v3/projects/nothing/users/" + bob + "/roles/" + memberRole, cloud.admin,
                    null).message()).isEqualTo("Could not find project: nothing.");
            assertThat(cloud.send("PUT", "/v3/projects/" + demoProject + "/users/nobody/roles/" + memberRole,
                    cloud.admin, null).message()).isEqualTo("Could not find user: nobody.");
            assertThat(cloud.send("PUT", "/v3/projects/" + demoProject + "/users/" + bob + "/roles/" + memberRole,
                    member, null).status()).isEqualTo(403);
            Reply notGranted = cloud.send("GET", "/v3/projects/" + demoProject + "/users/" + bob + "/roles/"
                    + memberRole, cloud.admin, null);
            assertThat(notGranted.status()).isEqualTo(404);
            assertThat(notGranted.message()).isEqualTo("Could not find role assignment with role: " + memberRole
                    + ", user or group: " + bob + ", project, domain, or system: " + demoProject + ".");
            cloud.ok("PUT", "/v3/domains/default/users/" + bob + "/roles/" + readerRole, cloud.admin, null, 204);
            JsonNode onDomain = cloud.ok("GET", "/v3/role_assignments?scope.domain.id=default&user.id=" + bob,
                    cloud.admin, null, 200).path("role_assignments");
            assertThat(onDomain).hasSize(1);
            assertThat(onDomain.get(0).path("scope").path("domain").path("id").asText()).isEqualTo("default");
            assertThat(names(cloud.ok("GET", "/v3/domains/default/users/" + bob + "/roles", cloud.admin, null, 200)
                    .path("roles"))).containsExactly("reader");
            assertThat(cloud.send("PUT", "/v3/domains/nodomain/groups/" + ops + "/roles/" + readerRole, cloud.admin,
                    null).message()).isEqualTo("Could not find domain: nodomain.");

            // leaving the group ends the role on demo for new tokens
            cloud.ok("DELETE", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null, 204);
            assertThat(cloud.send("DELETE", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null).message())
                    .isEqualTo("User '" + bob + "' not found in group '" + ops + "'");
            assertThat(cloud.send("HEAD", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null).status())
                    .isEqualTo(404);
            assertThat(cloud.tokenReply("bob", "b0b", "demo").status()).isEqualTo(401);
            cloud.ok("PUT", "/v3/groups/" + ops + "/users/" + bob, cloud.admin, null, 204);
            assertThat(cloud.tokenReply("bob", "b0b", "demo").status()).isEqualTo(201);
            cloud.ok("DELETE", grant, cloud.admin, null, 204);
            assertThat(cloud.send("DELETE", grant, cloud.admin, null).status()).isEqualTo(404);
            assertThat(cloud.tokenReply("bob", "b0b", "demo").status()).isEqualTo(401);
            cloud.ok("PUT", grant, cloud.admin, null, 204);
            assertThat(cloud.send("DELETE", "/v3/groups/nothing", member, null).status()).isEqualTo(404);
            assertThat(cloud.send("DELETE", "/v3/groups/" + ops, member, null).status()).isEqualTo(403);
            cloud.ok("DELETE", "/v3/groups/" + ops, cloud.admin, null, 204);
            assertThat(cloud.tokenReply("bob", "b0b", "demo").status()).isEqualTo(401);
            assertThat(cloud.ok("GET", "/v3/users/" + bob + "/groups", cloud.admin, null, 200).path("groups"))
                    .isEmpty();

            for (String hostile : List.of("{\"group\": {\"name\": \"a\\u0000\"}}", "{\"group\": {\"name\": 7}}",
                    "{\"group\": {\"name\": \"g\", \"domain_id\": \"" + "d".repeat(100) + "\"}}",
                    "{\"group\": {\"name\": \"g\", \"domain_id\": \"a b\"}}", "{\"group\": null}", "[1]")) {
                Reply refused = cloud.send("POST", "/v3/groups", cloud.admin, hostile);
                assertThat(refused.status()).as(hostile + ": " + refused.body()).isEqualTo(400);
            }
            for (String path : List.of("/v3/projects/%00/users/%00/roles/%00", "/v3/groups/%00/users/%00",
                    "/v3/role_assignments?user.id=%00&scope.project.id=" + "p".repeat(4000),
                    "/v3/domains/" + "d".repeat(4000) + "/groups/x/roles", "/v3/users/%00/groups")) {
                for (String method : List.of("GET", "PUT", "DELETE")) {
                    int status = cloud.send(method, path, cloud.admin, null).status();
                    assertThat(status).as(method + " " + path).isLessThan(500);
                }
            }
        }
    }

    @EachEngine
    void catalogServicesEndpointsAndRegions(String engine) throws Exception {
        try (Cloud cloud = new Cloud(engine)) {
            String member = cloud.token("demo", "d3mo", "demo");
            JsonNode regions = cloud.ok("GET", "/v3/regions", member, null, 200).path("regions");
            assertThat(regions.get(0).path("id").asText()).isEqualTo("RegionOne");
            assertThat(regions.get(0).path("parent_region_id").isNull()).isTrue();
            assertThat(cloud.send("POST", "/v3/regions", member, "{\"region\": {}}").status()).isEqualTo(403);
            assertThat(cloud.send("GET", "/v3/services", member, null).status()).isEqualTo(403);
            assertThat(cloud.send("POST", "/v3/services", member, "{\"service\": {\"type\": \"image\"}}").status())
                    .isEqualTo(403);

            JsonNode service = cloud.ok("POST", "/v3/services", cloud.admin, "{\"service\": {\"type\": \"image\", "
                    + "\"name\": \"glance\", \"description\": \"images\"}}", 201).path("service");
            String image = service.path("id").asText();
            assertThat(service.path("enabled").asBoolean()).isTrue();
            assertThat(service.path("description").asText()).isEqualTo("images");
            assertThat(service.path("links").path("self").asText()).isEqualTo(cloud.identity + "/v3/services/" + image);
            assertThat(names(cloud.ok("GET", "/v3/services?type=image", cloud.admin, null, 200).path("services")))
                    .containsExactly("glance");
            assertThat(cloud.send("POST", "/v3/services", cloud.admin, "{}").message())
                    .startsWith("None is not of type 'object'");
            assertThat(cloud.send("GET", "/v3/services/nothing", cloud.admin, null).message())
                    .isEqualTo("Could not find service: nothing.");

            JsonNode endpoint = cloud.ok("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \""
                    + image + "\", \"interface\": \"public\", \"url\": \"http://glance:9292\", \"region\": "
                    + "\"RegionTwo\"}}", 201).path("endpoint");
            String publicEndpoint = endpoint.path("id").asText();
            assertThat(endpoint.path("region_id").asText()).isEqualTo("RegionTwo");
            assertThat(endpoint.path("region").asText()).isEqualTo("RegionTwo");
            assertThat(endpoint.path("enabled").asBoolean()).isTrue();
            cloud.ok("GET", "/v3/regions/RegionTwo", member, null, 200);
            Reply badInterface = cloud.send("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \""
                    + image + "\", \"interface\": \"private\", \"url\": \"http://glance:9292\"}}");
            assertThat(badInterface.status()).isEqualTo(400);
            assertThat(badInterface.message()).startsWith("Invalid input for field 'interface': 'private' is not one "
                    + "of ['admin', 'internal', 'public']");
            assertThat(cloud.send("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \"nothing\", "
                    + "\"interface\": \"admin\", \"url\": \"http://x\"}}").message())
                    .startsWith("Expecting to find endpoint service_id in service table.");
            assertThat(cloud.send("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \"" + image
                    + "\", \"interface\": \"admin\", \"url\": \"http://x\", \"region_id\": \"Nowhere\"}}").message())
                    .startsWith("Expecting to find endpoint region_id in region table.");
            assertThat(cloud.send("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \"" + image
                    + "\", \"interface\": \"admin\", \"url\": \"no-scheme\"}}").status()).isEqualTo(400);
            cloud.ok("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \"" + image
                    + "\", \"interface\": \"internal\", \"url\": \"http://glance-internal:9292\", \"region_id\": "
                    + "\"RegionTwo\"}}", 201);
            assertThat(cloud.ok("GET", "/v3/endpoints?service_id=" + image + "&interface=internal", cloud.admin, null,
                    200).path("endpoints")).hasSize(1);
            assertThat(cloud.send("GET", "/v3/endpoints/nothing", member, null).status()).isEqualTo(404);
            assertThat(cloud.send("GET", "/v3/endpoints/" + publicEndpoint, member, null).status()).isEqualTo(403);

            JsonNode catalog = cloud.tokenReply("admin", "s3cret", "admin").json().path("token").path("catalog");
            assertThat(endpointsOf(catalog, "image")).containsExactlyInAnyOrder("public", "internal");
            JsonNode authCatalog = cloud.ok("GET", "/v3/auth/catalog", member, null, 200);
            assertThat(endpointsOf(authCatalog.path("catalog"), "image")).containsExactlyInAnyOrder("public",
                    "internal");
            assertThat(authCatalog.path("links").path("self").asText()).isEqualTo(cloud.identity + "/v3/auth/catalog");

            cloud.ok("PATCH", "/v3/endpoints/" + publicEndpoint, cloud.admin, "{\"endpoint\": {\"enabled\": false}}",
                    200);
            catalog = cloud.tokenReply("admin", "s3cret", "admin").json().path("token").path("catalog");
            assertThat(endpointsOf(catalog, "image")).containsExactly("internal");
            cloud.ok("PATCH", "/v3/services/" + image, cloud.admin, "{\"service\": {\"enabled\": false}}", 200);
            catalog = cloud.tokenReply("admin", "s3cret", "admin").json().path("token").path("catalog");
            assertThat(names(catalog, "type")).doesNotContain("image").contains("compute", "identity");
            cloud.ok("PATCH", "/v3/services/" + image, cloud.admin, "{\"service\": {\"enabled\": true, "
                    + "\"name\": \"glance2\"}}", 200);
            catalog = cloud.tokenReply("admin", "s3cret", "admin").json().path("token").path("catalog");
            assertThat(names(catalog, "name")).contains("glance2");

            Reply busy = cloud.send("DELETE", "/v3/regions/RegionTwo", cloud.admin, null);
            assertThat(busy.status()).isEqualTo(403);
            assertThat(busy.message()).isEqualTo("Unable to delete region RegionTwo because it or its child regions "
                    + "have associated endpoints.");
            cloud.ok("DELETE", "/v3/services/" + image, cloud.admin, null, 204);
            assertThat(cloud.ok("GET", "/v3/endpoints?service_id=" + image, cloud.admin, null, 200).path("endpoints"))
                    .isEmpty();
            assertThat(cloud.send("GET", "/v3/endpoints/" + publicEndpoint, cloud.admin, null).message())
                    .isEqualTo("Could not find endpoint: " + publicEndpoint + ".");

            JsonNode put = cloud.ok("PUT", "/v3/regions/RegionThree", cloud.admin,
                    "{\"region\": {\"description\": \"third\", \"parent_region_id\": \"RegionTwo\"}}", 201)
                    .path("region");
            assertThat(put.path("id").asText()).isEqualTo("RegionThree");
            assertThat(put.path("parent_region_id").asText()).isEqualTo("RegionTwo");
            assertThat(cloud.send("PUT", "/v3/regions/RegionThree", cloud.admin, "{\"region\": {}}").message())
                    .isEqualTo("Conflict occurred attempting to store region - Duplicate ID, RegionThree.");
            assertThat(cloud.send("PUT", "/v3/regions/A", cloud.admin, "{\"region\": {\"id\": \"B\"}}").message())
                    .isEqualTo("Conflicting region IDs specified: \"A\" != \"B\"");
            assertThat(cloud.send("PATCH", "/v3/regions/RegionTwo", cloud.admin,
                    "{\"region\": {\"parent_region_id\": \"RegionThree\"}}").message()).isEqualTo(
                    "The specified parent region RegionThree would create a circular region hierarchy.");
            assertThat(cloud.send("POST", "/v3/regions", cloud.admin,
                    "{\"region\": {\"parent_region_id\": \"Nowhere\"}}").message())
                    .isEqualTo("Could not find region: Nowhere.");
            JsonNode generated = cloud.ok("POST", "/v3/regions", cloud.admin, "{\"region\": {}}", 201).path("region");
            assertThat(generated.path("id").asText()).hasSize(32);
            assertThat(generated.path("description").asText()).isEmpty();
            assertThat(cloud.ok("GET", "/v3/regions?parent_region_id=RegionTwo", member, null, 200).path("regions"))
                    .hasSize(1);
            cloud.ok("DELETE", "/v3/regions/RegionTwo", cloud.admin, null, 204);
            assertThat(cloud.send("GET", "/v3/regions/RegionThree", cloud.admin, null).status()).isEqualTo(404);

            for (String[] hostile : List.of(new String[] {"POST", "/v3/services", "{\"service\": {\"type\": 1}}"},
                    new String[] {"POST", "/v3/services", "{\"service\": {\"type\": \"a\\u0000\"}}"},
                    new String[] {"POST", "/v3/services", "{\"service\": {\"type\": \"" + "t".repeat(300) + "\"}}"},
                    new String[] {"POST", "/v3/services", "{\"service\": {\"type\": \"t\", \"enabled\": \"yes\"}}"},
                    new String[] {"POST", "/v3/endpoints", "{\"endpoint\": {\"service_id\": 1}}"},
                    new String[] {"POST", "/v3/endpoints", "{\"endpoint\": {\"service_id\": \"x\", \"interface\": "
                            + "\"public\", \"url\": \"http://" + "u".repeat(300) + "\"}}"},
                    new String[] {"POST", "/v3/regions", "{\"region\": {\"id\": \"" + "r".repeat(300) + "\"}}"},
                    new String[] {"POST", "/v3/regions", "{\"region\": {\"id\": \"a\\u0000\"}}"},
                    new String[] {"POST", "/v3/regions", "{\"region\": {\"description\": \"" + "d".repeat(300)
                            + "\"}}"},
                    new String[] {"PUT", "/v3/regions/x", "{\"region\": {\"parent_region_id\": 5}}"},
                    new String[] {"PATCH", "/v3/regions/RegionOne", "{\"region\": {}}"})) {
                Reply refused = cloud.send(hostile[0], hostile[1], cloud.admin, hostile[2]);
                assertThat(refused.status()).as(String.join(" ", hostile) + ": " + refused.body()).isEqualTo(400);
            }
            for (String path : List.of("/v3/regions/%00", "/v3/endpoints/%00", "/v3/services/%00",
                    "/v3/regions/" + "r".repeat(3000), "/v3/endpoints?region_id=%00&service_id=%00")) {
                for (String method : List.of("GET", "PATCH", "DELETE", "PUT")) {
                    int status;
                    try {
                        status = cloud.send(method, path, cloud.admin, path.contains("%00") ? null
                                : "{\"region\": {}}").status();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(method + " " + path, e);
                    }
                    assertThat(status).as(method + " " + path).isLessThan(500);
                }
            }
            // an unscoped token has no catalog to ask for
            Reply unscoped = cloud.send("POST", "/v3/auth/tokens", null, "{\"auth\": {\"identity\": {\"methods\": "
                    + "[\"password\"], \"password\": {\"user\": {\"name\": \"admin\", \"domain\": {\"id\": "
                    + "\"default\"}, \"password\": \"s3cret\"}}}}}");
            String unscopedToken = unscoped.headers().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("X-Subject-Token")).map(e -> e.getValue().get(0))
                    .findFirst().orElseThrow();
            Reply noCatalog = cloud.send("GET", "/v3/auth/catalog", unscopedToken, null);
            assertThat(noCatalog.status()).isEqualTo(403);
            assertThat(noCatalog.message()).isEqualTo("A project-scoped token is required to produce a service "
                    + "catalog.");
        }
    }

    /** The bodies against Keystone's published OpenAPI description. */
    @org.junit.jupiter.api.Test
    void bodiesConformToTheOpenApiDescription() throws Exception {
        org.jnova.testing.OpenApiConformance api = IDENTITY_API;
        try (Cloud cloud = new Cloud("sqlite")) {
            String reader = cloud.id("roles", "reader");
            String admin = cloud.id("roles", "admin");
            String group = cloud.ok("POST", "/v3/groups", cloud.admin, "{\"group\": {\"name\": \"ops\"}}", 201)
                    .path("group").path("id").asText();
            String service = cloud.ok("POST", "/v3/services", cloud.admin,
                    "{\"service\": {\"type\": \"image\", \"name\": \"glance\"}}", 201).path("service").path("id")
                    .asText();
            String endpoint = cloud.ok("POST", "/v3/endpoints", cloud.admin, "{\"endpoint\": {\"service_id\": \""
                    + service + "\", \"interface\": \"public\", \"url\": \"http://glance\", \"region_id\": "
                    + "\"RegionOne\"}}", 201).path("endpoint").path("id").asText();
            List<String[]> calls = List.of(new String[] {"GET", "/v3/roles", "/v3/roles"},
                    new String[] {"GET", "/v3/roles/" + reader, "/v3/roles/{role_id}"},
                    new String[] {"GET", "/v3/roles/" + admin + "/implies", "/v3/roles/{prior_role_id}/implies"},
                    new String[] {"GET", "/v3/role_inferences", "/v3/role_inferences"},
                    new String[] {"GET", "/v3/role_assignments?include_names", "/v3/role_assignments"},
                    new String[] {"GET", "/v3/role_assignments?effective", "/v3/role_assignments"},
                    new String[] {"GET", "/v3/groups", "/v3/groups"},
                    new String[] {"GET", "/v3/groups/" + group, "/v3/groups/{group_id}"},
                    new String[] {"GET", "/v3/groups/" + group + "/users", "/v3/groups/{group_id}/users"},
                    new String[] {"GET", "/v3/services", "/v3/services"},
                    new String[] {"GET", "/v3/services/" + service, "/v3/services/{service_id}"},
                    new String[] {"GET", "/v3/endpoints", "/v3/endpoints"},
                    new String[] {"GET", "/v3/endpoints/" + endpoint, "/v3/endpoints/{endpoint_id}"},
                    new String[] {"GET", "/v3/regions", "/v3/regions"},
                    new String[] {"GET", "/v3/regions/RegionOne", "/v3/regions/{region_id}"},
                    new String[] {"GET", "/v3/auth/catalog", "/v3/auth/catalog"});
            List<String> violations = new ArrayList<>();
            for (String[] call : calls) {
                Reply reply = cloud.send(call[0], call[1], cloud.admin, null);
                assertThat(reply.status()).as(call[1]).isEqualTo(200);
                api.violations(call[0], call[2], reply.status(), "3.14", reply.json())
                        .forEach(v -> violations.add(call[1] + " " + v));
            }
            assertThat(violations).isEmpty();
        }
    }

    /** Debian's openstack CLI: role add by names (it resolves them to ids) and role assignment list. */
    @org.junit.jupiter.api.Test
    void openstackCliAddsAndListsRoleAssignments() throws Exception {
        java.nio.file.Path cli = java.nio.file.Path.of("/usr/bin/openstack");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(cli), "no openstack CLI");
        try (Cloud cloud = new Cloud("sqlite")) {
            String bob = cloud.userId("bob", "b0b", "bobs");
            // the CLI resolves --user through GET /v3/users/{id}
            org.junit.jupiter.api.Assumptions.assumeTrue(cloud.send("GET", "/v3/users/" + bob, cloud.admin, null)
                    .status() == 200, "no users API to resolve --user");
            openstack(cli, cloud.identity, "role", "add", "--project", "demo", "--user", bob, "member");
            assertThat(cloud.tokenReply("bob", "b0b", "demo").status()).isEqualTo(201);
            JsonNode listed = JSON.readTree(openstack(cli, cloud.identity, "role", "assignment", "list", "--project",
                    "demo", "--names", "-f", "json"));
            List<String> rows = new ArrayList<>();
            listed.forEach(row -> rows.add(row.path("User").asText() + "/" + row.path("Role").asText()));
            assertThat(rows).contains("bob@Default/member", "demo@Default/member");
            JsonNode roles = JSON.readTree(openstack(cli, cloud.identity, "role", "list", "-f", "json"));
            assertThat(names(roles, "Name")).contains("admin", "member", "reader");
        }
    }

    /** Debian's openstack CLI on roles, assignments and the catalog, which need no users API. */
    @org.junit.jupiter.api.Test
    void openstackCliManagesRolesAndTheCatalog() throws Exception {
        java.nio.file.Path cli = java.nio.file.Path.of("/usr/bin/openstack");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(cli), "no openstack CLI");
        try (Cloud cloud = new Cloud("sqlite")) {
            JsonNode created = JSON.readTree(openstack(cli, cloud.identity, "role", "create", "auditor",
                    "--description", "reads the logs", "-f", "json"));
            assertThat(created.path("name").asText()).isEqualTo("auditor");
            assertThat(created.path("description").asText()).isEqualTo("reads the logs");
            openstack(cli, cloud.identity, "implied", "role", "create", "auditor", "--implied-role", "reader");
            assertThat(openstack(cli, cloud.identity, "implied", "role", "list", "-f", "json")).contains("auditor");
            JsonNode roles = JSON.readTree(openstack(cli, cloud.identity, "role", "list", "-f", "json"));
            assertThat(names(roles, "Name")).containsExactlyInAnyOrder("admin", "auditor", "member", "reader");
            JsonNode assignments = JSON.readTree(openstack(cli, cloud.identity, "role", "assignment", "list",
                    "--effective", "-f", "json"));
            assertThat(assignments).hasSizeGreaterThanOrEqualTo(3);
            openstack(cli, cloud.identity, "role", "delete", "auditor");

            JsonNode service = JSON.readTree(openstack(cli, cloud.identity, "service", "create", "--name", "glance",
                    "--description", "images", "image", "-f", "json"));
            assertThat(service.path("type").asText()).isEqualTo("image");
            openstack(cli, cloud.identity, "region", "create", "RegionTwo");
            openstack(cli, cloud.identity, "endpoint", "create", "--region", "RegionTwo", "glance", "public",
                    "http://glance:9292");
            JsonNode endpoints = JSON.readTree(openstack(cli, cloud.identity, "endpoint", "list", "--service",
                    "image", "-f", "json"));
            assertThat(endpoints).hasSize(1);
            assertThat(endpoints.get(0).path("URL").asText()).isEqualTo("http://glance:9292");
            JsonNode catalog = JSON.readTree(openstack(cli, cloud.identity, "catalog", "list", "-f", "json"));
            assertThat(names(catalog, "Type")).contains("image", "identity", "compute");
            JsonNode regions = JSON.readTree(openstack(cli, cloud.identity, "region", "list", "-f", "json"));
            assertThat(names(regions, "Region")).containsExactlyInAnyOrder("RegionOne", "RegionTwo");
        }
    }

    /** The interfaces of the enabled endpoints of the catalog's service of {@code type}. */
    private static List<String> endpointsOf(JsonNode catalog, String type) {
        List<String> interfaces = new ArrayList<>();
        for (JsonNode service : catalog) {
            if (service.path("type").asText().equals(type)) {
                service.path("endpoints").forEach(e -> interfaces.add(e.path("interface").asText()));
            }
        }
        return interfaces;
    }

}
