package org.jnova.api.ec2.auth;

import org.jnova.api.auth.TokenInfo;

/**
 * Who checks an EC2 signature: Keystone's {@code /v3/ec2tokens} ({@link KeystoneEc2Tokens}), or
 * an identity service holding the secrets itself, which can compute {@link SignatureV4} and
 * {@link SignatureV2}.
 */
public interface Ec2CredentialsVerifier {
    /** What the verified caller's token says, with the token itself. */
    record Verified(String token, TokenInfo info) {
    }

    /**
     * @throws org.jnova.api.ec2.protocol.Ec2Error AuthFailure when the access key is unknown or the
     *     signature wrong
     * @throws org.jnova.api.auth.KeystoneUnreachable when the question cannot be answered now
     */
    Verified verify(Ec2Credentials credentials);

    /** The AuthFailure of a key or signature the identity service refused. */
    static org.jnova.api.ec2.protocol.Ec2Error signatureRefused() {
        return org.jnova.api.ec2.protocol.Ec2Error.authFailure("Signature not provided or the signature does not "
                + "match. Check your key and signing method.");
    }
}
