package org.jnova.api.openstack.compute.keypairs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.compute.links.Links;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.KeyPairsApi;
import org.jnova.objects.KeyPair;

/**
 * {@code /os-keypairs}: nova's keypairs.py. Create generates an RSA key when no public key
 * is given (until 2.92, where public_key is required), imports ssh or x509 keys (type from
 * 2.2), lets admins act for another user (user_id, 2.10) and pages the list (2.35).
 */
public final class KeypairsController {
    private static final String POLICY_ROOT = "os_compute_api:os-keypairs:";
    private static final DateTimeFormatter PY_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PY_ISO_WHOLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final KeyPairsApi keyPairs;
    private final Links links;

    public KeypairsController(KeyPairsApi keyPairs, Links links) {
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
        this.links = requireNonNull(links, "links is null");
    }

    @Response(value = 200, max = "2.1")
    @Response(value = 201, min = "2.2")
    @ExpectedErrors({400, 403, 409})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        JsonNode params = req.body().get("keypair");
        String userId = req.isSupported("2.10") && params.hasNonNull("user_id") ? params.get("user_id").asText()
                : null;
        if (userId == null || userId.isEmpty()) {
            userId = req.context().userId();
        }
        req.authorize(POLICY_ROOT + "create", Map.of("user_id", userId));
        String name = params.get("name").asText().strip();
        String type = params.hasNonNull("type") ? params.get("type").asText() : KeyPair.TYPE_SSH;
        String publicKey = params.has("public_key") ? params.get("public_key").asText() : null;
        KeyPairsApi.Created created = keyPairs.create(req.context(), userId, name, type, publicKey);
        KeyPair kp = created.keyPair();
        Map<String, Object> body = new LinkedHashMap<>();
        created.privateKey().ifPresent(key -> body.put("private_key", key));
        if (req.isSupported("2.2")) {
            body.put("type", kp.type());
        }
        body.put("name", kp.name());
        body.put("public_key", kp.publicKey());
        body.put("fingerprint", kp.fingerprint());
        body.put("user_id", kp.userId());
        return Map.of("keypair", body);
    }

    @ExpectedErrors({400})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        String userId = userId(req);
        req.authorize(POLICY_ROOT + "index", Map.of("user_id", userId));
        boolean paged = req.isSupported("2.35");
        Integer limit = paged ? links.limit(req) : null;
        String marker = paged ? QueryValues.last(req, "marker").orElse(null) : null;
        List<KeyPair> found = keyPairs.list(userId, limit, marker);
        List<Map<String, Object>> items = new ArrayList<>();
        for (KeyPair kp : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", kp.name());
            m.put("public_key", kp.publicKey());
            m.put("fingerprint", kp.fingerprint());
            if (req.isSupported("2.2")) {
                m.put("type", kp.type());
            }
            items.add(Map.of("keypair", m));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keypairs", items);
        if (paged) {
            String last = found.isEmpty() ? null : found.get(found.size() - 1).name();
            List<Map<String, Object>> next = links.collectionLinks(req, found.size(), last, "os-keypairs");
            if (!next.isEmpty()) {
                body.put("keypairs_links", next);
            }
        }
        return body;
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        String userId = userId(req);
        req.authorize(POLICY_ROOT + "show", Map.of("user_id", userId));
        KeyPair kp = keyPairs.get(userId, req.pathParam("id"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", kp.name());
        m.put("public_key", kp.publicKey());
        m.put("fingerprint", kp.fingerprint());
        m.put("user_id", kp.userId());
        m.put("created_at", isotime(kp.createdAt()));
        m.put("deleted", false);
        m.put("deleted_at", null);
        m.put("id", kp.id());
        m.put("updated_at", null);
        if (req.isSupported("2.2")) {
            m.put("type", kp.type());
        }
        return Map.of("keypair", m);
    }

    @Response(value = 202, max = "2.1")
    @Response(value = 204, min = "2.2")
    @ExpectedErrors(404)
    @QuerySchema("delete.query")
    public Object delete(ApiRequest req) {
        String userId = userId(req);
        req.authorize(POLICY_ROOT + "delete", Map.of("user_id", userId));
        keyPairs.delete(userId, req.pathParam("id"));
        return ApiResult.empty();
    }

    /** The user_id query parameter (2.10+, first value) or the caller. */
    private static String userId(ApiRequest req) {
        if (req.isSupported("2.10")) {
            Optional<String> userId = req.query("user_id").filter(value -> !value.isEmpty());
            if (userId.isPresent()) {
                return userId.get();
            }
        }
        return req.context().userId();
    }

    /** Python's datetime.isoformat() of a naive UTC time. */
    static String isotime(Instant t) {
        if (t == null) {
            return null;
        }
        return t.getNano() / 1000 == 0 ? PY_ISO_WHOLE.format(t) : PY_ISO.format(t);
    }
}
