package org.jnova.api.openstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jnova.cmd.NovaManage;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;

/**
 * What the Identity v3 tests share: one HTTP client and Keystone's answers as {@link Reply},
 * password authentication bodies, {@code nova-manage identity bootstrap}, the openstack CLI as
 * the bootstrap admin, and Keystone's published API description.
 */
final class IdentityHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keystone's published API description (the status of a POST there is 200; Keystone answers 201). */
    static final OpenApiConformance IDENTITY_API = new OpenApiConformance(
            Path.of("..", "shared", "reference", "identity-openapi-v3.yaml"));

    private final HttpClient client = newClient();

    /** One HTTP answer of the Identity API. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        /** The token object of an authentication or validation answer. */
        JsonNode token() throws Exception {
            return json().path("token");
        }

        /** The message of Keystone's error body. */
        String message() throws Exception {
            return json().path("error").path("message").asText();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The token an authentication issued ({@code X-Subject-Token}). */
        String subject() {
            return header("X-Subject-Token");
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * One request to {@code url} with these headers. The HTTP server closes the connection after
     * refusing a NUL in a path, so such a request goes on a connection of its own.
     */
    Reply send(String method, String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpClient sender = url.contains("%00") ? newClient() : client;
        HttpResponse<String> response = sender.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    /** A request with the token {@code X-Auth-Token} (when not null), a JSON body (when not null). */
    Reply call(String method, String url, String token, String body) throws Exception {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (token != null) {
            headers.put("X-Auth-Token", token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, url, body, headers);
    }

    /** {@code POST IDENTITY/v3/auth/tokens} with this body. */
    Reply authenticate(String identity, String body) throws Exception {
        return send("POST", identity + "/v3/auth/tokens", body, Map.of("Content-Type", "application/json"));
    }

    /** A password authentication of a user of domain default by name, with a scope (JSON, or null: none). */
    static String password(String user, String password, String scope) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"" + user
                + "\", \"domain\": {\"id\": \"default\"}, \"password\": \"" + password + "\"}}}"
                + (scope == null ? "" : ", \"scope\": " + scope) + "}}";
    }

    /** The scope of the project of domain default by this name. */
    static String projectScope(String project) {
        return "{\"project\": {\"name\": \"" + project + "\", \"domain\": {\"id\": \"default\"}}}";
    }

    /** {@code nova-manage identity bootstrap} with {@code options} on the server's configuration; its exit code. */
    static int bootstrap(JnovaTestServer jnova, String... options) {
        List<String> argv = new ArrayList<>(List.of("--config-file", jnova.configFile().toString(), "identity",
                "bootstrap"));
        argv.addAll(List.of(options));
        return NovaManage.run(argv.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** The {@code name} of each member. */
    static List<String> names(JsonNode array) {
        return names(array, "name");
    }

    /** The {@code field} of each member. */
    static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    /**
     * Debian's openstack CLI as the bootstrap admin ({@code admin} / {@code s3cret}, project
     * {@code admin}) against {@code IDENTITY/v3}, nothing from the caller's {@code OS_*}
     * environment; asserts it succeeded and returns its standard output.
     */
    static String openstack(Path cli, String identity, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of(cli.toString(), "--os-auth-url", identity + "/v3",
                "--os-identity-api-version", "3", "--os-username", "admin", "--os-password", "s3cret",
                "--os-project-name", "admin", "--os-user-domain-id", "default", "--os-project-domain-id",
                "default"));
        argv.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": "
                + new String(err.get(), StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
