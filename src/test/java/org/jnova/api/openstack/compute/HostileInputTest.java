package org.jnova.api.openstack.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import java.util.Base64;
import org.jnova.compute.SeedData;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies, strings and paths that reached a 500 (in jnova, or in nova itself), over a real
 * socket: JSON nested past what Python's json follows and numbers past its int limit are
 * "Malformed request body"; U+0000 is stored where the database can hold it (nova's answer)
 * and a 400 on PostgreSQL, whose text cannot; percent signs in a path are decoded once.
 */
class HostileInputTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final String NUL_REFUSED = "Invalid input received: A string cannot contain NUL (0x00) characters.";

    private static String create(String extra) {
        return "{\"server\": {\"name\": \"h\", \"imageRef\": \"" + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\""
                + extra + "}}";
    }

    private static Reply post(String engine, String path, String body) throws Exception {
        return SERVERS.call(engine, "POST", path, body, "2.1");
    }

    @EachEngine
    void jsonBeyondPythonsLimitsIsMalformed(String engine) throws Exception {
        assertFault(post(engine, "/servers", "{\"server\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), 400,
                "Malformed request body");
        assertFault(post(engine, "/servers", create(", \"metadata\": {\"k\": " + "[".repeat(1001) + "]".repeat(1001)
                + "}")), 400, "Malformed request body");
        // just within the nesting limit: the schema's answer, not a stack overflow
        Reply deep = post(engine, "/servers", create(", \"metadata\": {\"k\": " + "[".repeat(990) + "]".repeat(990)
                + "}"));
        assertThat(deep.status()).as(deep.body()).isEqualTo(400);
        assertThat(EngineServers.message(deep.json())).startsWith("Invalid input for field/attribute k. Value: [[[");
        String digits = "1" + "0".repeat(1500);
        assertFault(post(engine, "/servers", "{\"server\": {\"name\": " + digits + "}}"), 400,
                "Invalid input for field/attribute name. Value: " + digits + ". " + digits + " is not of type 'string'");
        assertFault(post(engine, "/servers", "{\"server\": {\"name\": 1" + "0".repeat(5000) + "}}"), 400,
                "Malformed request body");
        assertFault(post(engine, "/servers", "{\"server\": {\"name\": 1e999999}}"), 400,
                "Invalid input for field/attribute name. Value: inf. inf is not of type 'string'");
    }

    @EachEngine
    void nulIsStoredWhereTheDatabaseCanHoldIt(String engine) throws Exception {
        boolean postgres = engine.equals("postgresql");
        Reply metadata = post(engine, "/servers", create(", \"metadata\": {\"k\": \"v\\u0000\"}"));
        Reply userData = post(engine, "/servers", create(", \"user_data\": \"YQ==\\u0000\""));
        if (postgres) {
            assertFault(metadata, 400, NUL_REFUSED);
            assertFault(userData, 400, NUL_REFUSED);
        } else {
            assertThat(metadata.status()).as(metadata.body()).isEqualTo(202);
            assertThat(userData.status()).as(userData.body()).isEqualTo(202);
        }
        Reply boot = post(engine, "/servers", create(""));
        String id = boot.json().path("server").path("id").asText();
        Reply lock = SERVERS.call(engine, "POST", "/servers/" + id + "/action",
                "{\"lock\": {\"locked_reason\": \"r\\u0000\"}}", "2.73");
        assertThat(lock.status()).as(lock.body()).isEqualTo(postgres ? 400 : 202);
        Reply marker = SERVERS.call(engine, "GET", "/servers?marker=a%00b", null, "2.1");
        assertFault(marker, 400, postgres ? NUL_REFUSED : "marker [a\u0000b] not found");
        // the schema refuses NUL in names everywhere, as nova's
        assertFault(post(engine, "/servers", "{\"server\": {\"name\": \"a\\u0000b\", \"imageRef\": \""
                + SeedData.CIRROS_IMAGE_ID + "\", \"flavorRef\": \"1\"}}"), 400, "An invalid 'name' value was provided. "
                        + "The name must be: printable characters. Can not start or end with whitespace.");
    }

    @EachEngine
    void pathsAreDecodedOnce(String engine) throws Exception {
        assertFault(SERVERS.call(engine, "GET", "/servers/a%25zz", null, "2.1"), 404,
                "Instance a%zz could not be found.");
        assertFault(SERVERS.call(engine, "GET", "/servers/a%2541", null, "2.1"), 404,
                "Instance a%41 could not be found.");
        Reply search = SERVERS.call(engine, "GET", "/os-hypervisors/" + "%25".repeat(500) + "zz/search", null, "2.1");
        assertThat(search.status()).as(search.body()).isEqualTo(404);
    }

    @EachEngine
    void personalityQuotasCountTheTextGiven(String engine) throws Exception {
        String contents = Base64.getEncoder().encodeToString(new byte[9000]); // 12000 characters
        assertFault(post(engine, "/servers", create(", \"personality\": [{\"path\": \"/a\", \"contents\": \"" + contents
                + "\"}]")), 403, "Personality file content exceeds maximum 10240");
        Reply lenient = post(engine, "/servers", create(", \"personality\": [{\"path\": \"/a\", \"contents\": "
                + "\"YQ==!\"}]"));
        assertThat(lenient.status()).as(lenient.body()).isEqualTo(202);
    }
}
