package org.jnova.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /v2/schemas/image(s)} and {@code /v2/schemas/member(s)}: glance's JSON schemas of its
 * bodies.
 */
final class ImageSchemas {
    private final JsonNode image;
    private final JsonNode images;
    private final JsonNode member;
    private final JsonNode members;

    ImageSchemas() {
        image = read("image-schema.json");
        images = collection("images", image);
        member = read("member-schema.json");
        members = collection("members", member);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ImageSchemas.class.getResourceAsStream(resource)) {
            return ImageView.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** glance's CollectionSchema of an item schema. */
    private static JsonNode collection(String name, JsonNode item) {
        ObjectNode list = ImageView.JSON.createObjectNode();
        list.put("name", name);
        ObjectNode props = list.putObject("properties");
        props.putObject(name).put("type", "array").set("items", item);
        props.putObject("schema").put("type", "string");
        props.putObject("first").put("type", "string");
        props.putObject("next").put("type", "string");
        var links = list.putArray("links");
        links.addObject().put("rel", "first").put("href", "{first}");
        links.addObject().put("rel", "next").put("href", "{next}");
        links.addObject().put("rel", "describedby").put("href", "{schema}");
        return list;
    }

    /** The schema called {@code name} (image, images, member, members), if there is one. */
    JsonNode named(String name) {
        return switch (name) {
            case "image" -> image;
            case "images" -> images;
            case "member" -> member;
            case "members" -> members;
            default -> null;
        };
    }

    JsonNode image() {
        return image;
    }

    JsonNode images() {
        return images;
    }
}
