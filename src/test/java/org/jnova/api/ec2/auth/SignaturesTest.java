package org.jnova.api.ec2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** jnova's SigV4 and SigV2 computations against the AWS SDK's own signer and AWS's documented example. */
class SignaturesTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String BODY = "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0000000a";

    private static SignedRequest sdkSigned(SdkHttpRequest request, String body, boolean inQuery) {
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create("demo:demo", SECRET)).request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "nova");
            if (body != null) {
                r.payload(ContentStreamProvider.fromUtf8String(body));
            }
            if (inQuery) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
            }
        });
    }

    private static Map<String, String> headers(SdkHttpRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> out.put(name, values.getFirst()));
        out.putIfAbsent("Host", request.host() + ":" + request.port());
        return out;
    }

    private static String field(String authorization, String name) {
        for (String part : authorization.substring(Ec2Signature.SIGV4_ALGORITHM.length()).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair[0].equals(name)) {
                return pair[1];
            }
        }
        throw new AssertionError(name + " not in " + authorization);
    }

    @Test
    void sigV4InTheHeaderIsTheSdksSignature() throws Exception {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:8773/")).putHeader("Content-Type",
                        "application/x-www-form-urlencoded; charset=utf-8").build();
        SdkHttpRequest signed = sdkSigned(request, BODY, false).request();
        String authorization = signed.firstMatchingHeader("Authorization").orElseThrow();
        String credential = field(authorization, "Credential");
        SignatureV4.Signed what = new SignatureV4.Signed("POST", "/", Map.of(),
                signed.firstMatchingHeader("X-Amz-Date").orElseThrow(), credential.substring(credential.indexOf('/') + 1),
                field(authorization, "SignedHeaders"), headers(signed), sha256(BODY));
        assertThat(SignatureV4.compute(SECRET, what)).isEqualTo(field(authorization, "Signature"));
        assertThat(SignatureV4.matches(field(authorization, "Signature"), SECRET, what)).isTrue();
        assertThat(SignatureV4.matches(field(authorization, "Signature"), SECRET + "x", what)).isFalse();
    }

    @Test
    void sigV4InTheQueryIsTheSdksSignature() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:8773/services/Cloud/?Action=DescribeRegions&Version=2016-11-15"
                        + "&Filter.1.Name=region-name&Filter.1.Value.1=nova%20one"))
                .build();
        SdkHttpRequest signed = sdkSigned(request, null, true).request();
        Map<String, String> query = new LinkedHashMap<>();
        signed.rawQueryParameters().forEach((name, values) -> query.put(name, values.getFirst()));
        String credential = query.get("X-Amz-Credential");
        SignatureV4.Signed what = new SignatureV4.Signed("GET", "/services/Cloud/", query, query.get("X-Amz-Date"),
                credential.substring(credential.indexOf('/') + 1), query.get("X-Amz-SignedHeaders"), headers(signed),
                sha256(""));
        assertThat(SignatureV4.compute(SECRET, what)).isEqualTo(query.get("X-Amz-Signature"));
    }

    @Test
    void sigV2IsAwssDocumentedExample() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE");
        params.put("Action", "DescribeJobFlows");
        params.put("SignatureMethod", "HmacSHA256");
        params.put("SignatureVersion", "2");
        params.put("Timestamp", "2011-10-03T15:19:30");
        params.put("Version", "2009-03-31");
        params.put("Signature", "ignored");
        assertThat(SignatureV2.compute(SECRET, "GET", "elasticmapreduce.amazonaws.com", "/", params))
                .isEqualTo("i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=");
        assertThat(SignatureV2.matches("i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=", SECRET + "x", "GET",
                "elasticmapreduce.amazonaws.com", "/", params)).isFalse();
    }

    @Test
    void theAccessKeyIsFoundInEachForm() {
        org.jnova.wsgi.Request header = org.jnova.wsgi.Request.of("POST", "/", new byte[0]);
        header.headers().add("Authorization", "AWS4-HMAC-SHA256 Credential=user:proj/20240101/nova/ec2/aws4_request,"
                + " SignedHeaders=host, Signature=abc");
        assertThat(Ec2Signature.of(header)).isEqualTo(new Ec2Signature(4, "user:proj", "abc"));
        org.jnova.wsgi.Request v2 = org.jnova.wsgi.Request.of("GET",
                "/?AWSAccessKeyId=u%3Ap&SignatureVersion=2&Signature=c2ln", null);
        assertThat(Ec2Signature.of(v2)).isEqualTo(new Ec2Signature(2, "u:p", "c2ln"));
        for (String bad : List.of("Credential=/20240101/nova/ec2/aws4_request, Signature=x",
                "Credential=k/20240101/nova/ec2, Signature=x", "SignedHeaders=host")) {
            org.jnova.wsgi.Request request = org.jnova.wsgi.Request.of("POST", "/", new byte[0]);
            request.headers().add("Authorization", "AWS4-HMAC-SHA256 " + bad);
            org.jnova.api.ec2.protocol.Ec2Error error = org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.jnova.api.ec2.protocol.Ec2Error.class, () -> Ec2Signature.of(request));
            assertThat(error.code()).isEqualTo("IncompleteSignature");
            assertThat(error.status()).isEqualTo(400);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
