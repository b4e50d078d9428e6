package org.jnova.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityApplicationCredential;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;

/**
 * An issued or validated token: who (user and domain), its scope (a project with its domain, a
 * domain, the system, or none), the effective roles there and the catalog, when issued and until
 * when, its audit id and that of the token it was rescoped from, and the application credential
 * it was issued for.
 */
public record Token(String id, List<String> methods, IdentityUser user, IdentityDomain userDomain,
        Optional<IdentityProject> project, Optional<IdentityDomain> projectDomain, List<IdentityRole> roles,
        List<CatalogService> catalog, Instant issuedAt, Instant expiresAt, String auditId,
        Optional<IdentityDomain> domain, boolean systemScoped, Optional<String> parentAuditId,
        Optional<IdentityApplicationCredential> applicationCredential) {
    public Token {
        methods = List.copyOf(methods);
        roles = List.copyOf(roles);
        catalog = List.copyOf(catalog);
    }

    /** Keystone's {@code audit_ids}: this token's, then the chain's (the original token's) when rescoped. */
    public List<String> auditIds() {
        List<String> ids = new ArrayList<>(List.of(auditId));
        parentAuditId.ifPresent(ids::add);
        return ids;
    }

    /** The audit id shared by a token and every token rescoped from it. */
    public String auditChainId() {
        return parentAuditId.orElse(auditId);
    }

    public boolean unscoped() {
        return project.isEmpty() && domain.isEmpty() && !systemScoped;
    }
}
