package org.jnova.api.openstack.identity.tokens;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jnova.api.auth.KeystoneUnreachable;
import org.jnova.api.auth.TokenInfo;
import org.jnova.api.auth.TokenValidator;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.Token;

/**
 * The {@code auth_token} filter's validation in a process that serves the built-in Identity
 * API too: the token is checked by {@link IdentityApi} directly, and the filter reads the very
 * body {@code GET /v3/auth/tokens} would answer (with its catalog), so both ways of validating
 * agree.
 */
public final class BuiltInTokenValidator implements TokenValidator {
    private final IdentityApi identity;

    public BuiltInTokenValidator(IdentityApi identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    @Override
    public Validation validate(String subjectToken) {
        Optional<Token> token;
        try {
            token = identity.validate(subjectToken);
        } catch (RuntimeException e) {
            // the identity database failed: the same answer as a Keystone that cannot be reached
            throw new KeystoneUnreachable("The built-in identity service could not validate the token: " + e, e);
        }
        if (token.isEmpty()) {
            return new Validation.Invalid("the identity service does not know the token");
        }
        return new Validation.Valid(TokenInfo.parse(TokenView.show(token.get(), true).path("token")));
    }
}
