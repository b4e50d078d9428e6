package org.jnova.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jnova.objects.Instance;
import org.jnova.testing.EachEngine;

/**
 * Replays every request of nova's metadata transcript against jnova (proxy mode, same
 * secret, the same two servers) and compares each answer with nova's
 * ({@link TranscriptComparison}), including the cache's effect after a delete and the
 * password's single write.
 */
class MetadataTranscriptTest {

    @EachEngine
    void everyAnswerOfNovasTranscriptIsReproduced(String engine) throws Exception {
        MetadataTranscript nova = MetadataTranscript.read();
        try (MetadataFixture f = MetadataFixture.start(engine, 3, "[neutron]", "service_metadata_proxy = true",
                "metadata_proxy_shared_secret = " + MetadataFixture.SECRET)) {
            f.importKey();
            Instance oracle = f.bootOracle("md-oracle", null);
            Instance plain = f.bootPlain("md-plain");
            Map<String, String> ids = Map.of(nova.oracleId, oracle.uuid(), nova.plainId, plain.uuid());
            Map<String, String> substitutions = TranscriptComparison.substitutions(nova, oracle, plain);
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
                TranscriptComparison.compare(x, answer, substitutions);
                compared++;
            }
            assertThat(compared).isGreaterThan(300);
        }
    }

    @EachEngine
    void aLoadBalancerNamesItselfAndTheGuestsAddress(String engine) throws Exception {
        try (MetadataFixture f = MetadataFixture.start(engine, 0, "[neutron]", "service_metadata_proxy = true",
                "metadata_proxy_shared_secret = " + MetadataFixture.SECRET)) {
            Instance server = f.bootPlain("md-behind-lb");
            String ip = server.interfaces().getFirst().fixedIp();
            String signature = MetadataRequestHandler.sign(MetadataFixture.SECRET, "lb-1");
            RawHttp.Answer ok = f.http.send("GET", "/latest/meta-data/instance-id", List.of(
                    new String[] {"X-Metadata-Provider", "lb-1"}, new String[] {"X-Forwarded-For", ip + ", 10.9.9.9"},
                    new String[] {"X-Metadata-Provider-Signature", signature}), null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).isEqualTo(String.format("i-%08x", server.id()));

            // nova 26 (probed): these answers, in this order of checks
            RawHttp.Answer unsigned = f.http.send("GET", "/latest/meta-data/", List.of(
                    new String[] {"X-Metadata-Provider", "lb-1"}, new String[] {"X-Forwarded-For", ip}), null);
            assertThat(unsigned.status()).isEqualTo(403);
            assertThat(unsigned.text()).contains("Invalid proxy request signature.");
            RawHttp.Answer nobody = f.http.send("GET", "/latest/meta-data/", List.of(
                    new String[] {"X-Metadata-Provider", "p1"}, new String[] {"X-Forwarded-For", "1.2.3.4"},
                    new String[] {"X-Metadata-Provider-Signature", MetadataRequestHandler.sign(MetadataFixture.SECRET,
                            "p1")}), null);
            assertThat(nobody.status()).isEqualTo(400);
            assertThat(nobody.text()).isEqualTo("400 Bad Request\n\nExpected a single port matching provider p1 and "
                    + "IP 1.2.3.4. Found 0.\n\n   ");
        }
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

}
