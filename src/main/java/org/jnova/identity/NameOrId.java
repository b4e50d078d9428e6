package org.jnova.identity;

import java.util.Optional;

/**
 * How a request names a user or project: by id, or by name within a domain given by id or
 * name (Keystone's {@code {"id": ...}} or {@code {"name": ..., "domain": {...}}}).
 */
public record NameOrId(Optional<String> id, Optional<String> name, Optional<String> domainId,
        Optional<String> domainName) {
    public static NameOrId byId(String id) {
        return new NameOrId(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static NameOrId byName(String name, String domainId) {
        return new NameOrId(Optional.empty(), Optional.of(name), Optional.of(domainId), Optional.empty());
    }
}
