package org.jnova.identity;

import java.util.Optional;

/** What a token is scoped to: nothing, a project, a domain (by id) or the whole system. */
public record TokenScope(Kind kind, Optional<String> id) {
    /** Keystone's scopes (trusts and OAuth are not implemented). */
    public enum Kind { UNSCOPED, PROJECT, DOMAIN, SYSTEM }

    public static TokenScope unscoped() {
        return new TokenScope(Kind.UNSCOPED, Optional.empty());
    }

    public static TokenScope project(String id) {
        return new TokenScope(Kind.PROJECT, Optional.of(id));
    }

    public static TokenScope domain(String id) {
        return new TokenScope(Kind.DOMAIN, Optional.of(id));
    }

    /** Keystone's {@code system: {"all": true}}, the one system there is. */
    public static TokenScope system() {
        return new TokenScope(Kind.SYSTEM, Optional.of("all"));
    }

    public Optional<String> projectId() {
        return kind == Kind.PROJECT ? id : Optional.empty();
    }
}
