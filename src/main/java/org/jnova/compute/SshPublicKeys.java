package org.jnova.compute;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jnova.utils.PythonBase64;

/**
 * nova's generate_fingerprint for an OpenSSH public key line: the key must load as
 * pyca/cryptography's {@code load_ssh_public_key} loads it (ssh-rsa, ssh-dss, ssh-ed25519,
 * ecdsa-sha2-nistp256/384/521 and their -cert-v01@openssh.com forms, every field present,
 * its numbers valid, nothing left over), then the fingerprint is the MD5 of the base64
 * after the first space. Every length read from the key is checked against the bytes left
 * before anything is read, so a key that lies about its lengths costs nothing.
 */
final class SshPublicKeys {
    private static final String CERT_SUFFIX = "-cert-v01@openssh.com";
    private static final Map<String, String> CURVES = Map.of("ecdsa-sha2-nistp256", "nistp256",
            "ecdsa-sha2-nistp384", "nistp384", "ecdsa-sha2-nistp521", "nistp521");
    private static final Map<String, String> JAVA_CURVES = Map.of("nistp256", "secp256r1", "nistp384", "secp384r1",
            "nistp521", "secp521r1");

    private SshPublicKeys() {
    }

    /** The MD5 colon fingerprint, or InvalidKeypair "failed to generate fingerprint". */
    static String fingerprint(String publicKey) {
        if (!loads(publicKey.getBytes(StandardCharsets.UTF_8))) {
            throw invalid();
        }
        String[] parts = publicKey.split(" ", -1);
        if (parts.length < 2) {
            throw invalid();
        }
        byte[] blob = PythonBase64.decode(parts[1]).orElseThrow(SshPublicKeys::invalid);
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ComputeErrors.InvalidKeypair invalid() {
        return new ComputeErrors.InvalidKeypair("failed to generate fingerprint");
    }

    /** load_ssh_public_key: the line "type base64 [comment]" and the key inside it. */
    private static boolean loads(byte[] line) {
        int typeEnd = 0;
        while (typeEnd < line.length && !isSpace(line[typeEnd])) {
            typeEnd++;
        }
        int bodyStart = typeEnd;
        while (bodyStart < line.length && (line[bodyStart] == ' ' || line[bodyStart] == '\t')) {
            bodyStart++;
        }
        int bodyEnd = bodyStart;
        while (bodyEnd < line.length && !isSpace(line[bodyEnd])) {
            bodyEnd++;
        }
        if (typeEnd == 0 || bodyStart == typeEnd || bodyEnd == bodyStart) {
            return false;
        }
        String type = new String(line, 0, typeEnd, StandardCharsets.ISO_8859_1);
        boolean cert = type.endsWith(CERT_SUFFIX);
        String keyType = cert ? type.substring(0, type.length() - CERT_SUFFIX.length()) : type;
        if (!keyType.equals("ssh-rsa") && !keyType.equals("ssh-dss") && !keyType.equals("ssh-ed25519")
                && !CURVES.containsKey(keyType)) {
            return false;
        }
        Optional<byte[]> blob = PythonBase64.decode(Arrays.copyOfRange(line, bodyStart, bodyEnd));
        if (blob.isEmpty()) {
            return false;
        }
        Reader in = new Reader(ByteBuffer.wrap(blob.get()));
        try {
            if (!new String(in.string(), StandardCharsets.ISO_8859_1).equals(type)) {
                return false;
            }
            if (cert) {
                in.string(); // nonce
            }
            if (!publicKey(keyType, in)) {
                return false;
            }
            if (cert) {
                in.skip(8 + 4); // serial, type
                in.string(); // key id
                in.string(); // principals
                in.skip(8 + 8); // valid after, valid before
                for (int field = 0; field < 5; field++) {
                    in.string(); // critical options, extensions, reserved, signature key, signature
                }
            }
            return !in.buffer.hasRemaining();
        } catch (Truncated e) {
            return false;
        }
    }

    private static boolean publicKey(String keyType, Reader in) {
        switch (keyType) {
            case "ssh-rsa" -> {
                BigInteger e = in.mpint();
                BigInteger n = in.mpint();
                // cryptography's RSAPublicNumbers checks
                return n.compareTo(BigInteger.valueOf(3)) >= 0 && e.compareTo(BigInteger.valueOf(3)) >= 0
                        && e.compareTo(n) < 0 && e.testBit(0);
            }
            case "ssh-dss" -> {
                BigInteger p = in.mpint();
                BigInteger q = in.mpint();
                BigInteger g = in.mpint();
                in.mpint(); // y
                int qBits = q.bitLength();
                return p.bitLength() == 1024 && (qBits == 160 || qBits == 224 || qBits == 256)
                        && g.compareTo(BigInteger.ONE) > 0 && g.compareTo(p) < 0;
            }
            case "ssh-ed25519" -> {
                return in.string().length == 32;
            }
            default -> {
                String curve = CURVES.get(keyType);
                if (!new String(in.string(), StandardCharsets.ISO_8859_1).equals(curve)) {
                    return false;
                }
                return onCurve(JAVA_CURVES.get(curve), in.string());
            }
        }
    }

    /** An uncompressed point (0x04 x y) of the right length that lies on the curve. */
    private static boolean onCurve(String curve, byte[] point) {
        ECParameterSpec spec;
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(curve));
            spec = params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        int size = (p.bitLength() + 7) / 8;
        if (point.length != 1 + 2 * size || point[0] != 4) {
            return false;
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    private static final class Truncated extends RuntimeException {
        Truncated() {
            super(null, null, false, false);
        }
    }

    /** SSH wire fields; a length beyond the bytes left is {@link Truncated}, before any copy. */
    private record Reader(ByteBuffer buffer) {
        byte[] string() {
            if (buffer.remaining() < 4) {
                throw new Truncated();
            }
            long length = Integer.toUnsignedLong(buffer.getInt());
            if (length > buffer.remaining()) {
                throw new Truncated();
            }
            byte[] out = new byte[(int) length];
            buffer.get(out);
            return out;
        }

        BigInteger mpint() {
            byte[] bytes = string();
            if (bytes.length > 0 && (bytes[0] & 0xff) > 0x7f) {
                throw new Truncated(); // a negative number: cryptography's "Invalid data"
            }
            return new BigInteger(1, bytes);
        }

        void skip(int n) {
            if (buffer.remaining() < n) {
                throw new Truncated();
            }
            buffer.position(buffer.position() + n);
        }
    }
}
