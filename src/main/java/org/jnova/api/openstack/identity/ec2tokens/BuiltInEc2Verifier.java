package org.jnova.api.openstack.identity.ec2tokens;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jnova.api.auth.KeystoneUnreachable;
import org.jnova.api.auth.TokenInfo;
import org.jnova.api.ec2.auth.Ec2Credentials;
import org.jnova.api.ec2.auth.Ec2CredentialsVerifier;
import org.jnova.api.openstack.identity.tokens.TokenView;
import org.jnova.identity.Ec2CredentialsApi;
import org.jnova.identity.Ec2Signer;
import org.jnova.identity.IdentityError;
import org.jnova.identity.Token;

/**
 * The EC2 API's signature check against the built-in identity, in-process (when the process
 * serves {@code identity}): what {@code POST /v3/ec2tokens} does, without the HTTP round trip
 * and without a service user.
 */
public final class BuiltInEc2Verifier implements Ec2CredentialsVerifier {
    private final Ec2CredentialsApi credentials;

    public BuiltInEc2Verifier(Ec2CredentialsApi credentials) {
        this.credentials = requireNonNull(credentials, "credentials is null");
    }

    @Override
    public Verified verify(Ec2Credentials given) {
        Ec2Signer.SignedRequest request = new Ec2Signer.SignedRequest(given.host(), given.verb(), given.path(),
                given.params(), given.headers(), Optional.of(given.bodyHash()));
        Token token;
        try {
            token = credentials.authenticate(Ec2CredentialsApi.Ec2Auth.of(given.access(),
                    Optional.of(given.signature()), request));
        } catch (IdentityError e) {
            throw Ec2CredentialsVerifier.signatureRefused();
        } catch (RuntimeException e) {
            // the identity database failed: the same answer as a Keystone that cannot be reached
            throw new KeystoneUnreachable("The built-in identity service could not check the signature: " + e, e);
        }
        return new Verified(token.id(), TokenInfo.parse(TokenView.show(token, true).path("token")));
    }
}
