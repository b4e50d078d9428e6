package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/** The all-in-one process answers through the whole stack on every database engine. */
class AllInOneSmokeTest {

    @EachEngine
    void versionDocumentCarriesRequestIdAndMicroversionHeaders(String engine) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start(engine)) {
            JnovaTestServer.Reply reply = jnova.call("GET", "/", null, "2.1");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().at("/version/id").asText()).isEqualTo("v2.1");
            assertThat(reply.header("X-Openstack-Request-Id")).matches("req-[0-9a-f-]{36}");
            assertThat(reply.header("X-Compute-Request-Id")).isEqualTo(reply.header("X-Openstack-Request-Id"));
            assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        }
    }

    @EachEngine
    void noTokenGetsNoauth2FakeToken(String engine) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start(engine)) {
            JnovaTestServer.Reply reply = jnova.call("GET", "/flavors", null, null, null);

            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.header("X-Auth-Token")).isEqualTo("admin:admin");
            assertThat(reply.header("X-Server-Management-Url")).isEqualTo(jnova.computeUrl() + "/flavors/admin");
        }
    }
}
