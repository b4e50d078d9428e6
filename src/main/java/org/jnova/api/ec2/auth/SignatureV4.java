package org.jnova.api.ec2.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for one request: the canonical request (method, URI-encoded path,
 * sorted canonical query without {@code X-Amz-Signature}, the signed headers lower-cased with
 * folded spaces, the payload's SHA-256), the string to sign with the credential scope, and the
 * HMAC-SHA256 chain from {@code "AWS4" + secret} through date, region, service and
 * {@code aws4_request}. Both the header and the query-string forms are the same computation.
 */
public final class SignatureV4 {
    /**
     * What was signed.
     *
     * @param amzDate {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param scope {@code DATE/REGION/SERVICE/aws4_request}
     * @param signedHeaders header names, lower case, separated by {@code ;}
     * @param headers the request's headers by lower-case name
     * @param query the query parameters (empty for a form POST signed in the header)
     * @param payloadHash hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
     */
    public record Signed(String verb, String path, Map<String, String> query, String amzDate, String scope,
            String signedHeaders, Map<String, String> headers, String payloadHash) {
    }

    private SignatureV4() {
    }

    public static String compute(String secret, Signed s) {
        String canonical = s.verb().toUpperCase(Locale.ROOT) + "\n" + Hmac.uriEncode(s.path().isEmpty() ? "/"
                : s.path(), true) + "\n" + canonicalQuery(s.query()) + "\n" + canonicalHeaders(s) + "\n"
                + s.signedHeaders() + "\n" + s.payloadHash();
        String toSign = Ec2Signature.SIGV4_ALGORITHM + "\n" + s.amzDate() + "\n" + s.scope() + "\n"
                + Hmac.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : s.scope().split("/")) {
            key = Hmac.sign("HmacSHA256", key, part);
        }
        return HexFormat.of().formatHex(Hmac.sign("HmacSHA256", key, toSign));
    }

    public static boolean matches(String signature, String secret, Signed signed) {
        return Hmac.same(signature.toLowerCase(Locale.ROOT), compute(secret, signed));
    }

    private static String canonicalQuery(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> {
            if (!name.equals("X-Amz-Signature")) {
                sorted.put(Hmac.uriEncode(name, false), Hmac.uriEncode(value, false));
            }
        });
        sorted.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("&", pairs);
    }

    private static String canonicalHeaders(Signed s) {
        StringBuilder out = new StringBuilder();
        Map<String, String> lower = new TreeMap<>();
        s.headers().forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        for (String name : s.signedHeaders().split(";")) {
            String value = lower.getOrDefault(name, "");
            out.append(name).append(':').append(value.strip().replaceAll("\\s+", " ")).append('\n');
        }
        return out.toString();
    }
}
