package org.jnova.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /v2/schemas/image} and {@code /v2/schemas/images}: glance's JSON schemas of its bodies. */
final class ImageSchemas {
    private final JsonNode image;
    private final JsonNode images;

    ImageSchemas() {
        try (InputStream in = ImageSchemas.class.getResourceAsStream("image-schema.json")) {
            image = ImageView.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode list = ImageView.JSON.createObjectNode();
        list.put("name", "images");
        ObjectNode props = list.putObject("properties");
        props.putObject("images").put("type", "array").set("items", image);
        props.putObject("schema").put("type", "string");
        props.putObject("first").put("type", "string");
        props.putObject("next").put("type", "string");
        var links = list.putArray("links");
        links.addObject().put("rel", "first").put("href", "{first}");
        links.addObject().put("rel", "next").put("href", "{next}");
        links.addObject().put("rel", "describedby").put("href", "{schema}");
        images = list;
    }

    JsonNode image() {
        return image;
    }

    JsonNode images() {
        return images;
    }
}
