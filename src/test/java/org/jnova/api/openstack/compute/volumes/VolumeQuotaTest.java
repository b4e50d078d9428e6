package org.jnova.api.openstack.compute.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.jnova.testing.TestServers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in volume catalog keeps cinder's per-project volumes and gigabytes quota; nova's
 * os-volumes passes cinder's refusal on as a 403 with cinder's text.
 */
class VolumeQuotaTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers("[jnova_quota]", "volumes = 2", "gigabytes = 5");

    private static Reply create(String engine, String token, int size) throws Exception {
        return SERVERS.callAs(engine, token, "POST", "/os-volumes", "{\"volume\": {\"size\": " + size + "}}", "2.1");
    }

    @EachEngine
    void volumesAndGigabytesPerProject(String engine) throws Exception {
        String a = "usera:vq-a-" + engine;
        assertThat(create(engine, a, 1).status()).isEqualTo(200);
        Reply second = create(engine, a, 3);
        assertThat(second.status()).isEqualTo(200);
        assertFault(create(engine, a, 1), 403, "Maximum number of volumes allowed (2) exceeded for quota 'volumes'.");
        // both over: cinder names gigabytes first
        assertFault(create(engine, a, 2), 403, "Requested volume or snapshot exceeds allowed gigabytes quota. "
                + "Requested 2G, quota is 5G and 4G has been consumed.");
        assertThat(SERVERS.callAs(engine, a, "GET", "/os-volumes", null, "2.1").json().get("volumes")).hasSize(2);

        // another project has its own quota
        String b = "userb:vq-b-" + engine;
        assertThat(create(engine, b, 5).status()).isEqualTo(200);
        assertFault(create(engine, b, 1), 403, "Requested volume or snapshot exceeds allowed gigabytes quota. "
                + "Requested 1G, quota is 5G and 5G has been consumed.");

        // a volume made for a server at boot counts too: over the quota, the build fails
        Reply boot = SERVERS.callAs(engine, b, "POST", "/servers", "{\"server\": {\"name\": \"bfv\", "
                + "\"flavorRef\": \"1\", \"block_device_mapping_v2\": [{\"source_type\": \"image\", \"uuid\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"destination_type\": \"volume\", \"volume_size\": 1, "
                + "\"boot_index\": 0}]}}", "2.1");
        assertThat(boot.status()).as(boot.body()).isEqualTo(202);
        TestServers.settled(SERVERS.get(engine), boot.json().at("/server/id").asText(), "ERROR");
        assertThat(SERVERS.callAs(engine, b, "GET", "/os-volumes", null, "2.1").json().get("volumes")).hasSize(1);

        // a deleted volume gives its share back
        String id = second.json().at("/volume/id").asText();
        assertThat(SERVERS.callAs(engine, a, "DELETE", "/os-volumes/" + id, null, "2.1").status()).isEqualTo(202);
        assertThat(create(engine, a, 4).status()).isEqualTo(200);
    }
}
