package org.jnova.api.openstack.compute.policywalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jnova.compute.SeedData;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;

/**
 * An operator's policy.yaml ([oslo_policy] policy_file) takes effect on the running API over a
 * real socket, without a restart: rule added, then removed.
 */
class PolicyFileReloadTest {
    private static final String CREATE = "{\"server\": {\"name\": \"p\", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID
            + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}";

    @Test
    void createBecomesAdminOnlyAndBackWithoutRestart() throws Exception {
        Path policy = Files.createTempFile("policy", ".yaml");
        Files.writeString(policy, "# no overrides\n");
        try (JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[oslo_policy]", "policy_file = " + policy,
                "[quota]", "instances = -1", "cores = -1", "ram = -1")) {
            assertThat(jnova.call("POST", "/servers", CREATE, "2.37", "member:projecta").status()).isEqualTo(202);

            rewrite(policy, "\"os_compute_api:servers:create\": \"rule:context_is_admin\"\n");
            JnovaTestServer.Reply denied = createAsMemberUntil(jnova, 403);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().path("forbidden").path("message").asText())
                    .isEqualTo("Policy doesn't allow os_compute_api:servers:create to be performed.");
            assertThat(jnova.call("POST", "/servers", CREATE, "2.37", "admin:projecta").status()).isEqualTo(202);

            rewrite(policy, "# the override is gone\n");
            assertThat(createAsMemberUntil(jnova, 202).status()).isEqualTo(202);
        }
    }

    /** jnova looks at the policy files at most once a second: the change shows within a few. */
    private static JnovaTestServer.Reply createAsMemberUntil(JnovaTestServer jnova, int status) throws Exception {
        Instant end = Instant.now().plusSeconds(5);
        JnovaTestServer.Reply r;
        do {
            r = jnova.call("POST", "/servers", CREATE, "2.37", "member:projecta");
            if (r.status() == status) {
                return r;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(end));
        return r;
    }

    /** Writes the file with a modification time clearly after the previous one (coarse file-system clocks). */
    private static void rewrite(Path file, String text) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Instant later = before.toInstant().plusSeconds(2);
        Files.setLastModifiedTime(file, FileTime.from(later));
    }
}
