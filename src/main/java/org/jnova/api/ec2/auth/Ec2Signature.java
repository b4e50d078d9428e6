package org.jnova.api.ec2.auth;

import java.util.Map;
import java.util.Optional;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Params;
import org.jnova.wsgi.Request;

/**
 * How a request is signed: SigV4 in the {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=...,
 * Signature=...}) or in the query ({@code X-Amz-Credential}, {@code X-Amz-Signature}, ...), or
 * SigV2 in the parameters ({@code AWSAccessKeyId}, {@code Signature}, {@code SignatureVersion=2}).
 *
 * @param version 4 or 2
 * @param accessKey the caller's access key id
 * @param signature the signature the caller computed (hex for SigV4, base64 for SigV2)
 */
public record Ec2Signature(int version, String accessKey, String signature) {
    public static final String SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

    /** The request's signature; AuthFailure-style errors when there is none or it is malformed. */
    public static Ec2Signature of(Request request) {
        Optional<String> header = request.headers().first("Authorization");
        if (header.isPresent() && header.get().strip().startsWith(SIGV4_ALGORITHM)) {
            return fromHeader(header.get().strip().substring(SIGV4_ALGORITHM.length()));
        }
        Map<String, String> params = Ec2Params.of(request);
        if (params.containsKey("X-Amz-Credential") || params.containsKey("X-Amz-Signature")) {
            if (!SIGV4_ALGORITHM.equals(params.get("X-Amz-Algorithm"))) {
                throw Ec2Error.client("IncompleteSignature", "Unsupported X-Amz-Algorithm: "
                        + params.get("X-Amz-Algorithm"));
            }
            return new Ec2Signature(4, accessKeyOfScope(required(params, "X-Amz-Credential")),
                    required(params, "X-Amz-Signature"));
        }
        if (params.containsKey("AWSAccessKeyId")) {
            String version = params.getOrDefault("SignatureVersion", "2");
            if (!"2".equals(version)) {
                throw Ec2Error.client("InvalidParameterValue", "Unsupported SignatureVersion: " + version);
            }
            return new Ec2Signature(2, params.get("AWSAccessKeyId"), required(params, "Signature"));
        }
        throw new Ec2Error(401, "MissingAuthenticationToken",
                "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
    }

    private static Ec2Signature fromHeader(String fields) {
        String credential = null;
        String signature = null;
        for (String field : fields.split(",")) {
            String part = field.strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("Credential")) {
                credential = value;
            } else if (name.equals("Signature")) {
                signature = value;
            }
        }
        if (credential == null || signature == null) {
            throw Ec2Error.client("IncompleteSignature", "Authorization header requires 'Credential' and "
                    + "'Signature' parameters.");
        }
        return new Ec2Signature(4, accessKeyOfScope(credential), signature);
    }

    /** The access key of {@code KEY/DATE/REGION/SERVICE/aws4_request}. */
    private static String accessKeyOfScope(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || !"aws4_request".equals(parts[4])) {
            throw Ec2Error.client("IncompleteSignature", "Credential should be scoped to a valid region, not '"
                    + credential + "'.");
        }
        return parts[0];
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw Ec2Error.client("IncompleteSignature", "The request signature does not include " + name + ".");
        }
        return value;
    }
}
