package org.jnova.api.openstack.compute.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.call;
import static org.jnova.testing.EngineServers.message;

import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** os-migrations: no migrations yet, but every filter validates and answers as nova's does. */
class MigrationsApiTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    @EachEngine
    void emptyListAndNovaFilterErrors(String engine) throws Exception {
        JnovaTestServer jnova = SERVERS.get(engine);
        assertThat(call(jnova, "GET", "/os-migrations?status=x&foo=1", null, "2.1", 200).toString())
                .isEqualTo("{\"migrations\":[]}");
        call(jnova, "GET", "/os-migrations?changes-since=2020-01-01T00:00:00Z&limit=2&instance_uuid=x", null,
                "2.59", 200);
        call(jnova, "GET", "/os-migrations?user_id=a&project_id=b&changes-before=2020-01-01T00:00:00Z", null, "2.96",
                200);
        assertThat(message(call(jnova, "GET", "/os-migrations?foo=1", null, "2.59", 400)))
                .isEqualTo("Additional properties are not allowed ('foo' was unexpected)");
        assertThat(message(call(jnova, "GET", "/os-migrations?marker=abc", null, "2.59", 400)))
                .isEqualTo("Marker abc could not be found.");
        assertThat(message(call(jnova, "GET", "/os-migrations?changes-since=bogus", null, "2.59", 400)))
                .isEqualTo("Invalid input for query parameters changes-since. Value: bogus. 'bogus' is not a "
                        + "'date-time'");
        assertThat(message(call(jnova, "GET", "/os-migrations?changes-before=2020-01-01T00:00:00Z", null, "2.59",
                400))).isEqualTo("Additional properties are not allowed ('changes-before' was unexpected)");
        assertThat(message(call(jnova, "GET",
                "/os-migrations?changes-since=2021-01-01T00:00:00Z&changes-before=2020-01-01T00:00:00Z", null, "2.66",
                400))).isEqualTo("The value of changes-since must be less than or equal to changes-before.");
        assertThat(message(call(jnova, "GET", "/os-migrations?user_id=a", null, "2.79", 400)))
                .isEqualTo("Additional properties are not allowed ('user_id' was unexpected)");
        assertThat(message(call(jnova, "GET", "/os-migrations?limit=a", null, "2.80", 400)))
                .isEqualTo("Invalid input for query parameters limit. Value: a. 'a' does not match '^[0-9]*$'");
        assertThat(message(call(jnova, "GET", "/os-migrations?limit=1&limit=2", null, "2.80", 400)))
                .isEqualTo("Invalid input for query parameters limit. Value: ['1', '2']. ['1', '2'] is too long");
    }
}
