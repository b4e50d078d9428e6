package org.jnova.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;

/**
 * Compares jnova's metadata answers with nova's transcript: status, content type and body,
 * after mapping the values that differ by nature (ids, addresses, MAC, reservation id,
 * random seed, jnova's root disk vda where nova's fake driver says sda).
 */
final class TranscriptComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "404 Not Found\n\nThe resource could not be found.\n\n   ";

    private TranscriptComparison() {
    }

    /** nova's values mapped to jnova's. */
    static Map<String, String> substitutions(MetadataTranscript nova, Instance oracle, Instance plain)
            throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(nova.oracleId, oracle.uuid());
        out.put(nova.plainId, plain.uuid());
        MetadataTranscript.Exchange netData = find(nova, "/openstack/latest/network_data.json");
        JsonNode link = JSON.readTree(netData.body()).at("/links/0");
        VirtualInterface port = oracle.interfaces().getFirst();
        out.put(link.get("vif_id").asText(), port.uuid());
        out.put(link.get("id").asText(), "tap" + port.uuid().substring(0, 11));
        out.put(link.get("ethernet_mac_address").asText(), port.macAddress());
        out.put(JSON.readTree(netData.body()).at("/networks/0/network_id").asText(), "NETWORK-ID");
        out.put("192.168.1.30", port.fixedIp());
        out.put(find(nova, "/latest/meta-data/reservation-id").body(), oracle.reservationId());
        return out;
    }

    static MetadataTranscript.Exchange find(MetadataTranscript nova, String path) {
        return nova.exchanges.stream().filter(x -> x.path().equals(path) && x.status() == 200).findFirst()
                .orElseThrow();
    }

    static void compare(MetadataTranscript.Exchange x, RawHttp.Answer answer, Map<String, String> subs)
            throws IOException {
        String what = x.method() + " " + x.path() + (x.note() == null ? "" : " (" + x.note() + ")");
        if (x.status() == 500 && x.body().isEmpty()) {
            // nova crashed on a path that names nothing; jnova answers what that means
            assertThat(answer.status()).as(what + ": status").isEqualTo(404);
            assertThat(answer.text()).as(what + ": body").isEqualTo(NOT_FOUND);
            return;
        }
        assertThat(answer.status()).as(what + ": status").isEqualTo(x.status());
        assertThat(answer.header("Content-Type")).as(what + ": content type").isEqualTo(x.header("Content-Type"));
        if (x.method().equals("HEAD")) {
            assertThat(answer.body()).as(what).isEmpty();
            return;
        }
        String expected = x.body();
        for (Map.Entry<String, String> s : subs.entrySet()) {
            expected = expected.replace(s.getKey(), s.getValue());
        }
        if (x.path().contains("block-device-mapping/")) {
            expected = expected.replace("sda", "vda");
        }
        String actual = answer.text();
        boolean json = x.status() == 200 && expected.startsWith("{") && !x.path().endsWith("password");
        if (!json) {
            assertThat(actual).as(what + ": body").isEqualTo(expected);
            return;
        }
        JsonNode want = JSON.readTree(expected);
        JsonNode got = JSON.readTree(actual);
        if (want.has("random_seed")) {
            assertThat(Base64.getDecoder().decode(got.get("random_seed").asText())).as(what + ": seed").hasSize(512);
            ((ObjectNode) want).put("random_seed", "seed");
            ((ObjectNode) got).put("random_seed", "seed");
        }
        if (got.has("networks")) {
            for (JsonNode n : got.get("networks")) {
                assertThat(n.get("network_id").asText()).matches("[0-9a-f-]{36}");
                ((ObjectNode) n).put("network_id", "NETWORK-ID");
            }
        }
        assertThat(fieldNames(got)).as(what + ": keys in order").isEqualTo(fieldNames(want));
        assertThat(got).as(what + ": document").isEqualTo(want);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
