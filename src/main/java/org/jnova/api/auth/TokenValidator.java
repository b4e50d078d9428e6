package org.jnova.api.auth;

/**
 * What the {@code auth_token} filter asks of an identity service: is this token valid, and
 * what does Keystone say about it (the {@code token} object of {@code GET /v3/auth/tokens}).
 * {@link IdentityClient} asks a Keystone over HTTP; a process that serves the built-in
 * Identity API itself answers in-process with the same token body.
 */
public interface TokenValidator {
    /** The outcome of validating a token. */
    sealed interface Validation {
        record Valid(TokenInfo token) implements Validation {
        }

        record Invalid(String reason) implements Validation {
        }
    }

    /**
     * Validates {@code subjectToken}.
     *
     * @throws KeystoneUnreachable when the identity service cannot answer the question
     */
    Validation validate(String subjectToken);
}
