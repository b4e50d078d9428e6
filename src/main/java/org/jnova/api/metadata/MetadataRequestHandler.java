package org.jnova.api.metadata;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jnova.exception.NovaException;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata service (nova's MetadataRequestHandler). {@code GET /} lists the EC2
 * versions before anything else is checked. Then the instance is found: through neutron's
 * proxy headers when [neutron] service_metadata_proxy is set (X-Instance-ID, its HMAC-SHA256
 * signature with the shared secret, X-Tenant-ID; or X-Metadata-Provider for a load
 * balancer), otherwise by the caller's address (X-Forwarded-For only with [api]
 * use_forwarded_for). Refusals are webob's pages in nova's order.
 */
public final class MetadataRequestHandler implements App {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataRequestHandler.class);
    private static final String ROOT_LISTING;

    static {
        List<String> versions = new ArrayList<>(MetadataVersions.EC2);
        versions.add(MetadataVersions.LATEST);
        ROOT_LISTING = String.join("\n", versions);
    }

    private final MetadataSource source;
    private final Trust trust;
    private final WebobErrors errors;
    private final PasswordHandler passwords;

    /**
     * How callers are recognised.
     *
     * @param serviceMetadataProxy [neutron] service_metadata_proxy
     * @param sharedSecret [neutron] metadata_proxy_shared_secret
     * @param useForwardedFor [api] use_forwarded_for
     */
    public record Trust(boolean serviceMetadataProxy, String sharedSecret, boolean useForwardedFor) {
        public Trust {
            sharedSecret = sharedSecret == null ? "" : sharedSecret;
        }
    }

    MetadataRequestHandler(MetadataSource source, Trust trust, WebobErrors errors, PasswordHandler passwords) {
        this.source = requireNonNull(source, "source is null");
        this.trust = requireNonNull(trust, "trust is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
    }

    @Override
    public Response handle(Request request) {
        if (MetadataPaths.isRoot(request.pathInfo())) {
            return Response.text(200, InstanceMetadata.TEXT, ROOT_LISTING);
        }
        try {
            Optional<InstanceMetadata> md;
            if (trust.serviceMetadataProxy()) {
                md = request.headers().first("X-Metadata-Provider").filter(v -> !v.isEmpty()).isPresent()
                        ? fromLoadBalancer(request) : fromProxy(request);
            } else {
                if (request.headers().contains("X-Instance-ID")) {
                    LOG.warn("X-Instance-ID present in request headers. The 'service_metadata_proxy' option must "
                            + "be enabled to process this header.");
                }
                md = fromRemoteAddress(request);
            }
            if (md.isEmpty()) {
                return errors.error(404, WebobErrors.NOT_FOUND, request);
            }
            InstanceMetadata.Document doc = md.get().lookup(request.pathInfo());
            if (doc == InstanceMetadata.Document.PASSWORD_ENDPOINT) {
                return passwords.handle(request, md.get());
            }
            Response response = new Response(200, doc.body());
            response.headers().set("Content-Type", doc.contentType());
            return response;
        } catch (Refusal r) {
            return errors.error(r.status, r.getMessage(), request);
        } catch (InstanceMetadata.InvalidPath e) {
            return errors.error(404, WebobErrors.NOT_FOUND, request);
        } catch (NovaException e) {
            if (e.code() >= 500) {
                LOG.error("Metadata request for {} failed", request.pathInfo(), e);
                return brokenConnection();
            }
            return errors.error(e.code(), e.getMessage(), request);
        } catch (RuntimeException e) {
            LOG.error("Metadata request for {} failed", request.pathInfo(), e);
            return brokenConnection();
        }
    }

    /** What nova's WSGI server sends when the application raised: an empty 500, connection closed. */
    private static Response brokenConnection() {
        Response response = Response.text(500, "text/plain", "");
        response.headers().set("Connection", "close");
        return response;
    }

    private Optional<InstanceMetadata> fromProxy(Request request) {
        String instanceId = joined(request, "X-Instance-ID");
        String tenantId = joined(request, "X-Tenant-ID");
        String signature = joined(request, "X-Instance-ID-Signature");
        if (instanceId == null) {
            throw new Refusal(400, "X-Instance-ID header is missing from request.");
        }
        if (signature == null) {
            throw new Refusal(400, "X-Instance-ID-Signature header is missing from request.");
        }
        if (tenantId == null) {
            throw new Refusal(400, "X-Tenant-ID header is missing from request.");
        }
        checkSignature(instanceId, signature, request.headers().first("X-Forwarded-For").orElse(null));
        Optional<InstanceMetadata> md = find(() -> source.byInstanceId(instanceId), "instance id " + instanceId);
        if (md.isEmpty()) {
            LOG.error("Failed to get metadata for instance id: {}", instanceId);
            return md;
        }
        if (!tenantId.equals(md.get().instance().projectId())) {
            LOG.warn("Tenant_id {} does not match tenant_id of instance {}.", tenantId, instanceId);
            return Optional.empty();
        }
        return md;
    }

    /** X-Metadata-Provider: a load balancer names itself and forwards the guest's address. */
    private Optional<InstanceMetadata> fromLoadBalancer(Request request) {
        String forwardedFor = joined(request, "X-Forwarded-For");
        if (forwardedFor == null) {
            throw new Refusal(400, "X-Forwarded-For is missing from request.");
        }
        String provider = joined(request, "X-Metadata-Provider");
        String address = forwardedFor.split(",")[0].trim();
        if (!trust.sharedSecret().isEmpty()) {
            checkSignature(provider, joined(request, "X-Metadata-Provider-Signature"), address);
        }
        // nova asks neutron for the one port of this provider's network with this IP; the
        // built-in network is the only one here
        Optional<InstanceMetadata> md = find(() -> source.byAddress(address), "IP " + address);
        if (md.isEmpty()) {
            throw new Refusal(400, "Expected a single port matching provider " + provider + " and IP " + address
                    + ". Found 0.");
        }
        return md;
    }

    private Optional<InstanceMetadata> fromRemoteAddress(Request request) {
        String caller = request.callerAddress(trust.useForwardedFor(), "");
        Optional<InstanceMetadata> md = find(() -> source.byAddress(caller), "IP " + caller);
        if (md.isEmpty()) {
            LOG.error("Failed to get metadata for IP {}: no metadata", caller);
        }
        return md;
    }

    /** Runs a lookup; a failure (database, unreadable vendordata file) is nova's 500 "unknown error". */
    private static Optional<InstanceMetadata> find(java.util.function.Supplier<Optional<InstanceMetadata>> lookup,
            String what) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            LOG.error("Failed to get metadata for {}", what, e);
            throw new Refusal(500, "An unknown error has occurred. Please try your request again.");
        }
    }

    private void checkSignature(String requestorId, String signature, String requestorAddress) {
        String expected = sign(trust.sharedSecret(), requestorId);
        if (signature == null || signature.isEmpty() || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            if (!requestorId.isEmpty()) {
                LOG.warn("X-Instance-ID-Signature: {} does not match the expected value: {} for id: {}. "
                        + "Request From: {}", signature, expected, requestorId, requestorAddress);
            }
            throw new Refusal(403, "Invalid proxy request signature.");
        }
    }

    /** Hex HMAC-SHA256 of {@code id} keyed with {@code secret}, as neutron's proxy signs. */
    public static String sign(String secret, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC pads its key with zero bytes, so an empty secret signs as a single zero byte does
            mac.init(new SecretKeySpec(secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header's values joined with ", " as a WSGI environ holds repeated headers; null when absent. */
    private static String joined(Request request, String name) {
        List<String> values = request.headers().all(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /** An HTTP refusal with webob's explanation. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String explanation) {
            super(explanation, null, false, false);
            this.status = status;
        }
    }
}
