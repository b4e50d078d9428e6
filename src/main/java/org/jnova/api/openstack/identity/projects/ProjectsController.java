package org.jnova.api.openstack.identity.projects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.IdentitySchema;
import org.jnova.identity.IdentityDomains;
import org.jnova.identity.IdentityError;
import org.jnova.identity.IdentityProjects;
import org.jnova.objects.IdentityDomainDetails;
import org.jnova.objects.IdentityProjectDetails;
import org.jnova.wsgi.Response;

/**
 * {@code /v3/projects}: list (filters domain_id, enabled, name, parent_id, is_domain and the
 * tag filters), create (below a domain or a parent project; {@code is_domain} makes a domain),
 * show, update, delete; a project's tags.
 */
public final class ProjectsController {
    /** What a project body may hold that is not kept among its extra attributes. */
    static final Set<String> KNOWN = Set.of("id", "name", "domain_id", "description", "enabled", "parent_id",
            "is_domain", "tags", "options", "links");
    private static final Set<String> OPTIONS = Set.of("immutable");
    private static final String DEFAULT_DOMAIN = "default";
    private final IdentityProjects projects;
    private final IdentityDomains domains;

    public ProjectsController(IdentityProjects projects, IdentityDomains domains) {
        this.projects = requireNonNull(projects, "projects is null");
        this.domains = requireNonNull(domains, "domains is null");
    }

