package org.jnova.api.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jnova.objects.GlanceImage;
import org.jnova.objects.Image;
import org.jnova.objects.ImageMember;
import org.jnova.utils.JsonMappers;

/** glance's image body: its fields, custom properties at the top level, and its links. */
final class ImageView {
    static final ObjectMapper JSON = JsonMappers.standard();

    private ImageView() {
    }

    static ObjectNode image(GlanceImage g) {
        Image i = g.image();
        ObjectNode node = JSON.createObjectNode();
        for (Map.Entry<String, String> property : i.properties().entrySet()) {
            node.put(property.getKey(), property.getValue());
        }
        node.put("id", i.id());
        node.put("name", i.name());
        node.put("status", i.status());
        node.put("visibility", i.visibility());
        node.put("protected", g.isProtected());
        node.put("os_hidden", g.osHidden());
        node.put("checksum", g.checksum());
        node.put("os_hash_algo", g.osHashAlgo());
        node.put("os_hash_value", g.osHashValue());
        node.put("owner", i.owner());
        if ("queued".equals(i.status()) || "saving".equals(i.status())) {
            node.putNull("size");
        } else {
            node.put("size", i.size());
        }
        node.putNull("virtual_size");
        node.put("min_ram", i.minRam());
        node.put("min_disk", i.minDisk());
        node.put("disk_format", g.diskFormat());
        node.put("container_format", g.containerFormat());
        node.put("created_at", time(i.createdAt()));
        node.put("updated_at", time(i.updatedAt() != null ? i.updatedAt() : i.createdAt()));
        ArrayNode tags = node.putArray("tags");
        g.tags().forEach(tags::add);
        node.put("self", "/v2/images/" + i.id());
        node.put("file", "/v2/images/" + i.id() + "/file");
        node.put("schema", "/v2/schemas/image");
        return node;
    }

    /** glance's member body. */
    static ObjectNode member(ImageMember m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("member_id", m.memberId());
        node.put("image_id", m.imageId());
        node.put("status", m.status());
        node.put("created_at", time(m.createdAt()));
        node.put("updated_at", time(m.updatedAt()));
        node.put("schema", "/v2/schemas/member");
        return node;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
