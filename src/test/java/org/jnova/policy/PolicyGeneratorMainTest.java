package org.jnova.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective rules printed as oslopolicy-policy-generator prints them. */
class PolicyGeneratorMainTest {
    @TempDir
    Path dir;

    @Test
    void printsFileRulesFirstThenEveryOtherRegisteredRule() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"),
                "os_compute_api:servers:create: role:admin\ncustom_rule: \"@\"\n");
        Path out = dir.resolve("effective.yaml");
        PolicyGeneratorMain.main(new String[] {"--policy-file", policy.toString(), "--output-file", out.toString()});
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(206);
        assertThat(lines.get(0)).isEqualTo("\"os_compute_api:servers:create\": \"role:admin\"");
        assertThat(lines.get(1)).isEqualTo("\"custom_rule\": \"@\"");
        assertThat(lines).contains("\"context_is_admin\": \"role:admin\"",
                "\"project_member_or_admin\": \"(rule:project_member_api or rule:context_is_admin)\"");
    }

    @Test
    void withoutTheNewDefaultsTheDeprecatedRulesShowOredIn() throws Exception {
        Path out = dir.resolve("effective.yaml");
        PolicyGeneratorMain.main(new String[] {"--policy-file", dir.resolve("absent.yaml").toString(),
                "--enforce-new-defaults", "false", "--output-file", out.toString()});
        assertThat(Files.readAllLines(out)).hasSize(205)
                .contains("\"context_is_admin\": \"(role:admin or is_admin:True)\"");
    }
}
