package org.jnova.compute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Generates what nova's x509 key pair generation makes (microversions 2.2 to 2.91): an RSA
 * 2048 key and a self-signed certificate for {@code CN=<user>}, valid ten years, for client
 * authentication with the user principal name {@code <user>@localhost}; the private key
 * comes back as a base64 PKCS#12 bundle with an empty password.
 */
final class X509KeyPairs {
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String USER_PRINCIPAL_NAME = "1.3.6.1.4.1.311.20.2.3";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private X509KeyPairs() {
    }

    /** [base64 PKCS#12 private key, PEM certificate]. */
    static String[] generate(String userId) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair keys = gen.generateKeyPair();
            byte[] algorithm = seq(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
            byte[] name = seq(set(seq(oid(COMMON_NAME), tlv(0x0C, userId.getBytes(StandardCharsets.UTF_8)))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] validity = seq(time(now), time(now.plusDays(3650)));
            byte[] extensions = tlv(0xA3, seq(
                    seq(oid(EXT_KEY_USAGE), tlv(0x04, seq(oid(CLIENT_AUTH)))),
                    seq(oid(SUBJECT_ALT_NAME), tlv(0x04, seq(tlv(0xA0, concat(oid(USER_PRINCIPAL_NAME),
                            tlv(0xA0, tlv(0x0C, (userId + "@localhost").getBytes(StandardCharsets.UTF_8))))))))));
            byte[] serial = tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
            byte[] tbs = seq(tlv(0xA0, tlv(0x02, new byte[] {2})), serial, algorithm, name, validity, name,
                    keys.getPublic().getEncoded(), extensions);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = concat(new byte[] {0}, signer.sign());
            byte[] der = seq(tbs, algorithm, tlv(0x03, signature));
            Certificate cert = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("1", keys.getPrivate(), new char[0], new Certificate[] {cert});
            ByteArrayOutputStream p12 = new ByteArrayOutputStream();
            store.store(p12, new char[0]);
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return new String[] {Base64.getEncoder().encodeToString(p12.toByteArray()), pem};
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate an x509 key pair", e);
        }
    }

    private static byte[] time(ZonedDateTime t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            byte[] groups = new byte[10];
            int n = 0;
            do {
                groups[n++] = (byte) (v & 0x7f);
                v >>>= 7;
            } while (v > 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(groups[j] | (j > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] l = BigInteger.valueOf(len).toByteArray();
            int skip = l[0] == 0 ? 1 : 0;
            out.write(0x80 | (l.length - skip));
            out.write(l, skip, l.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
