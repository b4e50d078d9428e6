package org.jnova.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerCreate;

/**
 * A server's whole life driven by openstack4j over a real socket: stop, start, reboot,
 * resize + confirm, shelve + unshelve, snapshot, delete — each waited for in the state the
 * client reads back, as a user's script would.
 */
class Openstack4jLifecycleTest {
    private static JnovaTestServer jnova;

    @BeforeAll
    static void start() throws Exception {
        jnova = JnovaTestServer.start("sqlite");
    }

    @AfterAll
    static void stop() throws Exception {
        jnova.close();
    }

    @Test
    void stopStartRebootResizeShelveSnapshotDelete() throws Exception {
        OSClient.OSClientV3 os = Openstack4jServersTest.client(jnova.computeUrl(), "demo", "demo-project");
        ServerCreate create = os.compute().servers().serverBuilder().name("life").flavor("1")
                .image("155d900f-4e14-4e4c-a73d-069cbf4541e6").build();
        String id = os.compute().servers().boot(create).getId();
        waitFor(os, id, Server.Status.ACTIVE);

        succeeded(os.compute().servers().action(id, Action.STOP));
        waitFor(os, id, Server.Status.SHUTOFF);
        succeeded(os.compute().servers().action(id, Action.START));
        waitFor(os, id, Server.Status.ACTIVE);

        succeeded(os.compute().servers().reboot(id, RebootType.SOFT));
        waitFor(os, id, Server.Status.ACTIVE);

        succeeded(os.compute().servers().resize(id, "2"));
        waitFor(os, id, Server.Status.VERIFY_RESIZE);
        succeeded(os.compute().servers().confirmResize(id));
        Server resized = waitFor(os, id, Server.Status.ACTIVE);
        assertThat(resized.getFlavor().getName()).isEqualTo("m1.small");

        succeeded(os.compute().servers().action(id, Action.SHELVE));
        waitFor(os, id, Server.Status.SHELVED_OFFLOADED);
        succeeded(os.compute().servers().action(id, Action.UNSHELVE));
        waitFor(os, id, Server.Status.ACTIVE);

        String imageId = os.compute().servers().createSnapshot(id, "life-snap");
        assertThat(imageId).isNotBlank();
        assertThat(jnova.call("GET", "/images/" + imageId, null, "2.1", "demo:demo-project").status())
                .isEqualTo(200);

        succeeded(os.compute().servers().delete(id));
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (os.compute().servers().get(id) != null && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        assertThat(os.compute().servers().get(id)).isNull();
    }

    private static void succeeded(ActionResponse response) {
        assertThat(response.isSuccess()).as(response.getFault()).isTrue();
    }

    private static Server waitFor(OSClient.OSClientV3 os, String id, Server.Status status) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        Server server = os.compute().servers().get(id);
        while (server.getStatus() != status && Instant.now().isBefore(end)) {
            Thread.sleep(20);
            server = os.compute().servers().get(id);
        }
        assertThat(server.getStatus()).as("status of " + id).isEqualTo(status);
        return server;
    }
}
