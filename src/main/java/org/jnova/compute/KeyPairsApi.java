package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.db.DuplicateEntry;
import org.jnova.db.KeyPairStore;
import org.jnova.db.Transactions;
import org.jnova.objects.KeyPair;

/**
 * Key pairs as nova's KeypairAPI: generate (RSA 2048, private key returned once), import
 * ssh or x509 public keys, list, show, delete. Fingerprints as nova: MD5 of the key blob
 * in colon hex for ssh, SHA-1 of the DER certificate in colon hex for x509.
 */
public final class KeyPairsApi {
    private final KeyPairStore store;
    private final Quotas quotas;
    private final Transactions apiDb;

    /** A created key pair; {@code privateKey} is present only when jnova generated it. */
    public record Created(KeyPair keyPair, Optional<String> privateKey) {
    }

    public KeyPairsApi(KeyPairStore store, Quotas quotas, Transactions apiDb) {
        this.store = requireNonNull(store, "store is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.apiDb = requireNonNull(apiDb, "apiDb is null");
    }

    /** Imports a public key (publicKey non-null) or generates an ssh key pair or an x509 certificate. */
    public Created create(RequestContext ctx, String userId, String name, String type, String publicKey) {
        String keyType = type == null ? KeyPair.TYPE_SSH : type;
        String privateKey = null;
        String pub = publicKey;
        if (pub == null) {
            String[] generated = KeyPair.TYPE_X509.equals(keyType) ? X509KeyPairs.generate(userId) : generateSsh();
            privateKey = generated[0];
            pub = generated[1];
        }
        String fingerprint = KeyPair.TYPE_X509.equals(keyType) ? x509Fingerprint(pub) : sshFingerprint(pub);
        String finalPub = pub;
        int limit = quotas.limits(ctx.requireProjectId(), userId).get("key_pairs");
        try {
            apiDb.inTransaction(tx -> {
                quotas.checkKeyPairs(tx, limit, userId);
                if (store.get(tx, userId, name).isPresent()) {
                    throw new ComputeErrors.KeyPairExists(name);
                }
                store.insert(tx, userId, name, keyType, finalPub, fingerprint);
                return null;
            });
        } catch (DuplicateEntry e) {
            throw new ComputeErrors.KeyPairExists(name); // (user_id, name) is the table's one unique key
        }
        return new Created(store.get(userId, name).orElseThrow(), Optional.ofNullable(privateKey));
    }

    public KeyPair get(String userId, String name) {
        return store.get(userId, name).orElseThrow(() -> new ComputeErrors.KeypairNotFound(name, userId));
    }

    public List<KeyPair> list(String userId, Integer limit, String marker) {
        return store.list(userId, limit, marker);
    }

    public void delete(String userId, String name) {
        if (!store.delete(userId, name)) {
            throw new ComputeErrors.KeypairNotFound(name, userId);
        }
    }

    /** MD5 colon fingerprint of an OpenSSH public key line; InvalidKeypair when it does not load as nova's. */
    public static String sshFingerprint(String publicKey) {
        return SshPublicKeys.fingerprint(publicKey);
    }

    /**
     * SHA-1 colon fingerprint of the first PEM certificate, as nova's generate_x509_fingerprint
     * with pyca/cryptography's reasons for refusing one. The DER's outer length is checked
     * against the bytes there before the certificate is parsed.
     */
    public static String x509Fingerprint(String pem) {
        java.util.regex.Matcher m = PEM.matcher(pem);
        if (!m.find() || !m.group(1).equals(m.group(3))) {
            throw invalidX509(PEM_FAILURE + "MalformedFraming");
        }
        if (!m.group(1).equals("CERTIFICATE") && !m.group(1).equals("X509 CERTIFICATE")) {
            throw invalidX509("Valid PEM but no BEGIN CERTIFICATE/END CERTIFICATE delimiters. Are you sure this is a "
                    + "certificate?");
        }
        String body = m.group(2).replaceAll("[ \\t\\r\\n]", "");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean base64 = c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=');
            if (!base64) {
                throw invalidX509(PEM_FAILURE + "InvalidData(InvalidByte(" + i + ", " + (int) c + "))");
            }
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw invalidX509(PEM_FAILURE + "InvalidData(InvalidLength)");
        }
        if (!derLengthFits(der)) {
            throw invalidX509("error parsing asn1 value: ParseError { kind: ShortData }");
        }
        try {
            var cert = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            byte[] encoded = cert.getEncoded();
            if (encoded.length != der.length) {
                throw invalidX509("error parsing asn1 value: ParseError { kind: ExtraData }");
            }
            return colonHex(digest("SHA-1", encoded));
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof ComputeErrors.InvalidKeypair invalid) {
                throw invalid;
            }
            throw invalidX509("error parsing asn1 value: ParseError { kind: InvalidValue }");
        }
    }

    private static final java.util.regex.Pattern PEM = java.util.regex.Pattern.compile(
            "-----BEGIN ([^\\n]*?)-----[ \\t\\n\\r]*(.*?)-----END ([^\\n]*?)-----", java.util.regex.Pattern.DOTALL);
    private static final String PEM_FAILURE = "Unable to load PEM file. See https://cryptography.io/en/latest/faq/"
            + "#why-can-t-i-import-my-pem-file for more details. ";

    private static ComputeErrors.InvalidKeypair invalidX509(String reason) {
        return new ComputeErrors.InvalidKeypair("failed to generate X509 fingerprint. Error message: " + reason);
    }

    /** A DER SEQUENCE whose length (short or long form) is within the bytes given. */
    private static boolean derLengthFits(byte[] der) {
        if (der.length < 2) {
            return false;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return first <= der.length - 2;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 4 || der.length < 2 + n) {
            return false;
        }
        long length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return length <= der.length - 2 - n;
    }

    /** Generates an RSA 2048 key: [PEM private key (PKCS#1), OpenSSH public key]. */
    static String[] generateSsh() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            java.security.KeyPair kp = gen.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(blob);
            writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeString(out, pub.getPublicExponent().toByteArray());
            writeString(out, pub.getModulus().toByteArray());
            String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray())
                    + " Generated-by-Nova";
            byte[] pkcs1 = pkcs8ToPkcs1(kp.getPrivate().getEncoded());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1);
            String privateKey = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
            return new String[] {privateKey, publicKey};
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (the last OCTET STRING). */
    private static byte[] pkcs8ToPkcs1(byte[] der) {
        int[] pos = {0};
        readHeader(der, pos); // outer SEQUENCE
        int version = readHeader(der, pos); // version INTEGER
        pos[0] += version;
        int algorithm = readHeader(der, pos); // AlgorithmIdentifier SEQUENCE
        pos[0] += algorithm;
        int len = readHeader(der, pos); // OCTET STRING
        byte[] out = new byte[len];
        System.arraycopy(der, pos[0], out, 0, len);
        return out;
    }

    private static int readHeader(byte[] der, int[] pos) {
        pos[0]++; // tag
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (der[pos[0]++] & 0xff);
        }
        return len;
    }

    private static void writeString(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data.length);
        out.write(data);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

}
