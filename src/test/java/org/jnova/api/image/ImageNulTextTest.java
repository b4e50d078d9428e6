package org.jnova.api.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Text holding U+0000, which PostgreSQL cannot store, in Image v2 bodies, filters and paths:
 * a 400 with glance's error page on every engine alike (the fuzzer found 500s on PostgreSQL),
 * never a 5xx, and nothing stored.
 */
class ImageNulTextTest {
    private static final String ALICE = "alice:alice";

    @EachEngine
    void aNulInABodyIsA400OnEveryEngine(String engine) throws Exception {
        try (JnovaTestServer jnova = JnovaTestServer.start(engine)) {
            ImageApiClient image = new ImageApiClient(jnova.startImage());
            String id = image.create(ALICE, "{\"name\": \"plain\", \"visibility\": \"shared\"}");
            for (String body : List.of("{\"name\": \"a\\u0000b\"}", "{\"name\": \"x\", \"prop\": \"a\\u0000b\"}",
                    "{\"name\": \"x\", \"a\\u0000b\": \"v\"}", "{\"name\": \"x\", \"tags\": [\"a\\u0000b\"]}")) {
                ImageApiClient.Reply created = image.json("POST", "/v2/images", ALICE, body);
                assertThat(created.status()).as(body + ": " + created.text()).isEqualTo(400);
                assertThat(created.text()).contains("NUL");
            }
            ImageApiClient.Reply member = image.json("POST", "/v2/images/" + id + "/members", ALICE,
                    "{\"member\": \"a\\u0000b\"}");
            assertThat(member.status()).as(member.text()).isEqualTo(400);
            ImageApiClient.Reply patched = image.call("PATCH", "/v2/images/" + id, ALICE,
                    ImageApiV2.PATCH_TYPE, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"a\\u0000b\"}]"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(patched.status()).as(patched.text()).isEqualTo(400);
            assertThat(image.get("/v2/images/" + id, ALICE).json().path("name").asText()).isEqualTo("plain");
            assertThat(image.get("/v2/images", ALICE).json().path("images")).hasSize(
                    image.get("/v2/images?name=plain", ALICE).json().path("images").size()
                            + image.get("/v2/images?visibility=public", ALICE).json().path("images").size());

            for (String query : List.of("name=a%00b", "owner=%00", "fuzzprop=%00", "tag=%00", "marker=%00",
                    "id=in:a,%00", "created_at=gt:%00")) {
                int status = image.get("/v2/images?" + query, ALICE).status();
                assertThat(status).as(query).isBetween(200, 499);
            }
        }
    }
}
