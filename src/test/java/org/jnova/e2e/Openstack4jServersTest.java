package org.jnova.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Image;
import org.openstack4j.model.compute.Keypair;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerCreate;
import org.openstack4j.model.compute.ServerUpdateOptions;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

/**
 * openstack4j (its default connector) against the all-in-one on a real socket. noauth2 has
 * no Keystone to log in to, so the client is made with {@code OSFactory.clientFromToken}
 * from a hand-made Keystone v3 token: id "admin:admin" (what noauth2 reads) and a catalog
 * whose compute endpoint is jnova's /v2.1.
 */
class Openstack4jServersTest {
    private static JnovaTestServer jnova;

    @BeforeAll
    static void start() throws Exception {
        jnova = JnovaTestServer.start("sqlite");
    }

    @AfterAll
    static void stop() throws Exception {
        jnova.close();
    }

    static OSClient.OSClientV3 client(String computeUrl, String user, String project) throws Exception {
        String json = """
                {"token": {"methods": ["token"], "expires_at": "2099-01-01T00:00:00.000000Z",
                  "issued_at": "2020-01-01T00:00:00.000000Z", "audit_ids": ["jnova"],
                  "user": {"id": "%2$s", "name": "%2$s", "domain": {"id": "default", "name": "Default"}},
                  "project": {"id": "%3$s", "name": "%3$s", "domain": {"id": "default", "name": "Default"}},
                  "roles": [{"id": "admin", "name": "admin"}],
                  "catalog": [{"id": "nova", "type": "compute", "name": "nova", "endpoints": [
                    {"id": "nova-public", "interface": "public", "region": "RegionOne", "region_id": "RegionOne",
                     "url": "%1$s"}]}]}}
                """.formatted(computeUrl, user, project);
        KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class)
                .readerFor(KeystoneToken.class).readValue(json);
        token.setId(user + ":" + project);
        return OSFactory.clientFromToken(token, Facing.PUBLIC);
    }

    @Test
    void bootListRenameSetMetadataAndDelete() throws Exception {
        for (String resource : List.of("/flavors", "/images", "/os-keypairs")) {
            // other helpers' controllers: this scenario runs once they are registered in the same build
            Assumptions.assumeTrue(jnova.call("GET", resource, null, "2.1").status() == 200,
                    resource + " is not served by this build");
        }
        OSClient.OSClientV3 os = client(jnova.computeUrl(), "admin", "admin");

        List<? extends Flavor> flavors = os.compute().flavors().list();
        assertThat(flavors).extracting(Flavor::getName).contains("m1.tiny", "m1.small");
        Flavor tiny = flavors.stream().filter(f -> f.getName().equals("m1.tiny")).findFirst().orElseThrow();
        assertThat(tiny.getRam()).isEqualTo(512);
        List<? extends Image> images = os.compute().images().list();
        assertThat(images).isNotEmpty();
        Image image = images.get(0);

        Keypair key = os.compute().keypairs().create("o4j-key", null);
        assertThat(key.getPrivateKey()).contains("PRIVATE KEY");

        ServerCreate create = os.compute().servers().serverBuilder().name("o4j-vm").flavor(tiny.getId())
                .image(image.getId()).keypairName("o4j-key").addMetadataItem("role", "test").build();
        Server booted = os.compute().servers().boot(create);
        assertThat(booted.getId()).isNotBlank();
        assertThat(booted.getAdminPass()).isNotBlank();

        Server active = waitForActive(os, booted.getId());
        assertThat(active.getKeyName()).isEqualTo("o4j-key");
        assertThat(active.getFlavorId()).isEqualTo(tiny.getId());
        assertThat(active.getImageId()).isEqualTo(image.getId());
        assertThat(active.getAddresses().getAddresses()).containsKey("private");
        assertThat(active.getMetadata()).containsEntry("role", "test");

        assertThat(os.compute().servers().list()).extracting(Server::getId).contains(booted.getId());
        assertThat(os.compute().servers().list(false)).extracting(Server::getName).contains("o4j-vm");

        Server renamed = os.compute().servers().update(booted.getId(), ServerUpdateOptions.create().name("o4j-renamed"));
        assertThat(renamed.getName()).isEqualTo("o4j-renamed");
        assertThat(os.compute().servers().get(booted.getId()).getName()).isEqualTo("o4j-renamed");

        // openstack4j's updateMetadata is a PUT: nova replaces all items
        Map<String, String> meta = os.compute().servers().updateMetadata(booted.getId(), Map.of("env", "ci"));
        assertThat(meta).isEqualTo(Map.of("env", "ci"));
        assertThat(os.compute().servers().getMetadata(booted.getId())).containsEntry("env", "ci");

        ActionResponse deleted = os.compute().servers().delete(booted.getId());
        assertThat(deleted.isSuccess()).as(deleted.getFault()).isTrue();
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (os.compute().servers().get(booted.getId()) != null && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        assertThat(os.compute().servers().get(booted.getId())).isNull();
    }

    private static Server waitForActive(OSClient.OSClientV3 os, String id) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        Server s = os.compute().servers().get(id);
        while (s.getStatus() != Server.Status.ACTIVE && Instant.now().isBefore(end)) {
            Thread.sleep(20);
            s = os.compute().servers().get(id);
        }
        assertThat(s.getStatus()).isEqualTo(Server.Status.ACTIVE);
        return s;
    }
}
