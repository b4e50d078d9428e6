package org.jnova.api.openstack.compute.policywalk;

/** What nova answers a persona for a call. */
enum Outcome {
    /** 2xx, or an error of the operation itself (400, 404 where allowed, 409, 410), never a policy 403. */
    ALLOWED,
    /** 403 "Policy doesn't allow <rule> to be performed." */
    DENIED,
    /** 404: the thing belongs to another project, and nova does not say it exists. */
    HIDDEN;

    /** nova's outcome of {@code rule} on {@code scope} for {@code who}. */
    static Outcome expected(Rule rule, Scope scope, Persona who) {
        if (who.admin) {
            return ALLOWED;
        }
        boolean foreign = !who.inProjectA();
        if (foreign && scope == Scope.HIDDEN_IN_A) {
            return HIDDEN;
        }
        return switch (rule) {
            case ANYONE, KEYPAIR_OWNER -> ALLOWED;
            case ADMIN_ONLY -> DENIED;
            case PROJECT_READER -> foreign && scope == Scope.PROJECT_A ? DENIED : ALLOWED;
            case PROJECT_MEMBER -> (foreign && scope == Scope.PROJECT_A) || !who.roles.contains("member")
                    ? DENIED : ALLOWED;
        };
    }
}
