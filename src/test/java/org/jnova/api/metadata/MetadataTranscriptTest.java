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
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jnova.db.TestDatabases;
import org.jnova.objects.Instance;
import org.jnova.objects.VirtualInterface;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every request of nova's metadata transcript against jnova (proxy mode, same
 * secret, the same two servers) and compares each answer with nova's: status, content type
 * and body, after mapping the values that differ by nature (ids, addresses, MAC, reservation
 * id, random seed, jnova's root disk vda where nova's fake driver says sda).
 */
class MetadataTranscriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyAnswerOfNovasTranscriptIsReproduced(String engine) throws Exception {
        MetadataTranscript nova = MetadataTranscript.read();
        try (MetadataFixture f = MetadataFixture.start(engine, 3, "[neutron]", "service_metadata_proxy = true",
                "metadata_proxy_shared_secret = " + MetadataFixture.SECRET)) {
            f.importKey();
            Instance oracle = f.bootOracle("md-oracle", null);
            Instance plain = f.bootPlain("md-plain");
            Map<String, String> ids = Map.of(nova.oracleId, oracle.uuid(), nova.plainId, plain.uuid());
            Map<String, String> substitutions = substitutions(nova, oracle, plain);
            int compared = 0;
            boolean plainDeleted = false;
            boolean passwordSectionStarted = false;
            for (MetadataTranscript.Exchange x : nova.exchanges) {
                if (x.section() == 7 && !plainDeleted) {
                    // refill md-plain's cache entry just before the delete, as nova's was fresh
                    f.waitForCacheExpiry();
                    f.http.send("GET", "/openstack/latest/meta_data.json", MetadataFixture.proxyHeaders(plain), null);
                    f.delete(plain.uuid());
                    plainDeleted = true;
                }
                if (x.section() == 8 && !passwordSectionStarted) {
                    f.waitForCacheExpiry();
                    passwordSectionStarted = true;
                }
                if (x.note() != null && (x.note().contains("after delete: cache expired")
                        || x.note().contains("after cache expiry"))) {
                    f.waitForCacheExpiry();
                }
                RawHttp.Answer answer = f.http.send(x.method(), x.path(), headers(x, ids, substitutions),
                        x.requestBody());
                compare(x, answer, substitutions);
                compared++;
            }
            assertThat(compared).isGreaterThan(300);
        }
    }

    /** nova's values mapped to jnova's. */
    private static Map<String, String> substitutions(MetadataTranscript nova, Instance oracle, Instance plain)
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

    private static MetadataTranscript.Exchange find(MetadataTranscript nova, String path) {
        return nova.exchanges.stream().filter(x -> x.path().equals(path) && x.status() == 200).findFirst()
                .orElseThrow();
    }

    private static List<String[]> headers(MetadataTranscript.Exchange x, Map<String, String> ids,
            Map<String, String> substitutions) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String[] h : x.requestHeaders()) {
            String value = h[1];
            switch (h[0]) {
                case "X-Instance-ID" -> value = ids.getOrDefault(value, value);
                case "X-Forwarded-For" -> value = substitutions.getOrDefault(value, value);
                case "X-Instance-ID-Signature" -> value = resign(value, ids);
                default -> {
                }
            }
            out.add(new String[] {h[0], value});
        }
        return out;
    }

    /** The same signature for jnova's ids: same secret (or the forger's), same id, same letter case. */
    private static String resign(String novaSignature, Map<String, String> ids) throws Exception {
        if (novaSignature.isEmpty()) {
            return novaSignature;
        }
        List<String> novaIds = new ArrayList<>(ids.keySet());
        novaIds.addAll(List.of("00000000-0000-0000-0000-000000000000", "not-a-uuid"));
        for (String secret : List.of(MetadataFixture.SECRET, "wrong-secret")) {
            for (String id : novaIds) {
                String s = hmac(secret, id);
                String mapped = ids.getOrDefault(id, id);
                if (s.equals(novaSignature)) {
                    return hmac(secret, mapped);
                }
                if (s.toUpperCase(java.util.Locale.ROOT).equals(novaSignature)) {
                    return hmac(secret, mapped).toUpperCase(java.util.Locale.ROOT);
                }
            }
        }
        throw new AssertionError("unknown signature in transcript: " + novaSignature);
    }

    private static String hmac(String secret, String id) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void compare(MetadataTranscript.Exchange x, RawHttp.Answer answer, Map<String, String> subs)
            throws IOException {
        String what = x.method() + " " + x.path() + (x.note() == null ? "" : " (" + x.note() + ")");
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
