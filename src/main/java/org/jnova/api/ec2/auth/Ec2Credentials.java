package org.jnova.api.ec2.auth;

import java.util.Map;
import java.util.Objects;

/**
 * What a signature is checked against, as nova's {@code EC2KeystoneAuth} sent it to Keystone's
 * {@code POST /v3/ec2tokens}: the access key and signature, the request's host (with its port),
 * method and path, its parameters (the SigV2 {@code Signature} left out), its headers and the
 * SHA-256 of its body in hex.
 */
public record Ec2Credentials(String access, String signature, String host, String verb, String path,
        Map<String, String> params, Map<String, String> headers, String bodyHash) {
    public Ec2Credentials {
        Objects.requireNonNull(access, "access is null");
        Objects.requireNonNull(signature, "signature is null");
        Objects.requireNonNull(host, "host is null");
        Objects.requireNonNull(verb, "verb is null");
        Objects.requireNonNull(path, "path is null");
        params = Map.copyOf(params);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(bodyHash, "bodyHash is null");
    }
}
