package org.jnova.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keystone for tests, started with {@code bin/lib/keystone-test-server.sh} (Debian's
 * keystone package, SQLite, fernet tokens), and the few Keystone API calls the tests need.
 * Tests are skipped, with the reason, when the keystone package is not installed.
 */
final class KeystoneServer implements AutoCloseable {
    private static final Path SCRIPT = Path.of("bin/lib/keystone-test-server.sh");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runDir;
    private final String url;
    private final String adminPassword;

    /** A token and the token object Keystone returned with it. */
    record IssuedToken(String token, JsonNode body) {
        String userId() {
            return body.path("user").path("id").asText();
        }

        String projectId() {
            return body.path("project").path("id").asText();
        }
    }

    private KeystoneServer(Path runDir, String url, String adminPassword) {
        this.runDir = runDir;
        this.url = url;
        this.adminPassword = adminPassword;
    }

    /** Starts a fresh Keystone whose tokens live this many seconds. */
    static KeystoneServer start(String name, int tokenExpirationSeconds) throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/keystone-manage"))
                && Files.isExecutable(Path.of("/usr/bin/keystone-wsgi-public"));
        Assumptions.assumeTrue(installed, "Keystone tests skipped: Debian's keystone package is not installed "
                + "(bin/lib/test-services.sh installs it with apt-get install keystone)");
        Path runDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "keystone-" + name + "-");
        Process process = new ProcessBuilder(SCRIPT.toString(), "start", runDir.toString(),
                Integer.toString(tokenExpirationSeconds))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("Keystone did not start: " + output);
        }
        List<String> lines = output.strip().lines().toList();
        String url = lines.get(lines.size() - 1).strip();
        return new KeystoneServer(runDir, url, Files.readString(runDir.resolve("admin-password")).strip());
    }

    /**
     * A client per call: Keystone's simple server answers HTTP/1.0 and closes each connection,
     * which a pooled connection would only find out on its next use.
     */
    private static HttpClient client() {
        return HttpClient.newHttpClient();
    }

    String url() {
        return url;
    }

    String adminPassword() {
        return adminPassword;
    }

    /** How many token validations ({@code GET /v3/auth/tokens}) Keystone has served, from its request log. */
    long validations() throws IOException {
        try (var lines = Files.lines(runDir.resolve("server.out"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("\"GET /v3/auth/tokens")).count();
        }
    }

    IssuedToken projectToken(String user, String password, String project) throws Exception {
        return issue(user, password, Map.of("project", Map.of("name", project, "domain", Map.of("id", "default"))));
    }

    IssuedToken systemToken(String user, String password) throws Exception {
        return issue(user, password, Map.of("system", Map.of("all", true)));
    }

    IssuedToken adminToken() throws Exception {
        return projectToken("admin", adminPassword, "admin");
    }

    private IssuedToken issue(String user, String password, Map<String, Object> scope) throws Exception {
        Map<String, Object> auth = Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
                        "name", user, "domain", Map.of("id", "default"), "password", password))),
                "scope", scope));
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(auth))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keystone refused a token for " + user + ": " + response.body());
        }
        return new IssuedToken(response.headers().firstValue("X-Subject-Token").orElseThrow(),
                JSON.readTree(response.body()).path("token"));
    }

    void revoke(String token) throws Exception {
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(url + "/v3/auth/tokens"))
                .header("X-Auth-Token", adminToken().token()).header("X-Subject-Token", token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keystone did not revoke the token: " + response.body());
        }
    }

    /** Creates a project, a user with this password and these roles on it; returns the user id. */
    String createUser(String name, String password, String project, String... roles) throws Exception {
        String admin = adminToken().token();
        String projectId = findOrCreate(admin, "projects", "project",
                Map.of("name", project, "domain_id", "default"));
        String userId = call(admin, "POST", "/v3/users", Map.of("user",
                Map.of("name", name, "password", password, "domain_id", "default"))).path("user").path("id").asText();
        for (String role : roles) {
            String roleId = findOrCreate(admin, "roles", "role", Map.of("name", role));
            call(admin, "PUT", "/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId, null);
        }
        return userId;
    }

    /** New EC2 credentials of the user for the project (Keystone's OS-EC2 API): {access, secret}. */
    String[] ec2Credentials(String user, String password, String project) throws Exception {
        IssuedToken token = projectToken(user, password, project);
        JsonNode credential = call(token.token(), "POST", "/v3/users/" + token.userId() + "/credentials/OS-EC2",
                Map.of("tenant_id", token.projectId())).path("credential");
        return new String[] {credential.path("access").asText(), credential.path("secret").asText()};
    }

    /** Gives the user a role on the whole system (for system-scoped tokens). */
    void grantSystemRole(String userId, String role) throws Exception {
        String admin = adminToken().token();
        String roleId = findOrCreate(admin, "roles", "role", Map.of("name", role));
        call(admin, "PUT", "/v3/system/users/" + userId + "/roles/" + roleId, null);
    }

    private String findOrCreate(String token, String collection, String member, Map<String, Object> body)
            throws Exception {
        JsonNode found = call(token, "GET", "/v3/" + collection + "?name=" + body.get("name"), null).path(collection);
        if (found.size() > 0) {
            return found.get(0).path("id").asText();
        }
        return call(token, "POST", "/v3/" + collection, Map.of(member, body)).path(member).path("id").asText();
    }

    private JsonNode call(String token, String method, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(url + path))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Stops Keystone; its run directory stays under target/ for inspection. */
    @Override
    public void close() throws Exception {
        Process process = new ProcessBuilder(SCRIPT.toString(), "stop", runDir.toString())
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
