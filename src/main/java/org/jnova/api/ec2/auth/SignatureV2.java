package org.jnova.api.ec2.auth;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 2 (boto's and keystone's {@code Ec2Signer} v2): HMAC of
 * {@code VERB\nhost\npath\ncanonical-query} with SHA-256 ({@code HmacSHA256}) or SHA-1
 * ({@code HmacSHA1}) as {@code SignatureMethod} says, base64. The canonical query is every
 * parameter but {@code Signature}, sorted by name, RFC 3986-encoded.
 */
public final class SignatureV2 {
    private SignatureV2() {
    }

    public static String compute(String secret, String verb, String host, String path, Map<String, String> params) {
        String method = params.getOrDefault("SignatureMethod", "HmacSHA256");
        if (!method.equals("HmacSHA256") && !method.equals("HmacSHA1")) {
            throw new IllegalArgumentException("Unsupported SignatureMethod " + method);
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
            if (param.getKey().equals("Signature")) {
                continue;
            }
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(Hmac.uriEncode(param.getKey(), false)).append('=')
                    .append(Hmac.uriEncode(param.getValue(), false));
        }
        String toSign = verb.toUpperCase(java.util.Locale.ROOT) + "\n" + host.toLowerCase(java.util.Locale.ROOT)
                + "\n" + (path.isEmpty() ? "/" : path) + "\n" + query;
        return Base64.getEncoder().encodeToString(Hmac.sign(method, secret.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), toSign));
    }

    /** Whether {@code signature} is the right one. */
    public static boolean matches(String signature, String secret, String verb, String host, String path,
            Map<String, String> params) {
        return Hmac.same(signature, compute(secret, verb, host, path, params));
    }
}
