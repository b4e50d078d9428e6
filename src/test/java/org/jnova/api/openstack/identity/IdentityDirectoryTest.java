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
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.identity.IdentityHttp.Reply;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Identity v3 domains, projects and users on a real socket: Keystone's bodies, filters,
 * policy (admin against a member of one project), refusals with Keystone's messages, the
 * scopes a token may take, and tokens that end when their user or project is disabled or
 * deleted.
 */
class IdentityDirectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityHttp http = new IdentityHttp();
    private String identity;
    private String admin;

    @EachEngine
    void domains(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            Reply created = call("POST", "/domains", admin, "{\"domain\": {\"name\": \" d1 \", \"color\": \"blue\", "
                    + "\"tags\": [\"a\", \"b\"]}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode domain = created.json().path("domain");
            String id = domain.path("id").asText();
            assertThat(id).matches("[0-9a-f]{32}");
            assertThat(domain.path("name").asText()).isEqualTo("d1");
            assertThat(domain.path("description").asText()).isEmpty();
            assertThat(domain.path("enabled").asBoolean()).isTrue();
            assertThat(domain.path("color").asText()).isEqualTo("blue");
            assertThat(domain.path("tags")).hasSize(2);
            assertThat(domain.path("options").isObject()).isTrue();
            assertThat(domain.path("links").path("self").asText()).isEqualTo(identity + "/v3/domains/" + id);
            assertThat(domain.has("domain_id")).isFalse();

            Reply duplicate = call("POST", "/domains", admin, "{\"domain\": {\"name\": \"d1\"}}");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.message()).isEqualTo("Conflict occurred attempting to store project - it is not "
                    + "permitted to have two projects acting as domains with the same name: d1.");

            Reply listed = call("GET", "/domains?name=d1", admin, null);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(names(listed.json().path("domains"))).containsExactly("d1");
            assertThat(listed.json().path("links").path("self").asText()).isEqualTo(identity + "/v3/domains?name=d1");
            assertThat(listed.json().path("links").path("next").isNull()).isTrue();
            assertThat(names(call("GET", "/domains", admin, null).json().path("domains")))
                    .containsExactlyInAnyOrder("Default", "d1");
            assertThat(names(call("GET", "/domains?enabled=false", admin, null).json().path("domains"))).isEmpty();

            Reply updated = call("PATCH", "/domains/" + id, admin, "{\"domain\": {\"description\": \"first\", "
                    + "\"size\": 3}}");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().path("domain").path("description").asText()).isEqualTo("first");
            assertThat(updated.json().path("domain").path("color").asText()).isEqualTo("blue");
            assertThat(updated.json().path("domain").path("size").asInt()).isEqualTo(3);
            assertThat(call("PATCH", "/domains/" + id, admin, "{\"domain\": {}}").message())
                    .isEqualTo("{} does not have enough properties");

            Reply project = call("POST", "/projects", admin, "{\"project\": {\"name\": \"inside\", \"domain_id\": \""
                    + id + "\"}}");
            assertThat(project.status()).isEqualTo(201);
            Reply user = call("POST", "/users", admin, "{\"user\": {\"name\": \"someone\", \"domain_id\": \"" + id
                    + "\"}}");
            assertThat(user.status()).isEqualTo(201);

            Reply enabled = call("DELETE", "/domains/" + id, admin, null);
            assertThat(enabled.status()).isEqualTo(403);
            assertThat(enabled.message()).isEqualTo("Cannot delete a domain that is enabled, please disable it first.");
            assertThat(call("PATCH", "/domains/" + id, admin, "{\"domain\": {\"enabled\": false}}").status())
                    .isEqualTo(200);
            assertThat(call("DELETE", "/domains/" + id, admin, null).status()).isEqualTo(204);
            Reply gone = call("GET", "/domains/" + id, admin, null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.message()).isEqualTo("Could not find domain: " + id + ".");
            assertThat(call("GET", "/projects/" + project.json().path("project").path("id").asText(), admin, null)
                    .status()).isEqualTo(404);
            assertThat(call("GET", "/users/" + user.json().path("user").path("id").asText(), admin, null).status())
                    .isEqualTo(404);
            assertThat(call("DELETE", "/domains/" + id, admin, null).status()).isEqualTo(404);

            // the published description allows no extra attributes in a domain, which Keystone shows
            Reply plain = call("POST", "/domains", admin, "{\"domain\": {\"name\": \"plain\", \"tags\": [\"t\"]}}");
            conforms("POST", "/v3/domains", plain);
            String plainId = plain.json().path("domain").path("id").asText();
            conforms("PATCH", "/v3/domains/{domain_id}", call("PATCH", "/domains/" + plainId, admin,
                    "{\"domain\": {\"description\": \"d\"}}"));
            conforms("GET", "/v3/domains/{domain_id}", call("GET", "/domains/" + plainId, admin, null));
            conforms("GET", "/v3/domains", call("GET", "/domains?name=plain", admin, null));
            assertThat(call("POST", "/domains", admin, "{\"domain\": {\"name\": \"e\", \"explicit_domain_id\": "
                    + "\"not-a-uuid\"}}").message()).isEqualTo("Domain ID does not conform to required UUID format.");
            String explicit = "0123456789abcdef0123456789abcdef";
            assertThat(call("POST", "/domains", admin, "{\"domain\": {\"name\": \"e\", \"explicit_domain_id\": \""
                    + explicit + "\"}}").json().path("domain").path("id").asText()).isEqualTo(explicit);

            String member = memberToken(jnova);
            assertThat(call("GET", "/domains", member, null).status()).isEqualTo(403);
            assertThat(call("POST", "/domains", member, "{\"domain\": {\"name\": \"x\"}}").status()).isEqualTo(403);
            assertThat(call("GET", "/domains/default", member, null).status()).isEqualTo(200);
            assertThat(call("GET", "/domains/" + explicit, member, null).status()).isEqualTo(403);
            assertThat(call("GET", "/domains", null, null).status()).isEqualTo(401);
            Reply domains = call("GET", "/auth/domains", member, null);
            assertThat(domains.status()).isEqualTo(200);
            assertThat(domains.json().path("domains")).isEmpty();
            conforms("GET", "/v3/auth/domains", domains);
        }
    }

    @EachEngine
    void projectsAndTheirTags(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            Reply created = call("POST", "/projects", admin, "{\"project\": {\"name\": \"p1\", \"domain_id\": "
                    + "\"default\", \"description\": \"one\", \"tags\": [\"x\"], \"flavor\": \"small\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            conforms("POST", "/v3/projects", created);
            conforms("GET", "/v3/projects", call("GET", "/projects", admin, null));
            JsonNode p1 = created.json().path("project");
            String p1Id = p1.path("id").asText();
            assertThat(p1.path("domain_id").asText()).isEqualTo("default");
            assertThat(p1.path("parent_id").asText()).isEqualTo("default");
            assertThat(p1.path("is_domain").asBoolean()).isFalse();
            assertThat(p1.path("is_domain").isBoolean()).isTrue();
            assertThat(p1.path("enabled").asBoolean()).isTrue();
            assertThat(p1.path("flavor").asText()).isEqualTo("small");
            assertThat(p1.path("options").isObject()).isTrue();
            assertThat(p1.path("links").path("self").asText()).isEqualTo(identity + "/v3/projects/" + p1Id);

            Reply duplicate = call("POST", "/projects", admin, "{\"project\": {\"name\": \"p1\"}}");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.message()).startsWith("Conflict occurred attempting to store project - it is not "
                    + "permitted to have two projects with either the same name or same id in the same domain: "
                    + "name is p1, project id ");
            Reply noDomain = call("POST", "/projects", admin, "{\"project\": {\"name\": \"p\", \"domain_id\": "
                    + "\"nowhere\"}}");
            assertThat(noDomain.status()).isEqualTo(400);
            assertThat(noDomain.message()).isEqualTo("Could not find domain: nowhere.");

            Reply child = call("POST", "/projects", admin, "{\"project\": {\"name\": \"child\", \"parent_id\": \""
                    + p1Id + "\"}}");
            assertThat(child.status()).isEqualTo(201);
            String childId = child.json().path("project").path("id").asText();
            assertThat(child.json().path("project").path("parent_id").asText()).isEqualTo(p1Id);
            assertThat(names(call("GET", "/projects?parent_id=" + p1Id, admin, null).json().path("projects")))
                    .containsExactly("child");
            assertThat(names(call("GET", "/projects?tags=x", admin, null).json().path("projects")))
                    .containsExactly("p1");
            assertThat(names(call("GET", "/projects?name=admin", admin, null).json().path("projects")))
                    .containsExactly("admin");
            assertThat(names(call("GET", "/projects?is_domain=true", admin, null).json().path("projects")))
                    .containsExactly("Default");
            assertThat(call("GET", "/projects/default", admin, null).json().path("project").path("is_domain")
                    .asBoolean()).isTrue();

            Reply notLeaf = call("DELETE", "/projects/" + p1Id, admin, null);
            assertThat(notLeaf.status()).isEqualTo(403);
            assertThat(notLeaf.message()).isEqualTo("Cannot delete the project " + p1Id + " since it is not a leaf "
                    + "in the hierarchy. Use the cascade option if you want to delete a whole subtree.");
            assertThat(call("PATCH", "/projects/" + p1Id, admin, "{\"project\": {\"enabled\": false}}").message())
                    .isEqualTo("Cannot disable project " + p1Id + " since its subtree contains enabled projects.");
            assertThat(call("PATCH", "/projects/" + p1Id, admin, "{\"project\": {\"parent_id\": \"" + childId
                    + "\"}}").status()).isEqualTo(403);
            assertThat(call("PATCH", "/projects/" + p1Id, admin, "{\"project\": {\"domain_id\": \"other\"}}")
                    .message()).isEqualTo("Cannot change Domain ID");
            Reply renamed = call("PATCH", "/projects/" + p1Id, admin, "{\"project\": {\"name\": \"p-one\", "
                    + "\"flavor\": null}}");
            assertThat(renamed.status()).isEqualTo(200);
            conforms("PATCH", "/v3/projects/{project_id}", renamed);
            conforms("GET", "/v3/projects/{project_id}", call("GET", "/projects/" + p1Id, admin, null));
            assertThat(renamed.json().path("project").path("name").asText()).isEqualTo("p-one");
            assertThat(renamed.json().path("project").path("flavor").isNull()).isTrue();
            assertThat(call("PATCH", "/projects/" + childId, admin, "{\"project\": {\"name\": \"admin\"}}").status())
                    .isEqualTo(409);

            Reply tags = call("GET", "/projects/" + p1Id + "/tags", admin, null);
            assertThat(tags.json().path("tags").get(0).asText()).isEqualTo("x");
            conforms("GET", "/v3/projects/{project_id}/tags", tags);
            Reply added = call("PUT", "/projects/" + p1Id + "/tags/y", admin, null);
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.header("Location")).isEqualTo(identity + "/v3/projects/" + p1Id + "/tags/y");
            assertThat(call("GET", "/projects/" + p1Id + "/tags/y", admin, null).status()).isEqualTo(204);
            assertThat(call("GET", "/projects/" + p1Id + "/tags/z", admin, null).message())
                    .isEqualTo("Could not find project tag: z.");
            assertThat(call("PUT", "/projects/" + p1Id + "/tags/y", admin, null).status()).isEqualTo(400);
            Reply replaced = call("PUT", "/projects/" + p1Id + "/tags", admin, "{\"tags\": [\"m\", \"n\"]}");
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().path("tags")).hasSize(2);
            assertThat(call("PUT", "/projects/" + p1Id + "/tags", admin, "{\"tags\": [\"a,b\"]}").message())
                    .isEqualTo("Invalid input for field '0': 'a,b' does not match '^[^,/]*$'");
            assertThat(call("DELETE", "/projects/" + p1Id + "/tags/m", admin, null).status()).isEqualTo(204);
            assertThat(call("DELETE", "/projects/" + p1Id + "/tags", admin, null).status()).isEqualTo(204);
            assertThat(call("GET", "/projects/" + p1Id, admin, null).json().path("project").path("tags")).isEmpty();

            assertThat(call("DELETE", "/projects/" + childId, admin, null).status()).isEqualTo(204);
            assertThat(call("DELETE", "/projects/" + p1Id, admin, null).status()).isEqualTo(204);
            Reply gone = call("GET", "/projects/" + p1Id, admin, null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.message()).isEqualTo("Could not find project: " + p1Id + ".");
            assertThat(call("PATCH", "/projects/" + p1Id, admin, "{\"project\": {\"name\": \"z\"}}").status())
                    .isEqualTo(404);
        }
    }

    @EachEngine
    void usersAndPasswords(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            Reply created = call("POST", "/users", admin, "{\"user\": {\"name\": \"alice\", \"password\": \"pw1\", "
                    + "\"email\": \"alice@example.org\", \"description\": \"Alice\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            conforms("POST", "/v3/users", created);
            conforms("GET", "/v3/users", call("GET", "/users", admin, null));
            JsonNode alice = created.json().path("user");
            String aliceId = alice.path("id").asText();
            assertThat(alice.path("domain_id").asText()).isEqualTo("default");
            assertThat(alice.path("email").asText()).isEqualTo("alice@example.org");
            assertThat(alice.path("description").asText()).isEqualTo("Alice");
            assertThat(alice.has("password_expires_at")).isTrue();
            assertThat(alice.path("password_expires_at").isNull()).isTrue();
            assertThat(alice.has("password")).isFalse();
            assertThat(alice.has("default_project_id")).isFalse();
            assertThat(alice.path("links").path("self").asText()).isEqualTo(identity + "/v3/users/" + aliceId);
            assertThat(created.body()).doesNotContain("pw1");

            Reply duplicate = call("POST", "/users", admin, "{\"user\": {\"name\": \"alice\"}}");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.message()).isEqualTo("Conflict occurred attempting to store user - Duplicate entry "
                    + "found with name alice at domain ID default.");
            assertThat(call("POST", "/users", admin, "{\"user\": {\"name\": \"bob\", \"domain_id\": \"nowhere\"}}")
                    .message()).isEqualTo("Could not find domain: nowhere.");
            assertThat(call("POST", "/users", admin, "{\"user\": {\"name\": \"bob\", \"default_project_id\": "
                    + "\"default\"}}").message()).isEqualTo("User's default project ID cannot be a domain ID: default");
            assertThat(names(call("GET", "/users?name=alice", admin, null).json().path("users")))
                    .containsExactly("alice");
            assertThat(names(call("GET", "/users?enabled=0", admin, null).json().path("users"))).isEmpty();
            assertThat(names(call("GET", "/users?idp_id=x", admin, null).json().path("users"))).isEmpty();
            assertThat(authenticate("alice", "pw1", null).status()).isEqualTo(201);

            Reply wrong = call("POST", "/users/" + aliceId + "/password", null, "{\"user\": {\"original_password\": "
                    + "\"nope\", \"password\": \"pw2\"}}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(call("POST", "/users/" + aliceId + "/password", null, "{\"user\": {\"original_password\": "
                    + "\"pw1\"}}").message()).isEqualTo("'password' is a required property");
            assertThat(call("POST", "/users/" + aliceId + "/password", null, "{\"user\": {\"original_password\": "
                    + "\"pw1\", \"password\": \"pw2\", \"x\": 1}}").message())
                    .isEqualTo("Additional properties are not allowed ('x' was unexpected)");
            assertThat(call("POST", "/users/" + aliceId + "/password", null, "{\"user\": {\"original_password\": "
                    + "\"pw1\", \"password\": \"pw2\"}}").status()).isEqualTo(204);
            assertThat(authenticate("alice", "pw1", null).status()).isEqualTo(401);
            assertThat(authenticate("alice", "pw2", null).status()).isEqualTo(201);
            assertThat(call("GET", "/users/" + aliceId + "/password", null, null).status()).isEqualTo(405);

            Reply patched = call("PATCH", "/users/" + aliceId, admin, "{\"user\": {\"password\": \"pw3\", "
                    + "\"email\": \"a@example.org\"}}");
            assertThat(patched.status()).isEqualTo(200);
            conforms("PATCH", "/v3/users/{user_id}", patched);
            conforms("GET", "/v3/users/{user_id}", call("GET", "/users/" + aliceId, admin, null));
            assertThat(patched.json().path("user").path("email").asText()).isEqualTo("a@example.org");
            assertThat(patched.json().path("user").path("description").asText()).isEqualTo("Alice");
            assertThat(authenticate("alice", "pw3", null).status()).isEqualTo(201);
            assertThat(call("PATCH", "/users/" + aliceId, admin, "{\"user\": {\"id\": \"other\"}}").message())
                    .isEqualTo("Cannot change ID");

            String aliceToken = authenticate("alice", "pw3", null).header("X-Subject-Token");
            assertThat(call("GET", "/users/" + aliceId, aliceToken, null).status()).isEqualTo(200);
            assertThat(call("PATCH", "/users/" + aliceId, admin, "{\"user\": {\"enabled\": false}}").status())
                    .isEqualTo(200);
            assertThat(call("GET", "/users/" + aliceId, aliceToken, null).status()).isEqualTo(401);
            assertThat(validate(aliceToken).status()).isEqualTo(404);
            assertThat(call("DELETE", "/users/" + aliceId, admin, null).status()).isEqualTo(204);
            Reply gone = call("GET", "/users/" + aliceId, admin, null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.message()).isEqualTo("Could not find user: " + aliceId + ".");
        }
    }

    @EachEngine
    void aMemberSeesItsOwnProjectAndUserOnly(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            String member = memberToken(jnova);
            JsonNode token = validate(member).json().path("token");
            String demoId = token.path("user").path("id").asText();
            String demoProject = token.path("project").path("id").asText();
            String adminId = validate(admin).json().path("token").path("user").path("id").asText();
            String adminProject = validate(admin).json().path("token").path("project").path("id").asText();

            assertThat(call("GET", "/projects/" + demoProject, member, null).status()).isEqualTo(200);
            Reply other = call("GET", "/projects/" + adminProject, member, null);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.message()).isEqualTo("You are not authorized to perform the requested action: "
                    + "identity:get_project.");
            assertThat(call("GET", "/projects/nonexistent", member, null).status()).isEqualTo(403);
            assertThat(call("GET", "/projects/nonexistent", admin, null).status()).isEqualTo(404);
            assertThat(call("GET", "/projects", member, null).status()).isEqualTo(403);
            assertThat(call("POST", "/projects", member, "{\"project\": {\"name\": \"mine\"}}").status())
                    .isEqualTo(403);
            assertThat(call("GET", "/users/" + demoId, member, null).status()).isEqualTo(200);
            assertThat(call("GET", "/users/" + adminId, member, null).status()).isEqualTo(403);
            assertThat(call("GET", "/users", member, null).status()).isEqualTo(403);
            assertThat(call("POST", "/users", member, "{\"user\": {\"name\": \"x\"}}").status()).isEqualTo(403);
            assertThat(call("DELETE", "/users/" + adminId, member, null).status()).isEqualTo(403);
            assertThat(call("PATCH", "/projects/" + demoProject, member, "{\"project\": {\"name\": \"x\"}}").status())
                    .isEqualTo(403);
            assertThat(names(call("GET", "/users/" + demoId + "/projects", member, null).json().path("projects")))
                    .containsExactly("demo");
            assertThat(call("GET", "/users/" + adminId + "/projects", member, null).status()).isEqualTo(403);
            Reply scopes = call("GET", "/auth/projects", member, null);
            assertThat(scopes.status()).isEqualTo(200);
            conforms("GET", "/v3/auth/projects", scopes);
            conforms("GET", "/v3/users/{user_id}/projects", call("GET", "/users/" + demoId + "/projects", member,
                    null));
            assertThat(names(scopes.json().path("projects"))).containsExactly("demo");
            assertThat(scopes.json().path("projects").get(0).path("links").path("self").asText())
                    .isEqualTo(identity + "/v3/projects/" + demoProject);
            assertThat(scopes.json().path("links").path("self").asText()).isEqualTo(identity + "/v3/auth/projects");
            assertThat(call("GET", "/auth/projects", null, null).status()).isEqualTo(401);
            assertThat(call("HEAD", "/auth/projects", member, null).body()).isEmpty();

            assertThat(call("PATCH", "/projects/" + demoProject, admin, "{\"project\": {\"enabled\": false}}")
                    .status()).isEqualTo(200);
            assertThat(validate(member).status()).isEqualTo(404);
            assertThat(call("PATCH", "/projects/" + demoProject, admin, "{\"project\": {\"enabled\": true}}")
                    .status()).isEqualTo(200);
            assertThat(validate(member).status()).isEqualTo(200);
            assertThat(call("DELETE", "/projects/" + demoProject, admin, null).status()).isEqualTo(204);
            assertThat(validate(member).status()).isEqualTo(404);
            assertThat(call("GET", "/users/" + demoId + "/projects", admin, null).json().path("projects")).isEmpty();
        }
    }

    @EachEngine
    void refusalsNeverFail(String engine) throws Exception {
        try (JnovaTestServer jnova = start(engine)) {
            String huge = "x".repeat(100_000);
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            refused.put("{\"project\": {}}", "'name' is a required property");
            refused.put("{\"project\": {\"name\": \"" + "n".repeat(65) + "\"}}", "Invalid input for field 'name': '"
                    + "n".repeat(65) + "' is too long");
            refused.put("{\"project\": {\"name\": \"\"}}", "Invalid input for field 'name': '' is too short");
            refused.put("{\"project\": {\"name\": \"   \"}}", "Invalid input for field 'name': '   ' does not match "
                    + "'[\\\\S]+'");
            refused.put("{\"project\": {\"name\": 5}}", "Invalid input for field 'name': 5 is not of type 'string'");
            refused.put("{\"project\": {\"name\": \"p\", \"enabled\": \"yes\"}}",
                    "Invalid input for field 'enabled': 'yes' is not of type 'boolean'");
            refused.put("{\"project\": {\"name\": \"p\", \"domain_id\": \"a b\"}}",
                    "Invalid input for field 'domain_id': 'a b' does not match '^[a-zA-Z0-9-]+$'");
            refused.put("{\"project\": {\"name\": \"p\", \"description\": 1}}",
                    "Invalid input for field 'description': 1 is not of type 'string', 'null'");
            refused.put("{\"project\": {\"name\": \"p\", \"tags\": [\"t\", \"t\"]}}",
                    "Invalid input for field 'tags': ['t', 't'] has non-unique elements");
            refused.put("{\"project\": {\"name\": \"p\", \"options\": {\"bogus\": true}}}",
                    "Invalid input for field 'options': Additional properties are not allowed ('bogus' was unexpected)");
            refused.put("{\"project\": [1]}", "[1] is not of type 'object'");
            for (Map.Entry<String, String> body : refused.entrySet()) {
                Reply reply = call("POST", "/projects", admin, body.getKey());
                assertThat(reply.status()).as(body.getKey()).isEqualTo(400);
                assertThat(reply.message()).as(body.getKey()).isEqualTo(body.getValue());
            }
            for (String hostile : List.of("{\"project\": {\"name\": \"p\\u0000q\"}}", "not json", "[]",
                    "{\"project\": {\"name\": \"" + huge + "\"}}", "{\"project\": {\"name\": \"p\", \"extra\": \"a\\u0000\"}}",
                    "{\"project\": {\"name\": {\"a\": [1, 2.5, null, true]}}}")) {
                Reply reply = call("POST", "/projects", admin, hostile);
                assertThat(reply.status()).as(hostile).isEqualTo(400);
            }
            String longId = "x".repeat(2000);
            for (String path : List.of("/projects/a%00b", "/users/" + longId, "/domains/%00", "/projects/x/tags/%00",
                    "/users/%00/projects")) {
                Reply reply = call("GET", path, admin, null);
                assertThat(reply.status()).as(path).isIn(400, 404);
            }
            assertThat(call("GET", "/projects?name=%00&domain_id=" + longId, admin, null).status()).isEqualTo(200);
            assertThat(call("GET", "/users?enabled=%00", admin, null).status()).isEqualTo(200);
            assertThat(call("POST", "/users/" + longId + "/password", null, "{\"user\": {\"original_password\": "
                    + "\"a\", \"password\": \"b\"}}").status()).isEqualTo(401);
            assertThat(call("POST", "/users", admin, "{\"user\": {\"name\": \"u\", \"password\": 12}}").message())
                    .isEqualTo("Invalid input for field 'password': 12 is not of type 'string', 'null'");
            assertThat(call("POST", "/domains", admin, "{\"domain\": {\"name\": \"d\", \"enabled\": null}}").message())
                    .isEqualTo("Invalid input for field 'enabled': None is not of type 'boolean'");
            assertThat(call("POST", "/projects", "garbage", "{\"project\": {\"name\": \"p\"}}").status())
                    .isEqualTo(401);
            // last: the HTTP server refuses a NUL in the path itself and closes the connection
            assertThat(call("POST", "/users/%00/password", null, "{\"user\": {\"original_password\": \"a\", "
                    + "\"password\": \"b\"}}").status()).isIn(400, 401);
        }
    }

    /** Debian's openstack CLI (python-openstackclient) managing domains, projects and users here. */
    @org.junit.jupiter.api.Test
    void openstackCliManagesProjectsAndUsers() throws Exception {
        java.nio.file.Path cli = java.nio.file.Path.of("/usr/bin/openstack");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(cli), "no openstack CLI");
        try (JnovaTestServer jnova = start("sqlite")) {
            JsonNode domain = JSON.readTree(openstack(cli, identity, "domain", "create", "--description", "cli",
                    "clidomain", "-f", "json"));
            assertThat(domain.path("name").asText()).isEqualTo("clidomain");
            JsonNode project = JSON.readTree(openstack(cli, identity, "project", "create", "--domain", "clidomain",
                    "--description", "from the CLI", "--tag", "t1", "cliproject", "-f", "json"));
            assertThat(project.path("name").asText()).isEqualTo("cliproject");
            assertThat(project.path("domain_id").asText()).isEqualTo(domain.path("id").asText());
            JsonNode projects = JSON.readTree(openstack(cli, identity, "project", "list", "--domain", "clidomain", "-f",
                    "json"));
            assertThat(names(projects, "Name")).containsExactly("cliproject");
            JsonNode user = JSON.readTree(openstack(cli, identity, "user", "create", "--domain", "clidomain",
                    "--password", "clipw", "--email", "cli@example.org", "cliuser", "-f", "json"));
            assertThat(user.path("name").asText()).isEqualTo("cliuser");
            assertThat(user.path("email").asText()).isEqualTo("cli@example.org");
            JsonNode shown = JSON.readTree(openstack(cli, identity, "user", "show", "--domain", "clidomain", "cliuser",
                    "-f", "json"));
            assertThat(shown.path("id").asText()).isEqualTo(user.path("id").asText());
            assertThat(names(JSON.readTree(openstack(cli, identity, "user", "list", "--domain", "clidomain", "-f",
                    "json")), "Name")).containsExactly("cliuser");
            openstack(cli, identity, "project", "set", "--disable", project.path("id").asText());
            openstack(cli, identity, "project", "delete", project.path("id").asText());
            openstack(cli, identity, "user", "delete", user.path("id").asText());
            openstack(cli, identity, "domain", "set", "--disable", "clidomain");
            openstack(cli, identity, "domain", "delete", "clidomain");
            assertThat(names(JSON.readTree(openstack(cli, identity, "domain", "list", "-f", "json")), "Name"))
                    .containsExactly("Default");
        }
    }

    /**
     * Conforms to Keystone's published description, but for its erratum met here: the lists
     * of {@code /v3/auth/projects} and {@code /v3/auth/domains} carry Keystone's usual {@code links} objects (its
     * {@code wrap_collection}), where the file says arrays.
     */
    private static void conforms(String method, String template, Reply reply) throws Exception {
        assertThat(IDENTITY_API.violations(method, template, reply.status(), "3.14", reply.json()).stream()
                .filter(v -> !(template.startsWith("/v3/auth/") && v.matches("/(projects/\\d+/)?links: .* is not "
                        + "of type 'array'"))))
                .as(method + " " + template + ": " + reply.body()).isEmpty();
    }

    private JnovaTestServer start(String engine) throws Exception {
        JnovaTestServer jnova = JnovaTestServer.start(engine);
        identity = jnova.startIdentity();
        assertThat(bootstrap(jnova, "--bootstrap-password", "s3cret", "--bootstrap-public-url", identity + "/v3"))
                .isZero();
        admin = authenticate("admin", "s3cret", "admin").header("X-Subject-Token");
        return jnova;
    }

    /** A user "demo" with the member role on the project "demo" only. */
    private String memberToken(JnovaTestServer jnova) throws Exception {
        assertThat(bootstrap(jnova, "--bootstrap-username", "demo", "--bootstrap-password", "d3mo",
                "--bootstrap-project-name", "demo", "--bootstrap-role-name", "member")).isZero();
        Reply issued = authenticate("demo", "d3mo", "demo");
        assertThat(issued.status()).isEqualTo(201);
        return issued.header("X-Subject-Token");
    }

    private Reply authenticate(String user, String password, String project) throws Exception {
        return call("POST", "/auth/tokens", null, password(user, password, project == null ? null
                : projectScope(project)));
    }

    private Reply validate(String token) throws Exception {
        return http.send("GET", identity + "/v3/auth/tokens", null, Map.of("X-Auth-Token", admin, "X-Subject-Token",
                token));
    }

    /** {@code /v3<path>}; never a 500. */
    private Reply call(String method, String path, String token, String body) throws Exception {
        Reply reply = http.call(method, identity + "/v3" + path, token, body);
        assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isLessThan(500);
        return reply;
    }

}
