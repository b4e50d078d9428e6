package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.jnova.image.GlanceTestServer;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.Test;

/**
 * jnova and Debian's glance-api both behind a real Keystone, jnova a client of that Glance
 * ([glance] api_servers): the caller's token is forwarded, so Glance decides who sees and
 * deletes an image.
 */
class OperatorGlanceKeystoneTest {
    @Test
    void glanceDecidesVisibilityWithTheCallersToken() throws Exception {
        try (KeystoneServer keystone = KeystoneServer.start("glance", 3600)) {
            keystone.createUser("nova", "nova-secret", "service", "service", "admin");
            keystone.createUser("demo", "demo-secret", "demo", "member", "reader");
            keystone.createUser("other", "other-secret", "other", "member", "reader");
            try (GlanceTestServer glance = GlanceTestServer.startBehindKeystone(keystone.url(), "nova", "nova-secret");
                    JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[DEFAULT]",
                            "enabled_apis = osapi_compute,metadata", "[api]", "auth_strategy = keystone",
                            "[keystone_authtoken]", "auth_type = password", "auth_url = " + keystone.url() + "/v3",
                            "username = nova", "password = nova-secret", "user_domain_name = Default",
                            "project_name = service", "project_domain_name = Default", "[glance]",
                            "api_servers = " + glance.url())) {
                String demo = keystone.projectToken("demo", "demo-secret", "demo").token();
                String other = keystone.projectToken("other", "other-secret", "other").token();
                String id = glance.json("POST", "/v2/images", "application/json", "{\"name\": \"mine\", "
                        + "\"visibility\": \"private\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}",
                        201, demo).path("id").asText();

                JnovaTestServer.Reply mine = jnova.call("GET", "/images/" + id, null, "2.1", demo);
                assertThat(mine.status()).as(mine.body()).isEqualTo(200);
                assertThat(mine.json().path("image").path("name").asText()).isEqualTo("mine");
                assertThat(jnova.call("GET", "/images/" + id, null, "2.1", other).status()).isEqualTo(404);
                assertThat(jnova.call("GET", "/images", null, "2.1", other).json().path("images"))
                        .noneMatch(image -> image.path("id").asText().equals(id));
                assertThat(jnova.call("DELETE", "/images/" + id, null, "2.1", other).status()).isEqualTo(404);
                assertThat(jnova.call("DELETE", "/images/" + id, null, "2.1", demo).status()).isEqualTo(204);
                assertThat(glance.call("GET", "/v2/images/" + id, null, null, demo).statusCode()).isEqualTo(404);
            }
        }
    }
}
