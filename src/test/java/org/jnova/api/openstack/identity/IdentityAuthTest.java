package org.jnova.api.openstack.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.api.openstack.identity.IdentityHttp.IDENTITY_API;
import static org.jnova.api.openstack.identity.IdentityHttp.bootstrap;
import static org.jnova.api.openstack.identity.IdentityHttp.names;
import static org.jnova.api.openstack.identity.IdentityHttp.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jnova.db.Databases;
import org.jnova.db.IdentityAssignmentStore;
import org.jnova.db.IdentityStore;
import org.jnova.objects.IdentityAssignment;
import org.jnova.identity.PasswordHasher;
import org.jnova.objects.IdentityUser;
import org.jnova.api.openstack.identity.IdentityHttp.Reply;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Identity v3 authentication on a real socket: the token and application_credential methods,
 * domain and system scopes, rescoping, revocation, application credentials, EC2 credentials
 * and {@code /v3/ec2tokens} with signatures computed by keystoneclient's own signer.
 */
class IdentityAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdentityHttp http = new IdentityHttp();

    /** The identity URL, the admin's and the demo user's ids, project ids and project tokens. */
    private record Cloud(String url, String adminId, String adminProject, String adminToken, String demoId,
            String demoProject, String demoToken) {
    }

    @EachEngine
    void scopesRescopingAndRevocation(String engine) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start(engine)) {
            Cloud cloud = cloud(jnova);
            String id = cloud.url();

            Reply system = http.authenticate(id, password("admin", "s3cret", "{\"system\": {\"all\": true}}"));
            assertThat(system.status()).as(system.body()).isEqualTo(201);
            assertThat(system.token().path("system").path("all").asBoolean()).isTrue();
            assertThat(system.token().has("project")).isFalse();
            assertThat(names(system.token().path("roles"))).containsExactlyInAnyOrder("admin", "member", "reader");
            assertThat(system.token().path("catalog")).isNotEmpty();
            conforms("POST", "/v3/auth/tokens", system);
            Reply systemShown = validate(id, cloud.demoToken(), system.subject());
            assertThat(systemShown.status()).isEqualTo(403);
            systemShown = validate(id, system.subject(), cloud.demoToken());
            assertThat(systemShown.status()).as("a system admin validates any token").isEqualTo(200);
            assertThat(validate(id, system.subject(), system.subject()).token().path("system").path("all").asBoolean())
                    .isTrue();
            Reply demoSystem = http.authenticate(id, password("demo", "d3mo", "{\"system\": {\"all\": true}}"));
            assertThat(names(demoSystem.token().path("roles"))).as("bootstrap grants its role on the system too")
                    .containsExactlyInAnyOrder("member", "reader");
            try (Databases dbs = Databases.open(jnova.conf())) {
                IdentityStore store = new IdentityStore(dbs.api());
                store.insertUser(new IdentityUser("plainuser", "plain", "default", true,
                        new PasswordHasher(1000).hash("p1ain")));
                store.assignRole("plainuser", cloud.demoProject(), store.roleByName("reader").orElseThrow().id());
            }
            assertThat(http.authenticate(id, password("plain", "p1ain", "{\"project\": {\"id\": \""
                    + cloud.demoProject() + "\"}}")).status()).isEqualTo(201);
            assertThat(http.authenticate(id, password("plain", "p1ain", "{\"system\": {\"all\": true}}")).status())
                    .as("no role on the system").isEqualTo(401);

            String domainScope = "{\"domain\": {\"id\": \"default\"}}";
            assertThat(http.authenticate(id, password("admin", "s3cret", domainScope)).status()).isEqualTo(401);
            try (Databases dbs = Databases.open(jnova.conf())) {
                IdentityStore store = new IdentityStore(dbs.api());
                new IdentityAssignmentStore(dbs.api()).grant(new IdentityAssignment(IdentityAssignment.Type.USER_DOMAIN,
                        cloud.adminId(), "default", store.roleByName("member").orElseThrow().id()));
            }
            Reply domain = http.authenticate(id, password("admin", "s3cret", domainScope));
            assertThat(domain.status()).as(domain.body()).isEqualTo(201);
            assertThat(domain.token().path("domain").path("id").asText()).isEqualTo("default");
            assertThat(domain.token().path("domain").path("name").asText()).isEqualTo("Default");
            assertThat(names(domain.token().path("roles"))).containsExactlyInAnyOrder("member", "reader");
            assertThat(domain.token().has("project")).isFalse();
            conforms("POST", "/v3/auth/tokens", domain);
            assertThat(http.authenticate(id, password("admin", "s3cret", "{\"domain\": {\"name\": \"Default\"}}"))
                    .status()).isEqualTo(201);
            assertThat(validate(id, cloud.adminToken(), domain.subject()).token().path("domain").path("id").asText())
                    .isEqualTo("default");
            for (String refused : List.of("{\"domain\": {\"id\": \"nowhere\"}}", "{\"domain\": {\"id\": \"de\\u0000f\"}}",
                    "{\"OS-TRUST:trust\": {\"id\": \"t\"}}")) {
                assertThat(http.authenticate(id, password("admin", "s3cret", refused)).status()).as(refused)
                        .isEqualTo(401);
            }
            for (String malformed : List.of("{\"domain\": {}}", "{\"domain\": \"default\"}",
                    "{\"domain\": {\"id\": \"default\"}, \"system\": {\"all\": true}}", "{}", "{\"system\": true}")) {
                Reply bad = http.authenticate(id, password("admin", "s3cret", malformed));
                assertThat(bad.status()).as(malformed).isEqualTo(400);
            }

            // rescoping: the original's expiry and audit chain
            Reply unscoped = http.authenticate(id, password("admin", "s3cret", null));
            String unscopedAudit = unscoped.token().path("audit_ids").get(0).asText();
            Reply rescoped = http.authenticate(id, tokenMethod(unscoped.subject(),
                    "{\"project\": {\"id\": \"" + cloud.adminProject() + "\"}}"));
            assertThat(rescoped.status()).as(rescoped.body()).isEqualTo(201);
            assertThat(rescoped.token().path("project").path("id").asText()).isEqualTo(cloud.adminProject());
            assertThat(texts(rescoped.token().path("methods"))).containsExactly("token", "password");
            assertThat(rescoped.token().path("expires_at")).isEqualTo(unscoped.token().path("expires_at"));
            assertThat(rescoped.token().path("audit_ids")).hasSize(2);
            assertThat(rescoped.token().path("audit_ids").get(1).asText()).isEqualTo(unscopedAudit);
            Reply again = http.authenticate(id, tokenMethod(rescoped.subject(), "{\"system\": {\"all\": true}}"));
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.token().path("audit_ids").get(1).asText()).isEqualTo(unscopedAudit);
            assertThat(again.token().path("expires_at")).isEqualTo(unscoped.token().path("expires_at"));
            Reply fromSystem = http.authenticate(id, tokenMethod(system.subject(),
                    "{\"project\": {\"id\": \"" + cloud.adminProject() + "\"}}"));
            assertThat(fromSystem.status()).isEqualTo(403);
            assertThat(fromSystem.json().path("error").path("message").asText()).isEqualTo("You are not authorized to "
                    + "perform the requested action: Using a system-scoped token to create a project-scoped or "
                    + "domain-scoped token is not allowed..");
            assertThat(http.authenticate(id, tokenMethod(cloud.demoToken(), "{\"project\": {\"id\": \""
                    + cloud.adminProject() + "\"}}")).status()).as("no role there").isEqualTo(401);
            assertThat(http.authenticate(id, "{\"auth\": {\"identity\": {\"methods\": [\"token\"]}}}").status())
                    .isEqualTo(400);
            assertThat(http.authenticate(id, "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {}}}}")
                    .status()).isEqualTo(400);
            assertThat(http.authenticate(id, tokenMethod("x".repeat(5000), null)).status()).isEqualTo(401);
            Reply both = http.authenticate(id, "{\"auth\": {\"identity\": {\"methods\": [\"password\", \"token\"], "
                    + "\"password\": {\"user\": {\"name\": \"demo\", \"domain\": {\"id\": \"default\"}, \"password\": "
                    + "\"d3mo\"}}, \"token\": {\"id\": \"" + unscoped.subject() + "\"}}}}");
            assertThat(both.status()).as("methods naming two users").isEqualTo(401);
            Reply combined = http.authenticate(id, "{\"auth\": {\"identity\": {\"methods\": [\"password\", \"token\"], "
                    + "\"password\": {\"user\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}, \"password\": "
                    + "\"s3cret\"}}, \"token\": {\"id\": \"" + unscoped.subject() + "\"}}, \"scope\": {\"system\": "
                    + "{\"all\": true}}}}");
            assertThat(combined.status()).as(combined.body()).isEqualTo(201);
            assertThat(texts(combined.token().path("methods"))).containsExactlyInAnyOrder("password", "token");
            assertThat(combined.token().path("expires_at")).isEqualTo(unscoped.token().path("expires_at"));

            // revocation
            assertThat(http.send("DELETE", id + "/v3/auth/tokens", null, Map.of("X-Subject-Token", rescoped.subject()))
                    .status()).isEqualTo(401);
            Reply notTheirs = http.send("DELETE", id + "/v3/auth/tokens", null,
                    Map.of("X-Auth-Token", cloud.demoToken(), "X-Subject-Token", rescoped.subject()));
            assertThat(notTheirs.status()).isEqualTo(403);
            Reply revoked = http.send("DELETE", id + "/v3/auth/tokens", null,
                    Map.of("X-Auth-Token", cloud.adminToken(), "X-Subject-Token", rescoped.subject()));
            assertThat(revoked.status()).isEqualTo(204);
            assertThat(revoked.body()).isEmpty();
            Reply gone = validate(id, cloud.adminToken(), rescoped.subject());
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().path("error").path("message").asText())
                    .isEqualTo("Could not find token: " + rescoped.subject() + ".");
            assertThat(http.send("GET", id + "/v3/auth/tokens?allow_expired=1", null, Map.of("X-Auth-Token",
                    cloud.adminToken(), "X-Subject-Token", rescoped.subject())).status()).isEqualTo(404);
            assertThat(http.send("DELETE", id + "/v3/auth/tokens", null, Map.of("X-Auth-Token", cloud.adminToken(),
                    "X-Subject-Token", rescoped.subject())).status()).isEqualTo(404);
            assertThat(http.send("GET", id + "/v3/auth/tokens", null, Map.of("X-Auth-Token", rescoped.subject(),
                    "X-Subject-Token", cloud.adminToken())).status()).as("a revoked caller").isEqualTo(401);
            assertThat(http.authenticate(id, tokenMethod(rescoped.subject(), null)).status()).isEqualTo(401);
            // as Keystone: revoking one token (its audit id) leaves the token it was rescoped from valid
            assertThat(validate(id, cloud.adminToken(), unscoped.subject()).status()).isEqualTo(200);
            assertThat(http.send("GET", id + "/v3/auth/tokens?allow_expired=true", null, Map.of("X-Auth-Token",
                    cloud.adminToken(), "X-Subject-Token", unscoped.subject())).status()).isEqualTo(200);
            Reply ownRevoked = http.send("DELETE", id + "/v3/auth/tokens", null,
                    Map.of("X-Auth-Token", cloud.demoToken(), "X-Subject-Token", cloud.demoToken()));
            assertThat(ownRevoked.status()).isEqualTo(204);
            assertThat(validate(id, cloud.adminToken(), cloud.demoToken()).status()).isEqualTo(404);

            // a password change revokes every token of the user, rescoped ones too
            Reply demoUnscoped = http.authenticate(id, password("demo", "d3mo", null));
            Reply demoRescoped = http.authenticate(id, tokenMethod(demoUnscoped.subject(),
                    "{\"project\": {\"id\": \"" + cloud.demoProject() + "\"}}"));
            assertThat(demoRescoped.status()).isEqualTo(201);
            assertThat(bootstrap(jnova, "--bootstrap-username", "demo", "--bootstrap-password", "n3w",
                    "--bootstrap-project-name", "demo", "--bootstrap-role-name", "member")).isZero();
            assertThat(validate(id, cloud.adminToken(), demoUnscoped.subject()).status()).isEqualTo(404);
            assertThat(validate(id, cloud.adminToken(), demoRescoped.subject()).status()).isEqualTo(404);
            Reply afterChange = http.authenticate(id, password("demo", "n3w", null));
            assertThat(afterChange.status()).isEqualTo(201);
            assertThat(validate(id, cloud.adminToken(), afterChange.subject()).status()).isEqualTo(200);
        }
    }

    @EachEngine
    void applicationCredentials(String engine) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start(engine)) {
            Cloud cloud = cloud(jnova);
            String id = cloud.url();
            String mine = id + "/v3/users/" + cloud.demoId() + "/application_credentials";

            Reply created = http.send("POST", mine, "{\"application_credential\": {\"name\": \"ci\", \"description\": "
                    + "\"for CI\"}}", json(cloud.demoToken()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode credential = created.json().path("application_credential");
            String credentialId = credential.path("id").asText();
            String secret = credential.path("secret").asText();
            assertThat(secret).hasSizeGreaterThan(80);
            assertThat(credential.path("project_id").asText()).isEqualTo(cloud.demoProject());
            assertThat(names(credential.path("roles"))).containsExactlyInAnyOrder("member", "reader");
            assertThat(credential.path("unrestricted").asBoolean()).isFalse();
            assertThat(credential.path("description").asText()).isEqualTo("for CI");
            assertThat(credential.path("expires_at").isNull()).isTrue();
            assertThat(credential.has("user_id")).isFalse();
            assertThat(credential.path("links").path("self").asText()).isEqualTo(mine + "/" + credentialId);
            conforms("POST", "/v3/users/{user_id}/application_credentials", created);
            Reply duplicate = http.send("POST", mine, "{\"application_credential\": {\"name\": \"ci\"}}",
                    json(cloud.demoToken()));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.json().path("error").path("message").asText()).isEqualTo("Conflict occurred "
                    + "attempting to store application_credential - Duplicate name, ci.");
            Reply listed = http.send("GET", mine, null, json(cloud.demoToken()));
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().path("application_credentials")).hasSize(1);
            assertThat(listed.json().path("application_credentials").get(0).has("secret")).isFalse();
            assertThat(listed.json().path("links").path("next").isNull()).isTrue();
            conforms("GET", "/v3/users/{user_id}/application_credentials", listed);
            assertThat(http.send("GET", mine + "?name=other", null, json(cloud.demoToken())).json()
                    .path("application_credentials")).isEmpty();
            Reply shown = http.send("GET", mine + "/" + credentialId, null, json(cloud.demoToken()));
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().path("application_credential").has("secret")).isFalse();
            conforms("GET", "/v3/users/{user_id}/application_credentials/{application_credential_id}", shown);

            Reply byId = http.authenticate(id, applicationCredential("\"id\": \"" + credentialId + "\", \"secret\": \""
                    + secret + "\""));
            assertThat(byId.status()).as(byId.body()).isEqualTo(201);
            assertThat(texts(byId.token().path("methods"))).containsExactly("application_credential");
            assertThat(byId.token().path("project").path("id").asText()).isEqualTo(cloud.demoProject());
            assertThat(names(byId.token().path("roles"))).containsExactlyInAnyOrder("member", "reader");
            assertThat(byId.token().path("application_credential")).isEqualTo(JSON.readTree("{\"id\": \""
                    + credentialId + "\", \"name\": \"ci\", \"restricted\": true}"));
            conforms("POST", "/v3/auth/tokens", byId);
            assertThat(validate(id, byId.subject(), byId.subject()).token().path("application_credential")
                    .path("id").asText()).isEqualTo(credentialId);
            assertThat(http.authenticate(id, applicationCredential("\"name\": \"ci\", \"user\": {\"id\": \""
                    + cloud.demoId() + "\"}, \"secret\": \"" + secret + "\"")).status()).isEqualTo(201);
            assertThat(http.authenticate(id, applicationCredential("\"name\": \"ci\", \"user\": {\"name\": \"demo\", "
                    + "\"domain\": {\"name\": \"Default\"}}, \"secret\": \"" + secret + "\"")).status()).isEqualTo(201);
            for (String refused : List.of("\"id\": \"" + credentialId + "\", \"secret\": \"wrong\"",
                    "\"id\": \"nope\", \"secret\": \"" + secret + "\"", "\"id\": \"" + credentialId + "\"",
                    "\"id\": \"" + credentialId + "\\u0000\", \"secret\": \"" + secret + "\"",
                    "\"name\": \"ci\", \"user\": {\"id\": \"" + cloud.adminId() + "\"}, \"secret\": \"" + secret + "\"")) {
                assertThat(http.authenticate(id, applicationCredential(refused)).status()).as(refused).isEqualTo(401);
            }
            assertThat(http.authenticate(id, "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], "
                    + "\"application_credential\": {\"id\": \"" + credentialId + "\", \"secret\": \"" + secret
                    + "\"}}, \"scope\": {\"project\": {\"id\": \"" + cloud.demoProject() + "\"}}}}").status())
                    .as("application credentials cannot request a scope").isEqualTo(401);
            for (String malformed : List.of("\"secret\": \"x\"", "\"name\": \"ci\", \"secret\": \"x\"",
                    "\"name\": \"ci\", \"user\": {\"name\": \"demo\"}, \"secret\": \"x\"")) {
                assertThat(http.authenticate(id, applicationCredential(malformed)).status()).as(malformed)
                        .isEqualTo(400);
            }

            // a restricted credential's token manages no credentials and cannot pick a scope
            Reply restricted = http.send("POST", mine, "{\"application_credential\": {\"name\": \"nested\"}}",
                    json(byId.subject()));
            assertThat(restricted.status()).isEqualTo(403);
            assertThat(restricted.json().path("error").path("message").asText()).isEqualTo("You are not authorized to "
                    + "perform the requested action: Using method 'application_credential' is not allowed for "
                    + "managing additional application credentials..");
            assertThat(http.send("DELETE", mine + "/" + credentialId, null, json(byId.subject())).status())
                    .isEqualTo(403);
            assertThat(http.send("POST", id + "/v3/users/" + cloud.demoId() + "/credentials/OS-EC2",
                    "{\"tenant_id\": \"" + cloud.demoProject() + "\"}", json(byId.subject())).status()).isEqualTo(403);
            assertThat(http.authenticate(id, tokenMethod(byId.subject(), "{\"project\": {\"id\": \""
                    + cloud.demoProject() + "\"}}")).status()).isEqualTo(403);
            Reply fromCredentialToken = http.authenticate(id, tokenMethod(byId.subject(), null));
            assertThat(fromCredentialToken.status()).isEqualTo(201);
            assertThat(fromCredentialToken.token().path("application_credential").path("id").asText())
                    .isEqualTo(credentialId);

            Reply unrestricted = http.send("POST", mine, "{\"application_credential\": {\"name\": \"deploy\", "
                    + "\"unrestricted\": true, \"secret\": \"chosen\", \"roles\": [{\"name\": \"reader\"}]}}",
                    json(cloud.demoToken()));
            assertThat(unrestricted.status()).as(unrestricted.body()).isEqualTo(201);
            assertThat(unrestricted.json().path("application_credential").path("secret").asText()).isEqualTo("chosen");
            assertThat(names(unrestricted.json().path("application_credential").path("roles")))
                    .containsExactly("reader");
            Reply readerToken = http.authenticate(id, applicationCredential("\"id\": \""
                    + unrestricted.json().path("application_credential").path("id").asText()
                    + "\", \"secret\": \"chosen\""));
            assertThat(names(readerToken.token().path("roles"))).containsExactly("reader");
            assertThat(readerToken.token().path("application_credential").path("restricted").asBoolean()).isFalse();
            Reply nested = http.send("POST", mine, "{\"application_credential\": {\"name\": \"nested\"}}",
                    json(readerToken.subject()));
            assertThat(nested.status()).as(nested.body()).isEqualTo(201);
            assertThat(names(nested.json().path("application_credential").path("roles"))).containsExactly("reader");
            Reply escalating = http.send("POST", mine, "{\"application_credential\": {\"name\": \"more\", \"roles\": "
                    + "[{\"name\": \"member\"}]}}", json(readerToken.subject()));
            assertThat(escalating.status()).isEqualTo(400);
            assertThat(escalating.json().path("error").path("message").asText()).isEqualTo("Invalid application "
                    + "credential: Cannot create an application credential with unassigned role");
            assertThat(http.send("POST", mine, "{\"application_credential\": {\"name\": \"adm\", \"roles\": "
                    + "[{\"name\": \"admin\"}]}}", json(cloud.demoToken())).status()).isEqualTo(400);
            Reply unknownRole = http.send("POST", mine, "{\"application_credential\": {\"name\": \"x\", \"roles\": "
                    + "[{\"id\": \"nope\"}]}}", json(cloud.demoToken()));
            assertThat(unknownRole.status()).isEqualTo(404);
            assertThat(unknownRole.json().path("error").path("message").asText()).isEqualTo("Could not find role: nope.");

            // expiry
            Reply past = http.send("POST", mine, "{\"application_credential\": {\"name\": \"old\", \"expires_at\": "
                    + "\"2000-01-01T00:00:00\"}}", json(cloud.demoToken()));
            assertThat(past.status()).isEqualTo(400);
            String soon = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC)
                    .format(Instant.now().plusSeconds(2));
            Reply shortLived = http.send("POST", mine,
                    "{\"application_credential\": {\"name\": \"brief\", \"expires_at\": \""
                    + soon + "Z\"}}", json(cloud.demoToken()));
            assertThat(shortLived.status()).as(shortLived.body()).isEqualTo(201);
            assertThat(shortLived.json().path("application_credential").path("expires_at").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
            String briefAuth = applicationCredential("\"id\": \"" + shortLived.json().path("application_credential")
                    .path("id").asText() + "\", \"secret\": \"" + shortLived.json().path("application_credential")
                    .path("secret").asText() + "\"");
            Reply briefToken = http.authenticate(id, briefAuth);
            assertThat(briefToken.status()).isEqualTo(201);
            assertThat(Instant.parse(briefToken.token().path("expires_at").asText()))
                    .isBefore(Instant.now().plusSeconds(3));
            Thread.sleep(2500);
            assertThat(http.authenticate(id, briefAuth).status()).as("an expired credential").isEqualTo(401);
            assertThat(validate(id, cloud.demoToken(), briefToken.subject()).status()).isEqualTo(404);

            // another user's credentials
            String admins = id + "/v3/users/" + cloud.adminId() + "/application_credentials";
            Reply forOther = http.send("POST", admins, "{\"application_credential\": {\"name\": \"x\"}}",
                    json(cloud.demoToken()));
            assertThat(forOther.status()).isEqualTo(403);
            assertThat(http.send("POST", mine, "{\"application_credential\": {\"name\": \"x\"}}",
                    json(cloud.adminToken()))
                    .status()).as("not even an admin creates one for another user").isEqualTo(403);
            assertThat(http.send("GET", admins, null, json(cloud.demoToken())).status()).isEqualTo(403);
            assertThat(http.send("GET", admins + "/" + credentialId, null, json(cloud.adminToken())).status())
                    .isEqualTo(200);
            Reply adminsOwn = http.send("POST", admins, "{\"application_credential\": {\"name\": \"a\"}}",
                    json(cloud.adminToken()));
            String adminCredential = adminsOwn.json().path("application_credential").path("id").asText();
            assertThat(http.send("GET", mine + "/" + adminCredential, null, json(cloud.demoToken())).status())
                    .as("the credential's owner counts, not the path's user").isEqualTo(403);
            assertThat(http.send("DELETE", mine + "/" + adminCredential, null, json(cloud.demoToken())).status())
                    .isEqualTo(403);
            assertThat(http.send("GET", mine + "/nope", null, json(cloud.demoToken())).json().path("error")
                    .path("message").asText()).isEqualTo("Could not find application credential: nope.");
            assertThat(http.send("GET", mine, null, Map.of()).status()).isEqualTo(401);

            // malformed and hostile bodies
            for (String malformed : List.of("{}", "{\"application_credential\": []}",
                    "{\"application_credential\": {}}", "{\"application_credential\": {\"name\": 1}}",
                    "{\"application_credential\": {\"name\": \"\"}}",
                    "{\"application_credential\": {\"name\": \"" + "n".repeat(300) + "\"}}",
                    "{\"application_credential\": {\"name\": \"a\\u0000b\"}}",
                    "{\"application_credential\": {\"name\": \"z\", \"roles\": \"member\"}}",
                    "{\"application_credential\": {\"name\": \"z\", \"roles\": [{}]}}",
                    "{\"application_credential\": {\"name\": \"z\", \"unrestricted\": \"yes\"}}",
                    "{\"application_credential\": {\"name\": \"z\", \"expires_at\": \"tomorrow\"}}",
                    "{\"application_credential\": {\"name\": \"z\", \"description\": {}}}", "not json")) {
                Reply bad = http.send("POST", mine, malformed, json(cloud.demoToken()));
                assertThat(bad.status()).as(malformed).isEqualTo(400);
                assertThat(bad.json().path("error").path("code").asInt()).isEqualTo(400);
            }
            Reply missing = http.send("POST", mine, "{}", json(cloud.demoToken()));
            assertThat(missing.json().path("error").path("message").asText())
                    .isEqualTo("'application_credential' is a required property");
            Reply wrongType = http.send("POST", mine, "{\"application_credential\": {\"name\": 1}}",
                    json(cloud.demoToken()));
            assertThat(wrongType.json().path("error").path("message").asText())
                    .isEqualTo("Invalid input for field 'application_credential/name': 1 is not of type 'string'");

            assertThat(http.send("DELETE", mine + "/" + credentialId, null, json(cloud.demoToken())).status())
                    .isEqualTo(204);
            assertThat(http.send("DELETE", mine + "/" + credentialId, null, json(cloud.demoToken())).status())
                    .isEqualTo(404);
            assertThat(validate(id, cloud.demoToken(), byId.subject()).status()).isEqualTo(404);
            assertThat(http.authenticate(id, applicationCredential("\"id\": \"" + credentialId + "\", \"secret\": \""
                    + secret + "\"")).status()).isEqualTo(401);
        }
    }

    @EachEngine
    void ec2CredentialsAndTokens(String engine) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c",
                "import keystoneclient.contrib.ec2.utils").start().waitFor() == 0, "no python3-keystoneclient");
        try (JnovaTestServer jnova = JnovaTestServer.start(engine)) {
            Cloud cloud = cloud(jnova);
            String id = cloud.url();
            String mine = id + "/v3/users/" + cloud.demoId() + "/credentials/OS-EC2";

            Reply created = http.send("POST", mine, "{\"tenant_id\": \"" + cloud.demoProject() + "\"}",
                    json(cloud.demoToken()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode credential = created.json().path("credential");
            String access = credential.path("access").asText();
            String secret = credential.path("secret").asText();
            assertThat(access).hasSize(32);
            assertThat(secret).hasSize(32);
            assertThat(credential.path("user_id").asText()).isEqualTo(cloud.demoId());
            assertThat(credential.path("tenant_id").asText()).isEqualTo(cloud.demoProject());
            assertThat(credential.path("trust_id").isNull()).isTrue();
            assertThat(credential.path("links").path("self").asText()).isEqualTo(mine + "/" + access);
            Reply noProject = http.send("POST", mine, "{\"tenant_id\": \"nope\"}", json(cloud.demoToken()));
            assertThat(noProject.status()).isEqualTo(404);
            assertThat(noProject.json().path("error").path("message").asText()).isEqualTo("Could not find project: nope.");
            assertThat(http.send("POST", mine, "{}", json(cloud.demoToken())).status()).isEqualTo(404);
            assertThat(http.send("POST", mine, "{\"tenant_id\": [1]}", json(cloud.demoToken())).status())
                    .isEqualTo(404);
            assertThat(http.send("POST", id + "/v3/users/" + cloud.adminId() + "/credentials/OS-EC2",
                    "{\"tenant_id\": \"" + cloud.demoProject() + "\"}", json(cloud.demoToken())).status()).isEqualTo(403);
            assertThat(http.send("GET", mine, null, json(cloud.demoToken())).status())
                    .as("the deprecated rule admin_or_owner still counts").isEqualTo(200);
            assertThat(http.send("GET", id + "/v3/users/" + cloud.adminId() + "/credentials/OS-EC2", null,
                    json(cloud.demoToken())).status()).isEqualTo(403);
            Reply listed = http.send("GET", mine, null, json(cloud.adminToken()));
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().path("credentials")).hasSize(1);
            Reply shown = http.send("GET", mine + "/" + access, null, json(cloud.demoToken()));
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().path("credential").path("secret").asText()).isEqualTo(secret);
            Reply unknown = http.send("GET", mine + "/nope", null, json(cloud.demoToken()));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("error").path("message").asText()).startsWith("Could not find credential: ");
            Reply adminCredential = http.send("POST", id + "/v3/users/" + cloud.adminId() + "/credentials/OS-EC2",
                    "{\"tenant_id\": \"" + cloud.adminProject() + "\"}", json(cloud.adminToken()));
            String adminAccess = adminCredential.json().path("credential").path("access").asText();
            assertThat(http.send("GET", mine + "/" + adminAccess, null, json(cloud.demoToken())).status())
                    .as("another user's credential").isEqualTo(403);
            assertThat(http.send("DELETE", mine + "/" + adminAccess, null, json(cloud.demoToken())).status())
                    .isEqualTo(403);

            String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
                    .format(Instant.now());
            String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                    .format(Instant.now());
            ObjectNode v2 = credentials(access, "ec2.example.com:8773", "GET", "/", Map.of("Action",
                    "DescribeInstances", "SignatureVersion", "2", "SignatureMethod", "HmacSHA256", "AWSAccessKeyId",
                    access, "Timestamp", now, "Filter.1.Value", "a b*c/é"), Map.of(), "");
            ObjectNode v2WithoutPort = credentials(access, "ec2.example.com", "GET", "/", Map.of("Action",
                    "DescribeInstances", "SignatureVersion", "2", "AWSAccessKeyId", access, "Timestamp", now), Map.of(),
                    "");
            String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            ObjectNode v4Header = credentials(access, "ec2.example.com:8773", "POST", "/", Map.of("Action",
                    "DescribeRegions", "Version", "2016-11-15"), Map.of("Host", "ec2.example.com:8773", "X-Amz-Date",
                    amzDate, "Authorization", "AWS4-HMAC-SHA256 Credential=" + access + "/" + amzDate.substring(0, 8)
                            + "/RegionOne/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=x"), emptyHash);
            ObjectNode v4Query = credentials(access, "ec2.example.com", "GET", "/", Map.of("Action",
                    "DescribeRegions", "X-Amz-Algorithm", "AWS4-HMAC-SHA256", "X-Amz-Credential", access + "/"
                            + amzDate.substring(0, 8) + "/RegionOne/ec2/aws4_request", "X-Amz-Date", amzDate,
                    "X-Amz-SignedHeaders", "host"), Map.of("Host", "ec2.example.com"), "UNSIGNED-PAYLOAD");
            ObjectNode stale = credentials(access, "ec2.example.com", "GET", "/", Map.of("Action",
                    "DescribeInstances", "SignatureVersion", "2", "AWSAccessKeyId", access, "Timestamp",
                    "2020-01-01T00:00:00Z"), Map.of(), "");
            List<String> signatures = sign(python, secret, List.of(v2, v2WithoutPort, v4Header, v4Query, stale));
            v2.put("signature", signatures.get(0));
            v2WithoutPort.put("signature", signatures.get(1));
            v2WithoutPort.put("host", "ec2.example.com:8773");
            v4Header.put("signature", signatures.get(2));
            v4Query.put("signature", signatures.get(3));
            stale.put("signature", signatures.get(4));

            for (Map.Entry<String, ObjectNode> signed : Map.of("credentials", v2, "ec2Credentials", v2WithoutPort,
                    "credential", v4Header, "credentials ", v4Query).entrySet()) {
                ObjectNode body = JSON.createObjectNode();
                body.set(signed.getKey().strip(), signed.getValue());
                Reply token = http.send("POST", id + "/v3/ec2tokens", body.toString(), json(cloud.adminToken()));
                assertThat(token.status()).as(signed.getKey() + " " + token.body()).isEqualTo(200);
                assertThat(token.subject()).isNotBlank();
                assertThat(texts(token.token().path("methods"))).containsExactly("ec2credential");
                assertThat(token.token().path("user").path("id").asText()).isEqualTo(cloud.demoId());
                assertThat(token.token().path("project").path("id").asText()).isEqualTo(cloud.demoProject());
                assertThat(names(token.token().path("roles"))).containsExactlyInAnyOrder("member", "reader");
                assertThat(validate(id, cloud.adminToken(), token.subject()).status()).isEqualTo(200);
            }
            String good = wrap(v2);
            assertThat(http.send("POST", id + "/v3/ec2tokens", good, Map.of("Content-Type", "application/json"))
                    .status()).isEqualTo(401);
            assertThat(http.send("POST", id + "/v3/ec2tokens", good, json(cloud.demoToken())).status()).isEqualTo(403);
            assertThat(http.send("GET", id + "/v3/ec2tokens", null, json(cloud.adminToken())).status()).isEqualTo(405);
            assertThat(http.send("POST", id + "/v3/ec2tokens", wrap(stale), json(cloud.adminToken())).status())
                    .as("a stale timestamp").isEqualTo(401);
            ObjectNode tampered = v2.deepCopy();
            ((ObjectNode) tampered.get("params")).put("Action", "TerminateInstances");
            ObjectNode unsigned = v2.deepCopy();
            unsigned.remove("signature");
            ObjectNode wrongTypes = v2.deepCopy();
            ((ObjectNode) wrongTypes.get("params")).put("SignatureVersion", 2);
            ObjectNode unknownVersion = v2.deepCopy();
            ((ObjectNode) unknownVersion.get("params")).put("SignatureVersion", "9");
            ObjectNode noParams = v2.deepCopy();
            noParams.remove("params");
            ObjectNode numberAccess = v2.deepCopy();
            numberAccess.put("access", 5);
            for (ObjectNode refused : List.of(tampered, unsigned, wrongTypes, unknownVersion, noParams, numberAccess)) {
                Reply reply = http.send("POST", id + "/v3/ec2tokens", wrap(refused), json(cloud.adminToken()));
                assertThat(reply.status()).as(refused.toString()).isEqualTo(401);
            }
            ObjectNode otherAccess = v2.deepCopy();
            otherAccess.put("access", "nope\u0000");
            Reply notFound = http.send("POST", id + "/v3/ec2tokens", wrap(otherAccess), json(cloud.adminToken()));
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.json().path("error").path("message").asText()).isEqualTo("EC2 access key not found.");
            assertThat(http.send("POST", id + "/v3/ec2tokens", "{}", json(cloud.adminToken())).status()).isEqualTo(400);
            assertThat(http.send("POST", id + "/v3/ec2tokens", "{\"credentials\": \"x\"}", json(cloud.adminToken()))
                    .status()).isEqualTo(401);

            assertThat(http.send("DELETE", mine + "/" + access, null, json(cloud.demoToken())).status()).isEqualTo(204);
            assertThat(http.send("GET", mine + "/" + access, null, json(cloud.demoToken())).status()).isEqualTo(404);
            assertThat(http.send("POST", id + "/v3/ec2tokens", good, json(cloud.adminToken())).status()).isEqualTo(404);
        }
    }

    /** A request signed by the AWS SDK for Java v2's own SigV4 signer, as an EC2 client sends it, is accepted. */
    @Test
    void ec2tokensAcceptsTheAwsSdksSignatureVersion4() throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite")) {
            Cloud cloud = cloud(jnova);
            JsonNode credential = http.send("POST", cloud.url() + "/v3/users/" + cloud.demoId() + "/credentials/OS-EC2",
                    "{\"tenant_id\": \"" + cloud.demoProject() + "\"}", json(cloud.demoToken())).json()
                    .path("credential");
            String access = credential.path("access").asText();
            byte[] form = "Action=DescribeRegions&Version=2016-11-15".getBytes(StandardCharsets.UTF_8);
            software.amazon.awssdk.http.SdkHttpRequest request = software.amazon.awssdk.http.SdkHttpRequest.builder()
                    .method(software.amazon.awssdk.http.SdkHttpMethod.POST).protocol("http").host("ec2.example.com")
                    .port(8773).encodedPath("/")
                    .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
            software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner signer =
                    software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create();
            software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed = signer.sign(r -> r
                    .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(access,
                            credential.path("secret").asText()))
                    .request(request).payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(form))
                    .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                            "ec2")
                    .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME,
                            "RegionOne"));
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            signed.request().headers().forEach((name, values) -> headers.put(name, values.get(0)));
            headers.putIfAbsent("Host", "ec2.example.com:8773");
            String authorization = headers.get("Authorization");
            assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=" + access + "/");
            String bodyHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(form));
            ObjectNode credentials = credentials(access, "ec2.example.com:8773", "POST", "/", Map.of("Action",
                    "DescribeRegions", "Version", "2016-11-15"), headers, bodyHash);
            credentials.put("signature", authorization.substring(authorization.indexOf("Signature=") + 10));
            Reply token = http.send("POST", cloud.url() + "/v3/ec2tokens", wrap(credentials), json(cloud.adminToken()));
            assertThat(token.status()).as(token.body()).isEqualTo(200);
            assertThat(token.token().path("project").path("id").asText()).isEqualTo(cloud.demoProject());
            ((ObjectNode) credentials.get("params")).put("Version", "2013-10-15");
            assertThat(http.send("POST", cloud.url() + "/v3/ec2tokens", wrap(credentials), json(cloud.adminToken()))
                    .status()).as("a POST's parameters are outside Keystone's canonical request: the body hash "
                            + "covers them").isEqualTo(200);
            credentials.put("body_hash", "0".repeat(64));
            assertThat(http.send("POST", cloud.url() + "/v3/ec2tokens", wrap(credentials), json(cloud.adminToken()))
                    .status()).isEqualTo(401);
        }
    }

    /** A second jnova's Compute API validating against this identity through authtoken, with a 2 s cache. */
    @Test
    void theComputeApiRefusesARevokedTokenOnceItsCacheForgetsIt() throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite")) {
            Cloud cloud = cloud(jnova);
            try (JnovaTestServer compute = JnovaTestServer.start("sqlite", "[DEFAULT]",
                    "enabled_apis = osapi_compute,metadata", "[api]", "auth_strategy = keystone",
                    "[keystone_authtoken]", "auth_type = password", "auth_url = " + cloud.url() + "/v3",
                    "www_authenticate_uri = " + cloud.url() + "/v3", "username = admin", "password = s3cret",
                    "user_domain_name = Default", "project_name = admin", "project_domain_name = Default",
                    "token_cache_time = 2")) {
                JnovaTestServer.Reply before = compute.call("GET", "/servers", null, null, cloud.demoToken());
                assertThat(before.status()).as(before.body()).isEqualTo(200);
                assertThat(compute.call("GET", "/servers", null, null, "garbage").status()).isEqualTo(401);
                assertThat(http.send("DELETE", cloud.url() + "/v3/auth/tokens", null, Map.of("X-Auth-Token",
                        cloud.adminToken(), "X-Subject-Token", cloud.demoToken())).status()).isEqualTo(204);
                Thread.sleep(2500);
                assertThat(compute.call("GET", "/servers", null, null, cloud.demoToken()).status()).isEqualTo(401);
                Reply fresh = http.authenticate(cloud.url(), password("demo", "d3mo", "{\"project\": {\"id\": \""
                        + cloud.demoProject() + "\"}}"));
                assertThat(compute.call("GET", "/servers", null, null, fresh.subject()).status()).isEqualTo(200);
            }
        }
    }

    /** Bootstraps admin (s3cret, admin project) and demo (d3mo, member of the demo project) and gets their tokens. */
    private Cloud cloud(JnovaTestServer jnova) throws Exception {
        String identity = jnova.startIdentity();
        assertThat(bootstrap(jnova, "--bootstrap-password", "s3cret", "--bootstrap-public-url", identity + "/v3"))
                .isZero();
        assertThat(bootstrap(jnova, "--bootstrap-username", "demo", "--bootstrap-password", "d3mo",
                "--bootstrap-project-name", "demo", "--bootstrap-role-name", "member")).isZero();
        Reply admin = http.authenticate(identity, password("admin", "s3cret", "{\"project\": {\"name\": \"admin\", "
                + "\"domain\": {\"id\": \"default\"}}}"));
        Reply demo = http.authenticate(identity, password("demo", "d3mo", "{\"project\": {\"name\": \"demo\", "
                + "\"domain\": {\"id\": \"default\"}}}"));
        assertThat(admin.status()).isEqualTo(201);
        assertThat(demo.status()).isEqualTo(201);
        return new Cloud(identity, admin.token().path("user").path("id").asText(),
                admin.token().path("project").path("id").asText(), admin.subject(),
                demo.token().path("user").path("id").asText(), demo.token().path("project").path("id").asText(),
                demo.subject());
    }

    /** Conforms to Keystone's published description, but for its erratum on password_expires_at (null). */
    private static void conforms(String method, String template, Reply reply) throws Exception {
        assertThat(IDENTITY_API.violations(method, template, reply.status(), "3.14", reply.json()).stream()
                .filter(v -> !v.endsWith("password_expires_at: None is not of type 'string'")))
                .as(method + " " + template + ": " + reply.body()).isEmpty();
    }

    private static ObjectNode credentials(String access, String host, String verb, String path,
            Map<String, String> params, Map<String, String> headers, String bodyHash) {
        ObjectNode credentials = JSON.createObjectNode().put("access", access).put("host", host).put("verb", verb)
                .put("path", path).put("body_hash", bodyHash);
        ObjectNode paramsNode = credentials.putObject("params");
        params.forEach(paramsNode::put);
        ObjectNode headersNode = credentials.putObject("headers");
        headers.forEach(headersNode::put);
        return credentials;
    }

    /** Signatures from keystoneclient's Ec2Signer, the implementation Keystone checks with. */
    private static List<String> sign(Path python, String secret, List<ObjectNode> requests) throws Exception {
        ArrayNode input = JSON.createArrayNode();
        for (ObjectNode request : requests) {
            input.addObject().put("secret", secret).set("credentials", request);
        }
        Path script = Path.of(IdentityAuthTest.class.getResource("/org/jnova/identity/ec2_sign.py").toURI());
        Process process = new ProcessBuilder(python.toString(), script.toString()).redirectErrorStream(true).start();
        process.getOutputStream().write(JSON.writeValueAsBytes(input));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<String> signatures = new ArrayList<>();
        JSON.readTree(out).forEach(s -> signatures.add(s.asText()));
        return signatures;
    }

    private static String wrap(ObjectNode credentials) {
        ObjectNode body = JSON.createObjectNode();
        body.set("credentials", credentials);
        return body.toString();
    }

    private static Map<String, String> json(String token) {
        return Map.of("X-Auth-Token", token, "Content-Type", "application/json");
    }

    private static String tokenMethod(String token, String scope) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"" + token + "\"}}"
                + (scope == null ? "" : ", \"scope\": " + scope) + "}}";
    }

    private static String applicationCredential(String fields) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], \"application_credential\": {"
                + fields + "}}}}";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private Reply validate(String identity, String caller, String subject) throws Exception {
        return http.send("GET", identity + "/v3/auth/tokens", null, Map.of("X-Auth-Token", caller, "X-Subject-Token",
                subject));
    }

    @Test
    void pythonSignerScriptIsOnTheClassPath() {
        assertThat(IdentityAuthTest.class.getResource("/org/jnova/identity/ec2_sign.py")).isNotNull();
    }
}
