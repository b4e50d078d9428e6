package org.jnova.api.openstack.compute.keypairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.EngineServers.assertFault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.testing.EachEngine;
import org.jnova.testing.EngineServers;
import org.jnova.testing.JnovaTestServer.Reply;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /os-keypairs with public keys crafted to be wrong, over a real socket. Every answer
 * and fingerprint here is what nova-ref (nova 26.2.2 with pyca/cryptography 38) gave for the
 * same key: keys that lie about their lengths, leave bytes over, carry numbers cryptography
 * refuses or points off their curve are 400 "Keypair data is invalid: failed to generate
 * fingerprint"; what Python's lenient base64 lets through is accepted with nova's fingerprint.
 */
class KeypairMaterialTest {
    @RegisterExtension
    static final EngineServers SERVERS = new EngineServers();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String INVALID = "Keypair data is invalid: failed to generate fingerprint";

    private static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCzXad3sRYbuCEoLra1gPzOQdfIg8vhNsEVWSavt"
            + "nCKjupA4NVJ6bmZeq2akiWLDeEpiEMyjtmsb7kWoizizGnKmX1e8vZD432cOI93YNQmlDymlQZDQ59wAa7m7XSI3yFtoDZhgatH8sh"
            + "hE9HVbQfgd77U4Afu3bRFwznGVIb1VS8StpbWrxORsBwbV4dD7kLrAttSYMgpbqdPujZQeET3v81p+lpjLhYK5eEvNHlWKzwI6SVuzj"
            + "lJyZMZkQZUe0f1JszTbQ8RZv5ZL6sbjdPATUqrugmjYHH459lZMGL3KqCtZOT7GJY7DdmD4NV6JjjzbsKrWSonUXbLeA/QR3Rc4p4eE"
            + "UnJu2EDkfNGaIdHY+Nysoy/muoet5tiGFlkGg8HDd0uQOxSOZhw0TxhbaVp6wjhInRxDklb7L1IYj+fRBZ7/O2LdO+Ym/1FPHSPK/cN"
            + "E2MFTtvtHwpkIUASI2EB7ADsR5Z2YHvN2B2ClkFyZzrRxgi0BIMbZd2BHHpvbws= c";
    private static final String RSA_MD5 = "a5:b2:0b:b1:ea:79:c5:ad:5c:5c:ef:d5:1e:ec:87:0c";
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO9CNgjdORVM7iW2i5YC2/PcXYCbm7vC54+yCay"
            + "aruBE c";
    private static final String ED25519_MD5 = "ec:a7:cb:0e:f0:4b:e6:98:23:8b:c5:0d:9c:a6:5e:9e";
    private static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGBN"
            + "j1UgIh5yLOZhddfZYWDO/eC7xolXUxiAkaOecQhqIGe7QI55ccw8ooyjoTK5s3mhb+jxZWYpNaj0NasY4oQ= c";
    private static final String ECDSA_MD5 = "dc:3a:3c:a6:36:67:e4:e0:19:f4:5a:16:33:ef:18:e2";

    private static Reply create(String engine, String type, String publicKey) throws Exception {
        ObjectNode keypair = JSON.createObjectNode().put("name", "k" + NAMES.incrementAndGet())
                .put("public_key", publicKey).put("type", type);
        String body = JSON.writeValueAsString(Map.of("keypair", keypair));
        return SERVERS.call(engine, "POST", "/os-keypairs", body, "2.2");
    }

    private static String fingerprint(String engine, String publicKey) throws Exception {
        Reply r = create(engine, "ssh", publicKey);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("keypair").path("fingerprint").asText();
    }

    private static byte[] string(byte[] value) {
        return ByteBuffer.allocate(4 + value.length).putInt(value.length).put(value).array();
    }

