package org.jnova.api.openstack.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServerCreate;
import org.jnova.exception.Invalid;

/**
 * Turns a validated create body into a {@link ServerCreate}, with nova's checks that the
 * schema cannot express (missing image, counts, requested networks and block devices).
 */
final class ServerCreateParser {
    private final String networkName;

    ServerCreateParser(String networkName) {
        this.networkName = networkName;
    }

    /** The id clients use for the built-in network: a name-based UUID of its label. */
    static String networkId(String networkName) {
        return UUID.nameUUIDFromBytes(("jnova-network:" + networkName).getBytes(StandardCharsets.UTF_8)).toString();
    }

    ServerCreate parse(ApiRequest req) {
        JsonNode s = req.body().path("server");
        String name = s.path("name").asText().strip(); // nova's normalize_name (matters on /v2)
        String imageRef = imageRef(s);
        String flavorRef = idFromHref(scalar(s.path("flavorRef")));
        int minCount = s.path("min_count").isMissingNode() ? 1 : s.path("min_count").asInt();
        int maxCount = s.path("max_count").isMissingNode() ? minCount : s.path("max_count").asInt();
        if (minCount > maxCount) {
            throw new Invalid("min_count must be <= max_count");
        }
        checkNetworks(s.path("networks"));
        for (JsonNode group : s.path("security_groups")) {
            // the built-in network has one security group
            String groupName = group.path("name").asText("");
            if (!groupName.equals("default")) {
                throw new Invalid("Security group " + groupName + " not found.");
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        s.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        List<String> tags = new ArrayList<>();
        s.path("tags").forEach(t -> tags.add(t.asText()));
        String hostname = text(s, "hostname");
        if (hostname != null && maxCount > 1) {
            throw new Invalid("Unable to allocate a single hostname to multiple instances");
        }
        String configDrive = s.has("config_drive") && truthy(s.path("config_drive")) ? "True" : "";
        return new ServerCreate(name, imageRef, flavorRef, minCount, maxCount, text(s, "key_name"),
                text(s, "availability_zone"), metadata, text(s, "user_data"), text(s, "accessIPv4"),
                text(s, "accessIPv6"), configDrive, text(s, "description"), hostname, tags);
    }

    /** imageRef, or the image of an image-backed boot_index 0 block device (nova's _get_image_ref). */
    private static String imageRef(JsonNode s) {
        String ref = text(s, "imageRef");
        if (ref != null && !ref.isEmpty()) {
            return idFromHref(ref);
        }
        for (JsonNode bdm : s.path("block_device_mapping_v2")) {
            String source = bdm.path("source_type").asText("");
            String boot = scalar(bdm.path("boot_index"));
            if ("0".equals(boot) && source.equals("image")
                    && "local".equals(bdm.path("destination_type").asText("local"))) {
                return bdm.path("uuid").asText(bdm.path("image_id").asText(null));
            }
            if ("0".equals(boot) && !source.equals("image")) {
                throw new Invalid("Block Device Mapping is Invalid: booting from volume is not supported by this "
                        + "cloud.");
            }
        }
        if (s.has("block_device_mapping") && !s.path("block_device_mapping").isEmpty()) {
            throw new Invalid("Block Device Mapping is Invalid: booting from volume is not supported by this cloud.");
        }
        throw new Invalid("Missing imageRef attribute");
    }

    private void checkNetworks(JsonNode networks) {
        if (!networks.isArray()) {
            return;
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode n : networks) {
            String port = n.hasNonNull("port") ? n.path("port").asText() : null;
            if (port != null) {
                throw new Invalid("Port id " + port + " could not be found.");
            }
            String uuid = n.path("uuid").asText(null);
            if (uuid == null) {
                throw new Invalid("Bad networks format: network uuid is not in proper format (" + uuid + ")");
            }
            if (!uuid.equalsIgnoreCase(networkId(networkName)) && !uuid.equals(networkName)) {
                throw new Invalid("Network " + uuid + " could not be found.");
            }
            if (seen.contains(uuid)) {
                throw new Invalid("Duplicate networks (" + uuid + ") are not allowed");
            }
            seen.add(uuid);
        }
    }

    /** The last path segment of an href, or the text itself (nova's common.get_id_from_href). */
    static String idFromHref(String ref) {
        if (ref == null) {
            return null;
        }
        String trimmed = ref.endsWith("/") ? ref.substring(0, ref.length() - 1) : ref;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    private static String scalar(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static String text(JsonNode s, String field) {
        JsonNode n = s.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    static boolean truthy(JsonNode n) {
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return List.of("true", "1", "on", "yes").contains(n.asText().toLowerCase(Locale.ROOT));
    }
}
