package org.jnova.api.openstack.identity.domains;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.IdentitySchema;
import org.jnova.identity.IdentityDomains;
import org.jnova.identity.IdentityError;
import org.jnova.objects.IdentityDomainDetails;
import org.jnova.wsgi.Response;

/** {@code /v3/domains}: list (filters name, enabled), create, show, update, delete (once disabled). */
public final class DomainsController {
    /** What a domain body may hold that is not kept among its extra attributes. */
    static final Set<String> KNOWN = Set.of("id", "name", "description", "enabled", "tags", "options", "links",
            "domain_id", "parent_id", "is_domain", "explicit_domain_id");
    private static final Set<String> OPTIONS = Set.of("immutable");
    private final IdentityDomains domains;

    public DomainsController(IdentityDomains domains) {
        this.domains = requireNonNull(domains, "domains is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/domains", this::list));
        routes.add(IdentityRoute.post("/domains", this::create));
        routes.addAll(IdentityRoute.getAndHead("/domains/{domain_id}", this::show));
        routes.add(IdentityRoute.patch("/domains/{domain_id}", this::update));
        routes.add(IdentityRoute.delete("/domains/{domain_id}", this::delete));
        return routes;
    }

    Response list(IdentityCall call) {
        call.authorize("identity:list_domains", IdentityEntities.filterTarget(call, "name", "enabled"));
        Optional<String> name = call.query("name");
        Optional<String> enabled = call.query("enabled");
        return IdentityEntities.collection(call.request(), "domains", domains.list().stream()
                .filter(d -> IdentityEntities.matches(name, d.name()) && IdentityEntities.matches(enabled, d.enabled()))
                .map(DomainView::of).toList());
    }

    /** Keystone checks policy before it says whether the domain exists. */
    Response show(IdentityCall call) {
        String id = call.parameter("domain_id");
        Optional<IdentityDomainDetails> domain = domains.find(id);
        call.authorize("identity:get_domain", target(id, domain));
        return IdentityEntities.member(200, call.request(), "domain", "domains",
                DomainView.of(domain.orElseGet(() -> domains.get(id))));
    }

    Response create(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        call.authorize("identity:create_domain", new HashMap<>());
        JsonNode body = IdentitySchema.member(call, "domain");
        validate(body);
        IdentitySchema.required(body, "name");
        IdentitySchema.storable(body, "");
        String id = explicitId(body).orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        IdentityDomainDetails created = domains.create(new IdentityDomainDetails(id,
                IdentityEntities.strip(body.get("name").asText()), IdentityEntities.text(body, "description", ""),
                IdentityEntities.bool(body, "enabled", true), IdentityEntities.mergeExtra(null, body, KNOWN),
                IdentityEntities.tags(body, "tags", List.of())));
        return IdentityEntities.member(201, call.request(), "domain", "domains", DomainView.of(created));
    }

    /** Keystone looks the domain up (404) before policy, once the caller is authenticated. */
    Response update(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        String id = call.parameter("domain_id");
        call.caller();
        IdentityDomainDetails domain = domains.get(id);
        call.authorize("identity:update_domain", target(id, Optional.of(domain)));
        JsonNode body = IdentitySchema.member(call, "domain");
        validate(body);
        IdentitySchema.notEmpty(body);
        IdentitySchema.storable(body, "");
        IdentityDomainDetails updated = domains.update(new IdentityDomainDetails(id,
                IdentityEntities.strip(IdentityEntities.text(body, "name", domain.name())),
                IdentityEntities.text(body, "description", domain.description()),
                IdentityEntities.bool(body, "enabled", domain.enabled()),
                IdentityEntities.mergeExtra(domain.extra(), body, KNOWN),
                IdentityEntities.tags(body, "tags", domain.tags())));
        return IdentityEntities.member(200, call.request(), "domain", "domains", DomainView.of(updated));
    }

    Response delete(IdentityCall call) {
        String id = call.parameter("domain_id");
        call.caller();
        IdentityDomainDetails domain = domains.get(id);
        call.authorize("identity:delete_domain", target(id, Optional.of(domain)));
        domains.delete(id);
        return Response.empty(204);
    }

    /** Keystone's domain schema, property by property in its order. */
    private static void validate(JsonNode body) {
        IdentitySchema.string(body, "description", IdentitySchema.DESCRIPTION);
        IdentitySchema.bool(body, "enabled");
        IdentitySchema.string(body, "name", IdentitySchema.RESOURCE_NAME);
        IdentitySchema.tags(body, "tags");
        IdentitySchema.options(body, "options", OPTIONS, Set.of());
    }

    /** {@code explicit_domain_id}: a UUID in hex (with or without dashes), kept as given. */
    private static Optional<String> explicitId(JsonNode body) {
        JsonNode explicit = body.get("explicit_domain_id");
        if (explicit == null || explicit.isNull()) {
            return Optional.empty();
        }
        String id = explicit.asText();
        if (!explicit.isTextual() || !id.replace("-", "").matches("[0-9a-fA-F]{32}") || id.length() > 36) {
            throw IdentityError.badRequest("Domain ID does not conform to required UUID format.");
        }
        return Optional.of(id);
    }

    private static Map<String, Object> target(String id, Optional<IdentityDomainDetails> domain) {
        Map<String, Object> target = new HashMap<>();
        target.put("domain_id", id);
        domain.ifPresent(d -> IdentityEntities.putTarget(target, "target.domain", DomainView.of(d)));
        return target;
    }
}