    private static String key(String type, byte[]... fields) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes(string(type.getBytes(StandardCharsets.US_ASCII)));
        for (byte[] field : fields) {
            blob.writeBytes(field);
        }
        return type + " " + Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }

    @EachEngine
    void aKeyThatLiesAboutItsLengthIsRefusedAtOnce(String engine) throws Exception {
        long start = System.nanoTime();
        // 0x12000000: a 300 MB type name announced in four bytes
        assertFault(create(engine, "ssh", "ssh-rsa EgAAAA=="), 400, INVALID);
        assertFault(create(engine, "ssh", "ssh-rsa " + Base64.getEncoder().encodeToString(bytes(0xff, 0xff, 0xff,
                0xff))), 400, INVALID);
        assertFault(create(engine, "ssh", key("ssh-rsa", bytes(0x7f, 0xff, 0xff, 0xff), bytes(1))), 400, INVALID);
        assertFault(create(engine, "ssh", key("ssh-rsa", string(bytes(3)), bytes(0x80, 0, 0, 0))), 400, INVALID);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    }

    @EachEngine
    void wellFormedKeysGetNovasFingerprints(String engine) throws Exception {
        assertThat(fingerprint(engine, RSA)).isEqualTo(RSA_MD5);
        assertThat(fingerprint(engine, ED25519)).isEqualTo(ED25519_MD5);
        assertThat(fingerprint(engine, ECDSA)).isEqualTo(ECDSA_MD5);
        assertThat(fingerprint(engine, RSA + "\n")).isEqualTo(RSA_MD5);
        // Python's base64 skips what is not base64...
        assertThat(fingerprint(engine, RSA.substring(0, 18) + "!!" + RSA.substring(18))).isEqualTo(RSA_MD5);
        // ...and nova hashes what follows the first single space: nothing, after two
        assertThat(fingerprint(engine, RSA.replaceFirst(" ", "  ")))
                .isEqualTo("d4:1d:8c:d9:8f:00:b2:04:e9:80:09:98:ec:f8:42:7e");
        // numbers cryptography accepts, however small
        assertThat(fingerprint(engine, key("ssh-rsa", string(bytes(3)), string(bytes(0, 0xff, 0xff, 0xff, 0xff)))))
                .isEqualTo("ea:15:22:12:f5:db:d4:23:82:d4:57:61:17:60:a5:b4");
        assertThat(fingerprint(engine, key("ssh-ed25519", string(new byte[32]))))
                .isEqualTo("3d:52:38:ce:ff:94:f5:d7:81:a4:a4:f9:2b:4f:fe:a0");
    }

    @EachEngine
    void malformedKeysAreNovasFourHundred(String engine) throws Exception {
        byte[] rsaBlob = Base64.getDecoder().decode(RSA.split(" ")[1]);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("extra data", "ssh-rsa " + Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(rsaBlob, rsaBlob.length + 1)));
        keys.put("truncated", "ssh-rsa " + Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(rsaBlob, rsaBlob.length - 1)));
        keys.put("type only", key("ssh-rsa"));
        keys.put("even e", key("ssh-rsa", string(bytes(4)), string(bytes(0, 0xff, 0xff, 0xff, 0xff))));
        keys.put("negative n", key("ssh-rsa", string(bytes(3)), string(bytes(0xff, 0xff, 0xff, 0xff))));
        keys.put("e not below n", key("ssh-rsa", string(bytes(7)), string(bytes(5))));
        keys.put("short ed25519", key("ssh-ed25519", string(filled(31, 1))));
        keys.put("type mismatch", "ssh-ed25519 " + RSA.split(" ")[1]);
        keys.put("unknown type", key("ssh-foo"));
        keys.put("security key", key("sk-ssh-ed25519@openssh.com", string(filled(32, 1)),
                string("ssh:".getBytes(StandardCharsets.US_ASCII))));
        byte[] offCurve = new byte[65];
        java.util.Arrays.fill(offCurve, (byte) 1);
        offCurve[0] = 4;
        keys.put("point off the curve", key("ecdsa-sha2-nistp256",
                string("nistp256".getBytes(StandardCharsets.US_ASCII)), string(offCurve)));
        byte[] compressed = filled(33, 1);
        compressed[0] = 2;
        keys.put("compressed point", key("ecdsa-sha2-nistp256",
                string("nistp256".getBytes(StandardCharsets.US_ASCII)), string(compressed)));
        keys.put("wrong curve", key("ecdsa-sha2-nistp256", string("nistp384".getBytes(StandardCharsets.US_ASCII)),
                string(offCurve)));
        keys.put("certificate without its fields", key("ssh-rsa-cert-v01@openssh.com", string(bytes('n'))));
        keys.put("leading space", " " + RSA);
        keys.put("tab after the type", RSA.replaceFirst(" ", "\t"));
        keys.put("one base64 character over", ED25519.split(" ")[0] + " " + ED25519.split(" ")[1] + "A");
        keys.put("empty", "");
        keys.put("NUL in the type", "ssh-rsa\u0000 " + RSA.split(" ")[1]);
        for (Map.Entry<String, String> k : keys.entrySet()) {
            Reply r = create(engine, "ssh", k.getValue());
            assertThat(r.status()).as(k.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(EngineServers.message(r.json())).as(k.getKey()).isEqualTo(INVALID);
        }
    }

    @EachEngine
    void malformedCertificatesGiveCryptographysReason(String engine) throws Exception {
        String prefix = "Keypair data is invalid: failed to generate X509 fingerprint. Error message: ";
        assertFault(create(engine, "x509", "hello"), 400, prefix + "Unable to load PEM file. See "
                + "https://cryptography.io/en/latest/faq/#why-can-t-i-import-my-pem-file for more details. "
                + "MalformedFraming");
        assertFault(create(engine, "x509", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), 400,
                prefix + "error parsing asn1 value: ParseError { kind: ShortData }");
        // a DER length of four gigabytes in the first bytes
        assertFault(create(engine, "x509", "-----BEGIN CERTIFICATE-----\nMIT/////\n-----END CERTIFICATE-----\n"),
                400, prefix + "error parsing asn1 value: ParseError { kind: ShortData }");
        assertFault(create(engine, "x509", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"), 400,
                prefix + "Unable to load PEM file. See https://cryptography.io/en/latest/faq/"
                        + "#why-can-t-i-import-my-pem-file for more details. InvalidData(InvalidByte(0, 33))");
        assertFault(create(engine, "x509", "-----BEGIN FOO-----\nMAA=\n-----END FOO-----\n"), 400,
                prefix + "Valid PEM but no BEGIN CERTIFICATE/END CERTIFICATE delimiters. Are you sure this is a "
                        + "certificate?");
    }
}
