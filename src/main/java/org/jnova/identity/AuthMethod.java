package org.jnova.identity;

import java.util.Optional;

/** One method of {@code POST /v3/auth/tokens} with what it carries. */
public sealed interface AuthMethod {
    /** Keystone's method name, as it appears in a token's {@code methods}. */
    String methodName();

    /** {@code password}: a user (by id, or by name in a domain) and the password. */
    record Password(NameOrId user, String password) implements AuthMethod {
        @Override
        public String methodName() {
            return "password";
        }
    }

    /** {@code token}: an existing token, to rescope. */
    record ExistingToken(String id) implements AuthMethod {
        @Override
        public String methodName() {
            return "token";
        }
    }

    /** {@code application_credential}: by id, or by name with its user; and the secret. */
    record ApplicationCredential(Optional<String> id, Optional<String> name, Optional<NameOrId> user, String secret)
            implements AuthMethod {
        @Override
        public String methodName() {
            return "application_credential";
        }
    }
}
