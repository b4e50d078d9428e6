package org.jnova.api.metadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.NovaJson;
import org.jnova.objects.Instance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DynamicJSON vendordata provider (nova's vendordata_dynamic): POSTs the instance's
 * facts to each {@code name@URL} target and keeps the JSON answer under {@code name}. A
 * target that fails (refused, timed out, an error status, not JSON) gives {} and a warning,
 * or fails the request when [api] vendordata_dynamic_failure_fatal is set.
 */
final class DynamicVendorData {
    private static final Logger LOG = LoggerFactory.getLogger(DynamicVendorData.class);

    private final List<String> targets;
    private final Duration readTimeout;
    private final boolean failureFatal;
    /** Built only when there is a target to call: building one starts a selector thread. */
    private final Optional<HttpClient> client;
    private final NovaJson json;

    /** Thrown when a target failed and failures are fatal. */
    static final class VendorDataFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VendorDataFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    DynamicVendorData(List<String> targets, Duration connectTimeout, Duration readTimeout, boolean failureFatal,
            NovaJson json) {
        this.targets = List.copyOf(targets);
        this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
        this.failureFatal = failureFatal;
        this.json = requireNonNull(json, "json is null");
        this.client = this.targets.isEmpty() ? Optional.empty() : Optional.of(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build());
    }

    /** Each target's answer by name, in the configured order. */
    Map<String, Object> fetch(Instance instance) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String target : targets) {
            int at = target.indexOf('@');
            if (at < 0) {
                LOG.warn("Vendordata target {} lacks a name. Skipping", target);
                continue;
            }
            String name = target.substring(0, at);
            if (out.containsKey(name)) {
                LOG.warn("Vendordata already contains an entry named {}. Skipping", name);
                continue;
            }
            out.put(name, call(name, target.substring(at + 1), instance));
        }
        return out;
    }

    private Object call(String name, String url, Instance instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project-id", instance.projectId());
        body.put("instance-id", instance.uuid());
        body.put("image-id", instance.imageRef());
        body.put("user-data", instance.userData());
        body.put("hostname", instance.hostname());
        body.put("metadata", instance.metadata());
        body.put("boot-roles", instance.systemMetadata().getOrDefault("boot_roles", ""));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("User-Agent", "openstack-nova-vendordata")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.write(body))).build();
            HttpResponse<byte[]> response = client.orElseThrow().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw new IOException("HTTP " + response.statusCode());
            }
            if (response.body().length == 0) {
                return Map.of();
            }
            JsonNode answer = json.read(response.body());
            return answer;
        } catch (IOException | IllegalArgumentException e) {
            return failed(name, url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(name, url, e);
        }
    }

    private Object failed(String name, String url, Exception e) {
        LOG.warn("Error from dynamic vendordata service {} at {}: {}", name, url, e.toString());
        if (failureFatal) {
            throw new VendorDataFailure("dynamic vendordata service " + name + " failed", e);
        }
        return Map.of();
    }
}
