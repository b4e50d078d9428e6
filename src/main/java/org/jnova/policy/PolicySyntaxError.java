package org.jnova.policy;

/** A policy rule that cannot be understood: bad syntax or a check kind jnova does not offer. */
public final class PolicySyntaxError extends IllegalArgumentException {
    public PolicySyntaxError(String message) {
        super(message);
    }
}
