package org.jnova.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed by keystoneclient's {@code Ec2Signer} (python3-keystoneclient 5.0.1)
 * for the same requests, one per signature version and form.
 */
class Ec2SignerTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void version2IsHmacSha256WhateverTheClientNamedWithPythonsQuoting() {
        Map<String, String> params = ordered("SignatureVersion", "2", "SignatureMethod", "HmacSHA1", "AWSAccessKeyId",
                "AK", "Action", "DescribeInstances", "Timestamp", "2026-12-07T07:00:00Z", "Name.1", "a b/c~d*é");
        assertThat(Ec2Signer.signature("s3cr3t", request("ec2.example.com:8773", "GET", "/", params, Map.of(),
                Optional.of("")))).isEqualTo("wyoQUcc63t4MDopd8vZ/sHMDECKROQ5QIl5KEdYzP+0=");
    }

    @Test
    void versionsOneAndZero() {
        assertThat(Ec2Signer.signature("s3cr3t", request("ec2.example.com", "GET", "/", ordered("SignatureVersion",
                "1", "Action", "DescribeInstances", "aws", "x"), Map.of(), Optional.empty())))
                .isEqualTo("JM6t1RaiAsLeBS9He2aAmQDju2g=");
        assertThat(Ec2Signer.signature("s3cr3t", request("ec2.example.com", "GET", "/", ordered("SignatureVersion",
                "0", "Action", "DescribeInstances", "Timestamp", "2026-12-07T07:00:00Z"), Map.of(), Optional.empty())))
                .isEqualTo("dYfHZTOugHQggDHdhRcupABjI0U=");
    }

    @Test
    void version4FromTheAuthorizationHeader() {
        Map<String, String> headers = ordered("Host", "ec2.example.com:8773", "X-Amz-Date", "20261207T070000Z",
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "Authorization",
                "AWS4-HMAC-SHA256 Credential=AK/20261207/RegionOne/ec2/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, Signature=00");
        assertThat(Ec2Signer.signature("s3cr3t", request("ec2.example.com:8773", "POST", "/services/Cloud/",
                ordered("Action", "DescribeRegions", "Version", "2016-11-15"), headers, Optional.of(EMPTY_SHA256))))
                .isEqualTo("d31f3a716d292306fcfabce36ac96089036993298d0f5826de8a75a7d8352a5e");
    }

    @Test
    void version4FromTheQuery() {
        Map<String, String> params = ordered("Action", "DescribeRegions", "X-Amz-Algorithm", "AWS4-HMAC-SHA256",
                "X-Amz-Credential", "AK/20261207/RegionOne/ec2/aws4_request", "X-Amz-Date", "20261207T070000Z",
                "X-Amz-SignedHeaders", "host");
        assertThat(Ec2Signer.signature("s3cr3t", request("ec2.example.com", "GET", "/", params,
                Map.of("Host", "ec2.example.com"), Optional.of("UNSIGNED-PAYLOAD"))))
                .isEqualTo("0dedaa9cddec672ca11db73f9a9d7af32e2ed4529fdbffa59adb689e9ad4d7bb");
    }

    @Test
    void refusesWhatKeystonesSignerCannotSign() {
        assertThatThrownBy(() -> Ec2Signer.signature("s", request("h", "GET", "/", Map.of(), Map.of(),
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ec2Signer.signature("s", request("h", "GET", "/", Map.of("SignatureVersion", "3"),
                Map.of(), Optional.empty()))).hasMessage("Unknown signature version: 3");
        Map<String, String> mismatched = ordered("X-Amz-Algorithm", "AWS4-HMAC-SHA256", "X-Amz-Credential",
                "AK/20261207/RegionOne/ec2/aws4_request", "X-Amz-Date", "20261208T070000Z", "X-Amz-SignedHeaders",
                "host");
        assertThatThrownBy(() -> Ec2Signer.signature("s", request("h", "GET", "/", mismatched, Map.of("Host", "h"),
                Optional.of("x")))).hasMessage("Request date mismatch error");
        assertThatThrownBy(() -> Ec2Signer.signature("s", request("h", "GET", "/", ordered("X-Amz-Algorithm",
                "AWS4-HMAC-SHA256", "X-Amz-Credential", "AK"), Map.of(), Optional.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Ec2Signer.signature("", request("h", "GET", "/", Map.of("SignatureVersion", "2"), Map.of(),
                Optional.empty()))).isNotEmpty();
    }

    private static Ec2Signer.SignedRequest request(String host, String verb, String path, Map<String, String> params,
            Map<String, String> headers, Optional<String> bodyHash) {
        return new Ec2Signer.SignedRequest(host, verb, path, params, headers, bodyHash);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