    public List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/projects", this::list));
        routes.add(IdentityRoute.post("/projects", this::create));
        routes.addAll(IdentityRoute.getAndHead("/projects/{project_id}", this::show));
        routes.add(IdentityRoute.patch("/projects/{project_id}", this::update));
        routes.add(IdentityRoute.delete("/projects/{project_id}", this::delete));
        routes.addAll(new ProjectTagsController(projects).routes());
        return routes;
    }

    Response list(IdentityCall call) {
        call.authorize("identity:list_projects", IdentityEntities.filterTarget(call, "domain_id", "enabled", "name",
                "parent_id", "is_domain"));
        Optional<String> domainId = call.query("domain_id");
        Optional<String> enabled = call.query("enabled");
        Optional<String> name = call.query("name");
        Optional<String> parentId = call.query("parent_id");
        boolean actingAsDomains = call.query("is_domain").map(IdentityEntities::truth).orElse(false);
        Stream<ObjectNode> found = actingAsDomains ? domains.list().stream().map(ProjectView::ofDomain)
                : projects.list().stream().filter(p -> ProjectTagFilters.of(call).test(p.tags()))
                        .map(ProjectView::of);
        return IdentityEntities.collection(call.request(), "projects", found
                .filter(p -> IdentityEntities.matches(domainId, p.path("domain_id").textValue())
                        && IdentityEntities.matches(enabled, p.path("enabled").asBoolean())
                        && IdentityEntities.matches(name, p.path("name").asText())
                        && IdentityEntities.matches(parentId, p.path("parent_id").textValue()))
                .toList());
    }

    /** Keystone checks policy before it says whether the project exists; a domain shows as its project. */
    Response show(IdentityCall call) {
        String id = call.parameter("project_id");
        Optional<IdentityProjectDetails> project = projects.find(id);
        call.authorize("identity:get_project", target(id, project));
        ObjectNode entity = project.map(ProjectView::of)
                .or(() -> domains.find(id).map(ProjectView::ofDomain))
                .orElseGet(() -> ProjectView.of(projects.get(id)));
        return IdentityEntities.member(200, call.request(), "project", "projects", entity);
    }

    Response create(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        JsonNode body = IdentitySchema.member(call, "project");
        Map<String, Object> target = new HashMap<>();
        if (body.isObject()) {
            IdentityEntities.putTarget(target, "target.project", (ObjectNode) body);
        }
        call.authorize("identity:create_project", target);
        validate(body);
        IdentitySchema.required(body, "name");
        IdentitySchema.storable(body, "");
        String id = UUID.randomUUID().toString().replace("-", "");
        String name = IdentityEntities.strip(body.get("name").asText());
        String description = IdentityEntities.text(body, "description", "");
        boolean enabled = IdentityEntities.bool(body, "enabled", true);
        String extra = IdentityEntities.mergeExtra(null, body, KNOWN);
        List<String> tags = IdentityEntities.tags(body, "tags", List.of());
        String parentId = IdentityEntities.text(body, "parent_id", null);
        if (IdentityEntities.bool(body, "is_domain", false)) {
            if (parentId != null) {
                throw IdentityError.badRequest("only root projects are allowed to act as domains.");
            }
            IdentityDomainDetails domain = domains.create(new IdentityDomainDetails(id, name,
                    description == null ? "" : description, enabled, extra, tags));
            return IdentityEntities.member(201, call.request(), "project", "projects", ProjectView.ofDomain(domain));
        }
        String domainId = IdentityEntities.text(body, "domain_id", null);
        if (domainId == null) {
            domainId = DEFAULT_DOMAIN;
        }
        IdentityProjectDetails created = projects.create(new IdentityProjectDetails(id, name, domainId,
                parentId == null ? domainId : parentId, description, enabled, extra, tags));
        return IdentityEntities.member(201, call.request(), "project", "projects", ProjectView.of(created));
    }

    /** Policy first (the target empty for a missing project), then 404, then the body. */
    Response update(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        String id = call.parameter("project_id");
        Optional<IdentityProjectDetails> found = projects.find(id);
        call.authorize("identity:update_project", target(id, found));
        JsonNode body = IdentitySchema.member(call, "project");
        validate(body);
        IdentitySchema.notEmpty(body);
        IdentitySchema.storable(body, "");
        if (body.hasNonNull("id") && !body.get("id").asText().equals(id)) {
            throw IdentityError.badRequest("Cannot change ID");
        }
        IdentityProjectDetails project = found.orElseGet(() -> projects.get(id));
        if (body.has("domain_id") && !project.domainId().equals(body.get("domain_id").textValue())) {
            throw IdentityError.badRequest("Cannot change Domain ID");
        }
        if (body.has("parent_id") && !project.parentId().equals(body.get("parent_id").textValue())) {
            throw IdentityError.forbiddenBecause("Update of `parent_id` is not allowed.");
        }
        if (body.has("is_domain") && body.get("is_domain").asBoolean()) {
            throw IdentityError.badRequest("Update of `is_domain` is not allowed.");
        }
        IdentityProjectDetails changed = new IdentityProjectDetails(id,
                IdentityEntities.strip(IdentityEntities.text(body, "name", project.name())), project.domainId(),
                project.parentId(), IdentityEntities.text(body, "description", project.description()),
                IdentityEntities.bool(body, "enabled", project.enabled()),
                IdentityEntities.mergeExtra(project.extra(), body, KNOWN),
                IdentityEntities.tags(body, "tags", project.tags()));
        return IdentityEntities.member(200, call.request(), "project", "projects",
                ProjectView.of(projects.update(project, changed)));
    }

    Response delete(IdentityCall call) {
        String id = call.parameter("project_id");
        call.authorize("identity:delete_project", target(id, projects.find(id)));
        projects.delete(id);
        return Response.empty(204);
    }

    /** Keystone's project schema, property by property in its order. */
    private static void validate(JsonNode body) {
        IdentitySchema.string(body, "description", IdentitySchema.DESCRIPTION);
        IdentitySchema.string(body, "domain_id", IdentitySchema.NULLABLE_ID);
        IdentitySchema.bool(body, "enabled");
        IdentitySchema.bool(body, "is_domain");
        IdentitySchema.string(body, "parent_id", IdentitySchema.NULLABLE_ID);
        IdentitySchema.string(body, "name", IdentitySchema.RESOURCE_NAME);
        IdentitySchema.tags(body, "tags");
        IdentitySchema.options(body, "options", OPTIONS, Set.of());
    }

    static Map<String, Object> target(String id, Optional<IdentityProjectDetails> project) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", id);
        project.ifPresent(p -> IdentityEntities.putTarget(target, "target.project", ProjectView.of(p)));
        return target;
    }
}
