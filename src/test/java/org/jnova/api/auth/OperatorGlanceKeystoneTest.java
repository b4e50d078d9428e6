package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jnova.conf.GlanceClientOpts;
import org.jnova.context.RequestContext;
import org.jnova.image.GlanceClientImagesApi;
import org.jnova.image.GlanceTestServer;
import org.jnova.image.ImageNotAuthorized;
import org.jnova.image.ImagesApi;
import org.jnova.objects.Image;
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

    /**
     * [service_user] send_service_user_token: calls to Glance carry the service user's token
     * beside the caller's, so Glance's keystonemiddleware accepts a caller's token that expired
     * meanwhile (as it does for work a compute host finishes later: unshelve, backup rotation);
     * without it the same call is refused.
     */
    @Test
    void theServiceUsersTokenLetsGlanceAcceptACallersTokenThatExpiredMeanwhile() throws Exception {
        try (KeystoneServer keystone = KeystoneServer.start("service-user", 15)) {
            keystone.createUser("nova", "nova-secret", "service", "admin", "service");
            keystone.createUser("demo", "demo-secret", "demo", "member", "reader");
            try (GlanceTestServer glance = GlanceTestServer.startBehindKeystone(keystone.url(), "nova", "nova-secret");
                    JnovaTestServer jnova = JnovaTestServer.start("sqlite", "[glance]", "api_servers = " + glance.url(),
                            "num_retries = 0", "[service_user]", "send_service_user_token = true",
                            "auth_type = password", "auth_url = " + keystone.url() + "/v3", "username = nova",
                            "password = nova-secret", "user_domain_name = Default", "project_name = service",
                            "project_domain_name = Default")) {
                KeystoneServer.IssuedToken demo = keystone.projectToken("demo", "demo-secret", "demo");
                String id = glance.json("POST", "/v2/images", "application/json", "{\"name\": \"mine\", "
                        + "\"visibility\": \"private\"}", 201, demo.token()).path("id").asText();
                RequestContext caller = new RequestContext(demo.userId(), Optional.of(demo.projectId()),
                        List.of("member", "reader"), false, "req-service-user", Optional.empty(), Optional.empty(),
                        Optional.of(demo.token()), Optional.empty(), Optional.empty());
                ImagesApi withServiceToken = jnova.cloud().imageService();
                GlanceClientImagesApi callerTokenOnly =
                        new GlanceClientImagesApi(GlanceClientOpts.settings(jnova.conf()));
                assertThat(callerTokenOnly.find(caller, id)).isPresent();
                assertThat(withServiceToken.find(caller, id)).isPresent();

                Instant expires = Instant.parse(demo.body().path("expires_at").asText());
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 2000);
                assertThatThrownBy(() -> callerTokenOnly.find(caller, id)).isInstanceOf(ImageNotAuthorized.class);
                assertThat(withServiceToken.find(caller, id)).map(Image::name).contains("mine");
                withServiceToken.delete(caller, id);
                assertThat(glance.call("GET", "/v2/images/" + id, null, null, keystone.adminToken().token())
                        .statusCode()).isEqualTo(404);
            }
        }
    }
}
