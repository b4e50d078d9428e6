package org.jnova.utils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.exception.ConfigError;

/**
 * Builds in-memory key stores from the PEM files an OpenStack deployment has: certificates
 * (a chain is fine), a private key in PKCS#8 ({@code BEGIN PRIVATE KEY}) or an RSA key in
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). The JDK reads PEM certificates itself; keys are
 * decoded here.
 */
public final class PemKeyStores {
    public static final char[] PASSWORD = "jnova".toCharArray();
    private static final Pattern KEY_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeyStores() {
    }

    /** A key store holding the key and its certificate chain under the alias "server". */
    public static KeyStore keyStore(Path certFile, Path keyFile) {
        try {
            List<Certificate> chain = certificates(certFile);
            if (chain.isEmpty()) {
                throw new ConfigError("No certificate found in " + certFile);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey(keyFile), PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigError("Unable to load the SSL certificate " + certFile + " and key " + keyFile
                    + ": " + e.getMessage(), e);
        }
    }

    /** A trust store holding every certificate of the CA file. */
    public static KeyStore trustStore(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates(caFile)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigError("Unable to load the SSL CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        Matcher block = KEY_BLOCK.matcher(pem);
        if (!block.find()) {
            throw new GeneralSecurityException("no PEM private key in " + keyFile);
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        byte[] pkcs8 = switch (block.group(1)) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> rsaPkcs1ToPkcs8(der);
            default -> throw new GeneralSecurityException(block.group(1)
                    + " is not supported; convert the key to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
        };
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unreadable private key in " + keyFile, last);
    }

    private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {0x02, 0x01, 0x00});
        body.write(RSA_ALGORITHM);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.write(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        body.writeTo(out);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int size = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | size);
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
            out.write((length >> shift) & 0xff);
        }
    }
}
