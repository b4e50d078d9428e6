package org.jnova.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI ({@code aws} on the PATH), unmodified, against one EC2 endpoint with one access
 * key and secret: {@code aws --endpoint-url URL --output json ec2 ...} in a clean environment
 * (its own HOME, no AWS_* variables of the caller, region {@code nova}, no retries).
 */
public final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String executable;
    private final String endpoint;
    private final String accessKey;
    private final String secret;
    private final Path home;

    private AwsCli(String executable, String endpoint, String accessKey, String secret, Path home) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secret = secret;
        this.home = home;
    }

    /** The {@code aws} executable on the PATH, if there is one. */
    public static Optional<String> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** The CLI signing with these credentials; {@code home} holds its configuration and cache. */
    public static AwsCli of(String endpoint, String accessKey, String secret, Path home) {
        return new AwsCli(find().orElseThrow(() -> new IllegalStateException("the AWS CLI is not installed")),
                endpoint, accessKey, secret, home);
    }

    /** The same CLI with another secret (the same access key). */
    public AwsCli withSecret(String otherSecret) {
        return new AwsCli(executable, endpoint, accessKey, otherSecret, home);
    }

    public Path home() {
        return home;
    }

    /** One exit status and what the CLI wrote (standard output and error together). */
    public record Result(int exit, String output) {
        public JsonNode json() throws Exception {
            return JSON.readTree(output);
        }
    }

    /** Runs {@code aws ec2 ARGS...}. */
    public Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable, "--endpoint-url", endpoint, "--output", "json",
                "ec2"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", accessKey);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", secret);
        builder.environment().put("AWS_DEFAULT_REGION", "nova");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(720, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Runs {@code aws ec2 ARGS...} and asserts it succeeded. */
    public Result ok(String... args) throws Exception {
        Result result = run(args);
        assertThat(result.exit()).as("aws ec2 " + String.join(" ", args) + ": " + result.output()).isZero();
        return result;
    }

    /** Runs {@code aws ec2 ARGS...}, asserts it failed with this EC2 error code; returns what it wrote. */
    public String fails(String code, String... args) throws Exception {
        Result result = run(args);
        assertThat(result.exit()).as("aws ec2 " + String.join(" ", args) + ": " + result.output()).isNotZero();
        assertThat(result.output()).contains("(" + code + ")");
        return result.output();
    }
}
