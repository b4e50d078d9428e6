package org.jnova.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files as operators write them, read as oslo.policy reads them. */
class PolicyFileParsingTest {
    @TempDir
    Path dir;

    @Test
    void yamlWhoseFirstLineLooksLikeAJsonStringIsStillYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"),
                "\"os_compute_api:servers:create\": \"rule:context_is_admin\"\n\"a\": \"@\"\n");
        assertThat(PolicyFiles.readOne(file)).containsExactly(
                Map.entry("os_compute_api:servers:create", "rule:context_is_admin"), Map.entry("a", "@"));
    }

    @Test
    void allCommentFileOverridesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "# the sample, all commented out\n#\"a\": \"@\"\n\n");
        assertThat(PolicyFiles.readOne(file)).isEmpty();
    }

    @Test
    void jsonStillReads() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), "{\"a\": \"@\"}");
        assertThat(PolicyFiles.readOne(file)).containsExactly(Map.entry("a", "@"));
    }
}
