package org.jnova.api.image;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnova.context.RequestContext;
import org.jnova.image.GlanceError;
import org.jnova.image.ImageMembersApi;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/** glance's image members resource: its routes, its request bodies and their 400s. */
final class ImageMembersResource {
    private final ImageMembersApi members;

    ImageMembersResource(ImageMembersApi members) {
        this.members = requireNonNull(members, "members is null");
    }

    /** {@code /v2/images/{id}/members[/{member_id}]}. */
    Response handle(Request request, RequestContext ctx, String id, String memberId) {
        String method = request.method();
        if (memberId == null) {
            if (ImageApiV2.requireMethod(method, "GET", "POST").equals("GET")) {
                ObjectNode body = ImageView.JSON.createObjectNode();
                ArrayNode list = body.putArray("members");
                members.list(ctx, id).forEach(m -> list.add(ImageView.member(m)));
                body.put("schema", "/v2/schemas/members");
                return ImageApiV2.json(200, body);
            }
            return ImageApiV2.json(200, ImageView.member(members.add(ctx, id, memberToAdd(ImageApiV2.readJson(request)))));
        }
        return switch (ImageApiV2.requireMethod(method, "GET", "PUT", "DELETE")) {
            case "GET" -> ImageApiV2.json(200, ImageView.member(members.get(ctx, id, memberId)));
            case "PUT" -> ImageApiV2.json(200, ImageView.member(members.update(ctx, id, memberId,
                    memberStatus(ImageApiV2.readJson(request)))));
            default -> {
                members.remove(ctx, id, memberId);
                yield Response.empty(204);
            }
        };
    }

    /** glance's member deserializer: {@code {"member": "<project>"}}. */
    private static String memberToAdd(JsonNode body) {
        if (!body.isObject()) {
            throw new GlanceError(400, "Expected a member in the form: {\"member\": \"image_id\"}");
        }
        JsonNode member = body.get("member");
        if (member == null) {
            throw new GlanceError(400, "Member to be added not specified");
        }
        if (member.isNull() || (member.isTextual() && member.asText().isEmpty())
                || (member.isNumber() && member.asDouble() == 0) || (member.isBoolean() && !member.asBoolean())
                || (member.isContainerNode() && member.isEmpty())) {
            throw new GlanceError(400, "Member can't be empty");
        }
        if (!member.isValueNode() || member.asText().length() > 255) {
            throw new GlanceError(400, "Expected a member in the form: {\"member\": \"image_id\"}");
        }
        return member.asText();
    }

    private static Object memberStatus(JsonNode body) {
        if (!body.isObject()) {
            throw new GlanceError(400, "Expected a status in the form: {\"status\": \"status\"}");
        }
        if (!body.has("status")) {
            throw new GlanceError(400, "Status not specified");
        }
        return ImageView.JSON.convertValue(body.get("status"), Object.class);
    }
}
