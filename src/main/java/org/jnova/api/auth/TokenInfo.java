package org.jnova.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Keystone says about a valid token (the {@code token} object of
 * {@code GET /v3/auth/tokens}): who, in which scope, with which roles, until when.
 *
 * @param systemScope {@code all} for a system-scoped token
 * @param domainId the domain of a domain-scoped token
 * @param catalog the token's service catalog as Keystone returned it (a JSON array), if asked for
 */
public record TokenInfo(
        String userId,
        String userName,
        Optional<String> userDomainId,
        Optional<String> userDomainName,
        Optional<String> projectId,
        Optional<String> projectName,
        Optional<String> projectDomainId,
        Optional<String> projectDomainName,
        Optional<String> domainId,
        Optional<String> domainName,
        Optional<String> systemScope,
        List<String> roles,
        boolean isAdminProject,
        Instant expiresAt,
        Optional<JsonNode> catalog) {

    public TokenInfo {
        Objects.requireNonNull(userId, "userId is null");
        Objects.requireNonNull(userName, "userName is null");
        roles = List.copyOf(roles);
        Objects.requireNonNull(expiresAt, "expiresAt is null");
    }

    /** Reads Keystone's token object; an unreadable one is an {@link IllegalArgumentException}. */
    public static TokenInfo parse(JsonNode token) {
        JsonNode user = token.path("user");
        if (!user.hasNonNull("id")) {
            throw new IllegalArgumentException("the token names no user");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(token.path("expires_at").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the token has no readable expires_at", e);
        }
        JsonNode project = token.path("project");
        JsonNode domain = token.path("domain");
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        Optional<String> system = token.path("system").path("all").asBoolean(false) ? Optional.of("all")
                : Optional.empty();
        return new TokenInfo(user.path("id").asText(), user.path("name").asText(""),
                text(user.path("domain"), "id"), text(user.path("domain"), "name"),
                text(project, "id"), text(project, "name"),
                text(project.path("domain"), "id"), text(project.path("domain"), "name"),
                text(domain, "id"), text(domain, "name"),
                system, roles, token.path("is_admin_project").asBoolean(true), expiresAt,
                token.path("catalog").isArray() ? Optional.of(token.get("catalog")) : Optional.empty());
    }

    /** The same token data without its service catalog (kept elsewhere in a smaller form). */
    public TokenInfo withoutCatalog() {
        return new TokenInfo(userId, userName, userDomainId, userDomainName, projectId, projectName,
                projectDomainId, projectDomainName, domainId, domainName, systemScope, roles, isAdminProject,
                expiresAt, Optional.empty());
    }

    /** Whether the token is past its expiry at this instant (keystonemiddleware allows no slack). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The first endpoint of this type and interface (and region, when given) in the token's catalog. */
    public Optional<String> endpoint(String serviceType, String endpointInterface, Optional<String> region) {
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode service : catalog.get()) {
            if (!service.path("type").asText().equals(serviceType)) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                boolean interfaceMatches = endpoint.path("interface").asText().equals(endpointInterface);
                boolean regionMatches = region.isEmpty() || region.get().equals(endpoint.path("region_id").asText())
                        || region.get().equals(endpoint.path("region").asText());
                if (interfaceMatches && regionMatches && endpoint.hasNonNull("url")) {
                    return Optional.of(endpoint.get("url").asText());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
