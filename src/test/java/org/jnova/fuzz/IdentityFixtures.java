package org.jnova.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.cmd.NovaManage;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JsonRequests;

/**
 * The built-in Identity v3 made ready for fuzzing: the admin and a member ("demo", role
 * member on project demo) made as {@code nova-manage identity bootstrap} makes them, their
 * tokens, a revoked token, and entities only the admin's requests aim at (a domain, a
 * project whose description the member must never see, a user, roles, a group, a region,
 * a service and endpoint), the member's application credential and EC2 credential.
 * {@link #refresh()} bootstraps again, issues new tokens and makes again what is gone.
 */
final class IdentityFixtures implements IdentityGenerator.Targets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "fuzz-admin-password";
    private static final String MEMBER_PASSWORD = "fuzz-member-password";

    private final JnovaTestServer jnova;
    private final String url;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> ids = new HashMap<>();
    /** The description of the admin's project: a member's answer holding it shows another project's data. */
    private final String secret = "fuzz-secret-" + UUID.randomUUID();
    private String adminToken;
    private String memberToken;
    private String revoked;
    private int names;

    IdentityFixtures(JnovaTestServer jnova) {
        this.jnova = jnova;
        this.url = jnova.startIdentity();
    }

    String url() {
        return url;
    }

    IdentityFixtures create() {
        refresh();
        Reply again = send("POST", "/v3/auth/tokens", null, memberAuthentication().toString(), Map.of());
        revoked = again.header("X-Subject-Token");
        send("DELETE", "/v3/auth/tokens", adminToken, null, Map.of("X-Subject-Token", revoked));
        return this;
    }

    /** Bootstraps both users again (which also restores their passwords and roles), new tokens, lost entities. */
    void refresh() {
        bootstrap("admin", ADMIN_PASSWORD, "admin", "admin");
        bootstrap("demo", MEMBER_PASSWORD, "demo", "member");
        JsonNode admin = authenticate("admin", ADMIN_PASSWORD, "admin");
        ids.put("admin-user", admin.path("user").path("id").asText());
        JsonNode member = authenticate("demo", MEMBER_PASSWORD, "demo");
        ids.put("member-user", member.path("user").path("id").asText());
        ids.put("member-project", member.path("project").path("id").asText());
        ids.put("admin-project", admin.path("project").path("id").asText());
        for (String role : List.of("admin", "member", "reader")) {
            ids.put("role-" + role, call("GET", "/v3/roles?name=" + role, adminToken, null, 200).path("roles")
                    .path(0).path("id").asText());
        }
        ensure("domain", "/v3/domains", "{\"domain\": {\"name\": \"fuzz-domain\"}}");
        ensure("project", "/v3/projects", "{\"project\": {\"name\": \"fuzz-project\", \"description\": \"" + secret
                + "\", \"tags\": [\"tag1\"]}}");
        ensure("user", "/v3/users", "{\"user\": {\"name\": \"fuzz-user\", \"password\": \"fuzz-user-password\"}}");
        ensure("user2", "/v3/users", "{\"user\": {\"name\": \"fuzz-user-2\"}}");
        ensure("role", "/v3/roles", "{\"role\": {\"name\": \"fuzz-role\"}}");
        ensure("role2", "/v3/roles", "{\"role\": {\"name\": \"fuzz-role-2\"}}");
        ensure("group", "/v3/groups", "{\"group\": {\"name\": \"fuzz-group\"}}");
        ensure("region", "/v3/regions", "{\"region\": {\"id\": \"fuzz-region\"}}");
        ensure("service", "/v3/services", "{\"service\": {\"type\": \"fuzz\", \"name\": \"fuzz\"}}");
        ensure("endpoint", "/v3/endpoints", "{\"endpoint\": {\"service_id\": \"" + ids.get("service")
                + "\", \"interface\": \"public\", \"url\": \"http://fuzz.example/\"}}");
        String credentials = "/v3/users/" + ids.get("member-user") + "/application_credentials";
        if (!ids.containsKey("application-credential") || send("GET", credentials + "/"
                + ids.get("application-credential"), memberToken, null, Map.of()).status() != 200) {
            ids.put("application-credential", call("POST", credentials, memberToken,
                    "{\"application_credential\": {\"name\": \"fuzz-ac-" + names++ + "\"}}", 201)
                    .path("application_credential").path("id").asText());
        }
        String ec2 = "/v3/users/" + ids.get("member-user") + "/credentials/OS-EC2";
        if (!ids.containsKey("ec2-credential") || send("GET", ec2 + "/" + ids.get("ec2-credential"), memberToken,
                null, Map.of()).status() != 200) {
            ids.put("ec2-credential", call("POST", ec2, memberToken, "{\"tenant_id\": \"" + ids.get("member-project")
                    + "\"}", 201).path("credential").path("access").asText());
        }
    }

    @Override
    public String token(boolean admin) {
        return admin ? adminToken : memberToken;
    }

    @Override
    public List<String> badTokens() {
        List<String> out = new ArrayList<>(List.of("", "x", "admin:admin", "null", "x".repeat(8000),
                "gAAAAA" + "A".repeat(180), "%00", "\u00e9", adminToken + "x", adminToken.substring(0, 20),
                memberToken.substring(0, memberToken.length() - 1) + (memberToken.endsWith("A") ? "B" : "A"),
                " " + memberToken, memberToken + "=", memberToken.toUpperCase(java.util.Locale.ROOT)));
        if (revoked != null) {
            out.add(revoked);
        }
        return out;
    }

    @Override
    public String id(String parameter, boolean admin, boolean other) {
        return switch (parameter) {
            // the admin's requests never name the member: it must not come to see the admin's project
            case "user_id" -> admin ? ids.get(other ? "user2" : "user") : ids.get(other ? "admin-user"
                    : "member-user");
            case "project_id" -> admin ? ids.get(other ? "member-project" : "project") : ids.get(other ? "project"
                    : "member-project");
            case "domain_id" -> admin || other ? ids.get("domain") : "default";
            case "role_id", "prior_role_id" -> admin ? ids.get("role") : ids.get(other ? "role-admin" : "role-member");
            case "implied_role_id" -> admin ? ids.get("role2") : ids.get("role-reader");
            case "group_id" -> ids.get("group");
            case "region_id" -> ids.get("region");
            case "service_id" -> ids.get("service");
            case "endpoint_id" -> ids.get("endpoint");
            case "application_credential_id" -> ids.get("application-credential");
            case "credential_id" -> ids.get("ec2-credential");
            case "value" -> "tag1";
            default -> "fuzz-" + parameter.replace("_", "-");
        };
    }

    @Override
    public JsonNode memberAuthentication() {
        try {
            return JSON.readTree("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
                    + "{\"name\": \"demo\", \"domain\": {\"id\": \"default\"}, \"password\": \"" + MEMBER_PASSWORD
                    + "\"}}}, \"scope\": {\"project\": {\"name\": \"demo\", \"domain\": {\"id\": \"default\"}}}}}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> unseen() {
        return List.of(secret);
    }

    @Override
    public String hint(String field) {
        return switch (field) {
            case "domain_id" -> "default";
            case "project_id", "tenant_id", "default_project_id" -> ids.get("member-project");
            case "user_id" -> ids.get("user");
            case "role_id" -> ids.get("role");
            case "service_id" -> ids.get("service");
            case "region_id" -> ids.get("region");
            case "name" -> "fuzz-" + (names++ % 97);
            default -> null;
        };
    }

    /** The entity {@code key} exists (as the admin sees it), made again at {@code collection} when it is gone. */
    private void ensure(String key, String collection, String body) {
        String id = ids.get(key);
        if (id != null && send("GET", collection + "/" + id, adminToken, null, Map.of()).status() == 200) {
            return;
        }
        Reply created = send("POST", collection, adminToken, body, Map.of());
        String field = collection.substring(collection.lastIndexOf('/') + 1, collection.length() - 1);
        if (created.status() == 201) {
            ids.put(key, created.json().path(field).path("id").asText());
            return;
        }
        // the name is taken by an entity the fuzzing changed: find it by name
        JsonNode sent = parse(body).path(field);
        String name = sent.path("name").asText(sent.path("id").asText());
        JsonNode listed = call("GET", collection, adminToken, null, 200).path(field + "s");
        for (JsonNode each : listed) {
            if (name.equals(each.path("name").asText()) || name.equals(each.path("id").asText())
                    || (key.equals("endpoint") && ids.get("service").equals(each.path("service_id").asText()))) {
                ids.put(key, each.path("id").asText());
                return;
            }
        }
        throw new AssertionError("identity fixture " + key + ": " + created.status() + " " + created.body());
    }

    private void bootstrap(String user, String password, String project, String role) {
        int code = NovaManage.run(new String[] {"--config-file", jnova.configFile().toString(), "identity",
            "bootstrap", "--bootstrap-username", user, "--bootstrap-password", password, "--bootstrap-project-name",
            project, "--bootstrap-role-name", role, "--bootstrap-public-url", url + "/v3"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        if (code != 0) {
            throw new AssertionError("identity bootstrap of " + user + " failed: " + code);
        }
    }

    /** A project-scoped token of the user (kept as the admin's or the member's); the token's body. */
    private JsonNode authenticate(String user, String password, String project) {
        Reply r = send("POST", "/v3/auth/tokens", null, "{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                + "\"password\": {\"user\": {\"name\": \"" + user + "\", \"domain\": {\"id\": \"default\"}, "
                + "\"password\": \"" + password + "\"}}}, \"scope\": {\"project\": {\"name\": \"" + project
                + "\", \"domain\": {\"id\": \"default\"}}}}}", Map.of());
        if (r.status() != 201) {
            throw new AssertionError("identity fixture: " + user + " cannot authenticate: " + r.status() + " "
                    + r.body());
        }
        if (user.equals("admin")) {
            adminToken = r.header("X-Subject-Token");
        } else {
            memberToken = r.header("X-Subject-Token");
        }
        return r.json().path("token");
    }

    private JsonNode call(String method, String path, String token, String body, int status) {
        Reply r = send(method, path, token, body, Map.of());
        if (r.status() != status) {
            throw new AssertionError("identity fixture " + method + " " + path + ": " + r.status() + " " + r.body());
        }
        return r.json();
    }

    private record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return parse(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = JsonRequests.builder(method, URI.create(url + path), body, token);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
