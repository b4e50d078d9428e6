package org.jnova.api.ec2.keypairs;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.KeyPairsApi;
import org.jnova.context.RequestContext;
import org.jnova.objects.KeyPair;
import org.jnova.policy.Enforcer;

/**
 * The caller's key pairs over the compute API's (same quota, same policy rules):
 * DescribeKeyPairs (KeyName.N), CreateKeyPair (an RSA key whose private half is answered once),
 * ImportKeyPair (PublicKeyMaterial, base64 as AWS clients send it) and DeleteKeyPair.
 */
public final class KeyPairsActions {
    private static final String POLICY = "os_compute_api:os-keypairs:";

    private final KeyPairsApi keyPairs;
    private final Enforcer enforcer;

    public KeyPairsActions(KeyPairsApi keyPairs, Enforcer enforcer) {
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeKeyPairs", this::describe);
        actions.put("CreateKeyPair", call -> create(call, null));
        actions.put("ImportKeyPair", call -> create(call, publicKey(call.required("PublicKeyMaterial"))));
        actions.put("DeleteKeyPair", this::delete);
    }

    private Map<String, ?> describe(Ec2Request call) {
        RequestContext ctx = call.context();
        enforcer.authorize(ctx, POLICY + "index", Map.of("user_id", ctx.userId()));
        List<String> wanted = call.list("KeyName");
        List<KeyPair> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            found.addAll(keyPairs.list(ctx.userId(), null, null));
        } else {
            for (String name : wanted) {
                try {
                    found.add(keyPairs.get(ctx.userId(), name));
                } catch (ComputeErrors.KeypairNotFound e) {
                    throw notFound(name);
                }
            }
        }
        ViewFilters filters = new ViewFilters(call.filters(), Map.of("key-name", "keyName",
                "fingerprint", "keyFingerprint", "key-pair-id", "keyPairId", "key-type", "keyType"));
        return Map.of("keySet", found.stream().map(kp -> view(kp, null)).filter(filters).<Object>map(v -> v)
                .toList());
    }

    private Map<String, ?> create(Ec2Request call, String publicKey) {
        RequestContext ctx = call.context();
        enforcer.authorize(ctx, POLICY + "create", Map.of("user_id", ctx.userId()));
        String name = call.required("KeyName");
        KeyPairsApi.Created created;
        try {
            created = keyPairs.create(ctx, ctx.userId(), name, KeyPair.TYPE_SSH, publicKey);
        } catch (ComputeErrors.KeyPairExists e) {
            throw Ec2Error.client("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        } catch (ComputeErrors.InvalidKeypair e) {
            throw Ec2Error.client("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
        return view(created.keyPair(), created.privateKey().orElse(null));
    }

    private Map<String, ?> delete(Ec2Request call) {
        RequestContext ctx = call.context();
        enforcer.authorize(ctx, POLICY + "delete", Map.of("user_id", ctx.userId()));
        try {
            keyPairs.delete(ctx.userId(), call.required("KeyName"));
        } catch (ComputeErrors.KeypairNotFound e) {
            // as AWS: deleting a key pair that is not there succeeds
        }
        return Map.of("return", true);
    }

    private static Map<String, Object> view(KeyPair kp, String privateKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keyPairId", "key-" + String.format("%08x", kp.id()));
        out.put("keyName", kp.name());
        out.put("keyFingerprint", kp.fingerprint());
        out.put("keyMaterial", privateKey);
        out.put("keyType", "rsa");
        return out;
    }

    /** The key AWS clients send base64-encoded; a plain OpenSSH line is taken as it is. */
    private static String publicKey(String material) {
        String text = material.strip();
        if (text.startsWith("ssh-") || text.startsWith("ecdsa-")) {
            return text;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw Ec2Error.client("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
    }

    private static Ec2Error notFound(String name) {
        return Ec2Error.client("InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
    }
}
