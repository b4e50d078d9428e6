package org.jnova.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jnova.objects.CatalogService;
import org.jnova.objects.IdentityDomain;
import org.jnova.objects.IdentityProject;
import org.jnova.objects.IdentityRole;
import org.jnova.objects.IdentityUser;

/**
 * An issued or validated token: who (user and domain), for which project (none when
 * unscoped), with which effective roles and catalog, when issued and until when.
 */
public record Token(String id, List<String> methods, IdentityUser user, IdentityDomain userDomain,
        Optional<IdentityProject> project, Optional<IdentityDomain> projectDomain, List<IdentityRole> roles,
        List<CatalogService> catalog, Instant issuedAt, Instant expiresAt, String auditId) {
    public Token {
        methods = List.copyOf(methods);
        roles = List.copyOf(roles);
        catalog = List.copyOf(catalog);
    }
}
