package org.jnova.api.openstack.compute.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * [jnova_quota] images limits the images a project owns (glance's image count, off by
 * default): snapshots, backups and shelving are refused with 403 at the limit.
 */
class ImageQuotaTest {
    private static final String OVER = "Quota exceeded for resources: ['images']";
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_quota]", "images = 1");

    /** A server action, answer read unchecked (the OpenAPI file documents no body for actions' 202). */
    private static Reply action(String engine, String token, String server, String body) throws Exception {
        return SERVERS.get(engine).call("POST", "/servers/" + server + "/action", body, "2.45", token);
    }

    @EachEngine
    void imagesPerProject(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        String a = "usera:iq-a-" + engine;
        String server = TestServers.active(jnova, a, SeedData.CIRROS_IMAGE_ID, "1");
        Reply first = action(engine, a, server, "{\"createImage\": {\"name\": \"one\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        TestServers.settled(jnova, server, "ACTIVE");

        assertFault(action(engine, a, server, "{\"createImage\": {\"name\": \"two\"}}"), 403, OVER);
        assertFault(action(engine, a, server, "{\"createBackup\": {\"name\": \"b\", \"backup_type\": \"daily\", "
                + "\"rotation\": 1}}"), 403, OVER);
        assertFault(action(engine, a, server, "{\"shelve\": null}"), 403, OVER);
        assertThat(jnova.cloud().instances().get(server, false).orElseThrow().taskState()).isNull();

        // the admin's snapshot of the server is the admin project's image
        Reply byAdmin = action(engine, "admin:admin", server, "{\"createImage\": {\"name\": \"admin\"}}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(202);
        TestServers.settled(jnova, server, "ACTIVE");

        // a deleted image gives its share back
        String image = first.json().get("image_id").asText();
        assertThat(SERVERS.callAs(engine, a, "DELETE", "/images/" + image, null, "2.1").status()).isEqualTo(204);
        assertThat(action(engine, a, server, "{\"createImage\": {\"name\": \"three\"}}").status()).isEqualTo(202);
    }
}
