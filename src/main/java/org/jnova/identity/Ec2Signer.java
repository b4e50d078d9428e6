package org.jnova.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AWS request signatures Keystone's {@code /v3/ec2tokens} checks, computed as
 * keystoneclient's {@code Ec2Signer} computes them from what the EC2 API forwards: signature
 * versions 0 and 1 (HMAC-SHA1 over the parameters), 2 (HMAC-SHA256 over verb, host, path and
 * the sorted, encoded query, {@code SignatureMethod} taken as HmacSHA256 whatever the client
 * said) and 4 (AWS4-HMAC-SHA256, its parameters from the {@code Authorization} header or the
 * {@code X-Amz-*} query parameters).
 */
public final class Ec2Signer {
    private static final Pattern OLD_BOTO = Pattern.compile("^Boto/2\\.[0-9]\\.[0-2]");
    private static final HexFormat HEX = HexFormat.of();

    /** What the EC2 API forwards of a signed request (Keystone's {@code credentials} body). */
    public record SignedRequest(String host, String verb, String path, Map<String, String> params,
            Map<String, String> headers, Optional<String> bodyHash) {
        public SignedRequest {
            params = new LinkedHashMap<>(params);
            headers = new LinkedHashMap<>(headers);
        }

        /** The same request with another host (Keystone retries without the port). */
        public SignedRequest withHost(String otherHost) {
            return new SignedRequest(otherHost, verb, path, params, headers, bodyHash);
        }
    }

    private Ec2Signer() {
    }

    /**
     * The signature of {@code request} under {@code secret}.
     *
     * @throws IllegalArgumentException for an unknown signature version or an incomplete or
     *         inconsistent request (where Keystone's signer raises)
     */
    public static String signature(String secret, SignedRequest request) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        String version = request.params().get("SignatureVersion");
        if ("0".equals(version)) {
            return base64(hmac("HmacSHA1", key, (required(request.params(), "Action")
                    + required(request.params(), "Timestamp")).getBytes(StandardCharsets.UTF_8)));
        }
        if ("1".equals(version)) {
            return version1(key, request.params());
        }
        if ("2".equals(version)) {
            return version2(key, request);
        }
        if (isVersion4(request)) {
            return version4(key, request);
        }
        throw new IllegalArgumentException(version == null ? "Unexpected signature format"
                : "Unknown signature version: " + version);
    }

    private static String version1(byte[] key, Map<String, String> params) {
        List<String> names = new ArrayList<>(params.keySet());
        names.sort((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)));
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(name).append(params.get(name));
        }
        return base64(hmac("HmacSHA1", key, text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String version2(byte[] key, SignedRequest request) {
        Map<String, String> params = new LinkedHashMap<>(request.params());
        params.put("SignatureMethod", "HmacSHA256");
        String toSign = required(request.verb()) + "\n" + required(request.host()) + "\n" + required(request.path())
                + "\n" + canonicalQuery(params);
        return base64(hmac("HmacSHA256", key, toSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean isVersion4(SignedRequest request) {
        String authorization = request.headers().get("Authorization");
        if (authorization != null) {
            return authorization.startsWith("AWS4-HMAC-SHA256");
        }
        return "AWS4-HMAC-SHA256".equals(request.params().get("X-Amz-Algorithm"));
    }

    private static String version4(byte[] key, SignedRequest request) {
        String verb = required(request.verb()).toUpperCase(Locale.ROOT);
        String signedHeaders = required(authParameter(request, "SignedHeaders"));
        String canonical = String.join("\n", verb, required(request.path()),
                verb.equals("POST") ? "" : canonicalQuery(request.params()), canonicalHeaders(request, signedHeaders),
                signedHeaders, request.bodyHash().orElseThrow(() -> new IllegalArgumentException("no body_hash")));
        String[] credential = required(authParameter(request, "Credential")).split("/", -1);
        if (credential.length < 4) {
            throw new IllegalArgumentException("Malformed credential scope");
        }
        String credentialDate = credential[1];
        String date = Optional.ofNullable(request.headers().get("X-Amz-Date"))
                .orElseGet(() -> request.params().get("X-Amz-Date"));
        if (date == null || !date.startsWith(credentialDate)) {
            throw new IllegalArgumentException("Request date mismatch error");
        }
        String scope = String.join("/", List.of(credential).subList(1, credential.length));
        String toSign = String.join("\n", "AWS4-HMAC-SHA256", date, scope,
                HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] signingKey = hmac("HmacSHA256", ("AWS4" + new String(key, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), credentialDate.getBytes(StandardCharsets.UTF_8));
        for (String part : List.of(credential[2], credential[3], "aws4_request")) {
            signingKey = hmac("HmacSHA256", signingKey, part.getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(hmac("HmacSHA256", signingKey, toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** A parameter of the Authorization header ({@code Name=value,}) or else of the query ({@code X-Amz-Name}). */
    private static String authParameter(SignedRequest request, String name) {
        String authorization = request.headers().get("Authorization");
        if (authorization == null) {
            return request.params().get("X-Amz-" + name);
        }
        int at = authorization.indexOf(name + "=");
        if (at < 0) {
            return "";
        }
        String rest = authorization.substring(at + name.length() + 1);
        int comma = rest.indexOf(',');
        return comma < 0 ? rest : rest.substring(0, comma);
    }

    private static String canonicalHeaders(SignedRequest request, String signedHeaders) {
        Map<String, String> lower = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT).strip(), value.strip()));
        boolean stripPort = OLD_BOTO.matcher(lower.getOrDefault("user-agent", "")).find();
        List<String> lines = new ArrayList<>();
        for (String name : signedHeaders.split(";", -1)) {
            String value = lower.get(name);
            if (value == null) {
                continue;
            }
            lines.add(name + ":" + (name.equals("host") && stripPort ? value.split(":", -1)[0] : value));
        }
        return String.join("\n", lines) + "\n";
    }

    /** Parameters sorted by name, names and values percent-encoded as Python's {@code quote(..., safe='-_~')}. */
    static String canonicalQuery(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(params).forEach((name, value) -> pairs.add(quote(name) + "=" + quote(value)));
        return String.join("&", pairs);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String required(Map<String, String> params, String name) {
        return required(params.get(name));
    }

    private static String required(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A part of the signed request is missing");
        }
        return value;
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
