package org.jnova.identity;

import java.util.Optional;

/**
 * The {@code scope} of {@code POST /v3/auth/tokens}: absent, {@code "unscoped"}, a project (by
 * id, or by name in a domain), a domain (by id or name) or the system.
 */
public record RequestedScope(Kind kind, Optional<NameOrId> target) {
    /** Which scope was asked for; {@code NONE} when the request named none. */
    public enum Kind { NONE, UNSCOPED, PROJECT, DOMAIN, SYSTEM }

    public static RequestedScope none() {
        return new RequestedScope(Kind.NONE, Optional.empty());
    }

    public static RequestedScope unscoped() {
        return new RequestedScope(Kind.UNSCOPED, Optional.empty());
    }

    public static RequestedScope project(NameOrId project) {
        return new RequestedScope(Kind.PROJECT, Optional.of(project));
    }

    /** A domain: its id or its name in {@code target}'s id or name. */
    public static RequestedScope domain(NameOrId domain) {
        return new RequestedScope(Kind.DOMAIN, Optional.of(domain));
    }

    public static RequestedScope system() {
        return new RequestedScope(Kind.SYSTEM, Optional.empty());
    }
}
