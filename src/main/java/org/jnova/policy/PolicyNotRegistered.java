package org.jnova.policy;

import org.jnova.exception.NovaException;

/** Code asked about a rule nobody registered: a programming error, answered 500. */
public final class PolicyNotRegistered extends NovaException {
    public PolicyNotRegistered(String rule) {
        super(500, "Policy " + rule + " has not been registered");
    }
}
