package org.jnova.api.openstack.identity.projects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jnova.api.openstack.identity.support.IdentityCall;
import org.jnova.api.openstack.identity.support.IdentityEntities;
import org.jnova.api.openstack.identity.support.IdentityJson;
import org.jnova.api.openstack.identity.support.IdentityRoute;
import org.jnova.api.openstack.identity.support.IdentitySchema;
import org.jnova.identity.IdentityError;
import org.jnova.identity.IdentityProjects;
import org.jnova.objects.IdentityProjectDetails;
import org.jnova.wsgi.Response;

/** {@code /v3/projects/{project_id}/tags} and {@code .../tags/{value}}: list, replace, clear, check, add, remove. */
final class ProjectTagsController {
    private final IdentityProjects projects;

    ProjectTagsController(IdentityProjects projects) {
        this.projects = requireNonNull(projects, "projects is null");
    }

    List<IdentityRoute> routes() {
        List<IdentityRoute> routes = new ArrayList<>();
        routes.addAll(IdentityRoute.getAndHead("/projects/{project_id}/tags", this::list));
        routes.add(IdentityRoute.put("/projects/{project_id}/tags", this::replace));
        routes.add(IdentityRoute.delete("/projects/{project_id}/tags", this::clear));
        routes.addAll(IdentityRoute.getAndHead("/projects/{project_id}/tags/{value}", this::check));
        routes.add(IdentityRoute.put("/projects/{project_id}/tags/{value}", this::add));
        routes.add(IdentityRoute.delete("/projects/{project_id}/tags/{value}", this::remove));
        return routes;
    }

    Response list(IdentityCall call) {
        IdentityProjectDetails project = authorized(call, "identity:list_project_tags");
        return tags(call, project.tags());
    }

    Response replace(IdentityCall call) {
        IdentitySchema.wellFormed(call);
        IdentityProjectDetails project = authorized(call, "identity:update_project_tags");
        JsonNode tags = call.request().body().length == 0 ? IdentityJson.object() : call.body().get("tags");
        IdentitySchema.tagList("", tags == null ? IdentityJson.object() : tags);
        IdentitySchema.storable(tags, "");
        List<String> replaced = IdentityEntities.tags(call.body(), "tags", List.of());
        projects.replaceTags(project.id(), replaced);
        return tags(call, projects.get(project.id()).tags());
    }

    Response clear(IdentityCall call) {
        IdentityProjectDetails project = authorized(call, "identity:delete_project_tags");
        projects.replaceTags(project.id(), List.of());
        return Response.empty(204);
    }

    Response check(IdentityCall call) {
        IdentityProjectDetails project = authorized(call, "identity:get_project_tag");
        String tag = call.parameter("value");
        if (!project.tags().contains(tag)) {
            throw notFound(tag);
        }
        return Response.empty(204);
    }

    /** 201 with the tag's URL in Location; 400 for a bad tag or one too many (a tag already there is a duplicate). */
    Response add(IdentityCall call) {
        IdentityProjectDetails project = authorized(call, "identity:create_project_tag");
        String tag = call.parameter("value");
        IdentitySchema.tag(tag);
        ArrayNode tags = IdentityJson.object().arrayNode();
        project.tags().forEach(tags::add);
        tags.add(tag);
        IdentitySchema.tagList("", tags);
        IdentitySchema.storable(tags, "");
        List<String> added = new ArrayList<>(project.tags());
        added.add(tag.strip());
        projects.replaceTags(project.id(), added.stream().distinct().toList());
        Response response = Response.empty(201);
        response.headers().set("Location", call.request().applicationUrl() + "/projects/" + project.id() + "/tags/"
                + tag);
        return response;
    }

    Response remove(IdentityCall call) {
        IdentityProjectDetails project = authorized(call, "identity:delete_project_tag");
        String tag = call.parameter("value");
        if (!project.tags().contains(tag)) {
            throw notFound(tag);
        }
        List<String> kept = new ArrayList<>(project.tags());
        kept.remove(tag);
        projects.replaceTags(project.id(), kept);
        return Response.empty(204);
    }

    /** Policy on the project (empty target when missing), then Keystone's 404 for a missing project. */
    private IdentityProjectDetails authorized(IdentityCall call, String rule) {
        String id = call.parameter("project_id");
        call.authorize(rule, ProjectsController.target(id, projects.find(id)));
        return projects.get(id);
    }

    /** {@code {"tags": [...], "links": {"self": <this URL>}}}. */
    private static Response tags(IdentityCall call, List<String> tags) {
        ObjectNode body = IdentityJson.object();
        String query = call.request().queryString();
        body.putObject("links").put("self", call.request().applicationUrl() + call.request().pathInfo()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        ArrayNode list = body.putArray("tags");
        tags.forEach(list::add);
        return IdentityJson.json(200, body);
    }

    private static IdentityError notFound(String tag) {
        return IdentityError.notFound("Could not find project tag: " + tag + ".");
    }
}
