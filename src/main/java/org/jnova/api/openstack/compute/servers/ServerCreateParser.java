package org.jnova.api.openstack.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.compute.BlockDeviceRequest;
import org.jnova.compute.ServerCreate;
import org.jnova.exception.Invalid;
import org.jnova.utils.BoolFromString;

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
        boolean legacyBdm = !s.path("block_device_mapping").isEmpty();
        boolean v2Bdm = !s.path("block_device_mapping_v2").isEmpty();
        if (legacyBdm && v2Bdm) {
            throw new Invalid("Using different block_device_mapping syntaxes is not allowed in the same request.");
        }
        List<BlockDeviceRequest> blockDevices = blockDevices(s, legacyBdm);
        String imageRef = imageRef(s, legacyBdm || v2Bdm);
        String flavorRef = idFromHref(scalar(s.path("flavorRef")));
        BigInteger min = s.path("min_count").isMissingNode() ? BigInteger.ONE : count(s.path("min_count"));
        BigInteger max = s.path("max_count").isMissingNode() ? min : count(s.path("max_count"));
        if (min.compareTo(max) > 0) {
            throw new Invalid("min_count must be <= max_count");
        }
        long minCount = QueryValues.saturatedLong(min);
        long maxCount = QueryValues.saturatedLong(max);
        checkNetworks(s.path("networks"));
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
                text(s, "accessIPv6"), configDrive, text(s, "description"), hostname, tags, blockDevices, !v2Bdm,
                req.isSupported("2.60"), SchedulerHints.of(req.body()));
    }

    /** imageRef, or null when the server boots from its block devices (nova's _image_from_req_data). */
    private static String imageRef(JsonNode s, boolean hasBlockDevices) {
        String ref = text(s, "imageRef");
        if (ref != null && !ref.isEmpty()) {
            return idFromHref(ref);
        }
        if (hasBlockDevices) {
            return null;
        }
        throw new Invalid("Missing imageRef attribute");
    }

    /** nova's _process_bdms_for_create and BlockDeviceDict.from_api / from_legacy. */
    private static List<BlockDeviceRequest> blockDevices(JsonNode s, boolean legacy) {
        List<BlockDeviceRequest> out = new ArrayList<>();
        if (legacy) {
            for (JsonNode bdm : s.path("block_device_mapping")) {
                out.add(fromLegacy(bdm));
            }
            return out;
        }
        boolean imageSpecified = s.has("imageRef") && !s.path("imageRef").isNull();
        for (JsonNode bdm : s.path("block_device_mapping_v2")) {
            if (bdm.has("no_device") && truthy(bdm.path("no_device"))) {
                continue;
            }
            String source = text(bdm, "source_type");
            String destination = text(bdm, "destination_type");
            String uuid = text(bdm, "uuid");
            if ("blank".equals(source) && uuid != null && !uuid.isEmpty()) {
                throw invalidFormat("Invalid device UUID.");
            } else if (!"blank".equals(source) && (uuid == null || uuid.isEmpty())) {
                throw invalidFormat("Missing device UUID.");
            }
            Integer bootIndex = bootIndex(bdm.path("boot_index"));
            if ("image".equals(source) && "local".equals(destination)
                    && !(imageSpecified && bootIndex != null && bootIndex == 0)) {
                throw invalidFormat("Mapping image to local is not supported.");
            }
            if ("local".equals(destination) && bdm.hasNonNull("volume_type")) {
                throw invalidFormat("Specifying a volume_type with destination_type=local is not supported.");
            }
            if ("volume".equals(source) && bdm.hasNonNull("volume_type")) {
                throw invalidFormat("Specifying volume type to existing volume is not supported.");
            }
            if (source == null) {
                throw invalidFormat("Some required fields are missing");
            }
            out.add(new BlockDeviceRequest(source, destination, "image".equals(source) ? uuid : null,
                    "volume".equals(source) ? uuid : null, "snapshot".equals(source) ? uuid : null,
                    volumeSize(bdm), bootIndex, deviceName(bdm), deleteOnTermination(bdm), text(bdm, "tag")));
        }
        return out;
    }

    /** nova's BlockDeviceDict.from_legacy; boot indexes are decided by the compute API. */
    private static BlockDeviceRequest fromLegacy(JsonNode bdm) {
        String virtualName = text(bdm, "virtual_name");
        String device = deviceName(bdm);
        if (virtualName != null && (virtualName.equals("swap") || virtualName.matches("^ephemeral(\\d|[1-9]\\d+)$"))) {
            return new BlockDeviceRequest("blank", "local", null, null, null, volumeSize(bdm), null, device, true,
                    null);
        }
        String snapshot = text(bdm, "snapshot_id");
        if (snapshot != null && !snapshot.isEmpty()) {
            return new BlockDeviceRequest("snapshot", "volume", null, null, snapshot, volumeSize(bdm), null, device,
                    deleteOnTermination(bdm), null);
        }
        String volume = text(bdm, "volume_id");
        if (volume != null && !volume.isEmpty()) {
            return new BlockDeviceRequest("volume", "volume", null, volume, null, volumeSize(bdm), null, device,
                    deleteOnTermination(bdm), null);
        }
        if (bdm.has("no_device") && truthy(bdm.path("no_device"))) {
            return new BlockDeviceRequest(null, null, null, null, null, null, null, device, false, null);
        }
        throw invalidFormat("Unrecognized legacy format.");
    }

    /** min_count or max_count as the schema let it through: any size. */
    private static BigInteger count(JsonNode n) {
        return n.isIntegralNumber() ? n.bigIntegerValue()
                : QueryValues.pythonInt(n.asText()).orElseThrow(() -> new Invalid("Invalid input for field/attribute "
                        + "count. Value: " + n.asText() + "."));
    }

    /** nova's int(boot_index): any size (beyond an int it is just not 0: not the boot device). */
    private static Integer bootIndex(JsonNode n) {
        String text = scalar(n);
        if (text == null || text.isEmpty()) {
            return null;
        }
        return QueryValues.pythonInt(text).map(QueryValues::saturatedInt)
                .orElseThrow(() -> invalidFormat("Boot index is invalid."));
    }

    private static Integer volumeSize(JsonNode bdm) {
        String text = scalar(bdm.path("volume_size"));
        if (text == null || text.isEmpty()) {
            return null;
        }
        BigInteger size = QueryValues.pythonInt(text).orElseThrow(() -> invalidFormat("Invalid volume_size."));
        if (size.signum() < 0 || size.bitLength() >= Integer.SIZE) {
            throw invalidFormat("Invalid volume_size.");
        }
        return size.intValue();
    }

    private static String deviceName(JsonNode bdm) {
        String device = text(bdm, "device_name");
        if (device != null) {
            if (device.isEmpty() || device.length() > 255) {
                throw invalidFormat("Device name empty or too long.");
            }
            if (device.contains(" ")) {
                throw invalidFormat("Device name contains spaces.");
            }
        }
        return device;
    }

    private static boolean deleteOnTermination(JsonNode bdm) {
        return bdm.has("delete_on_termination") && truthy(bdm.path("delete_on_termination"));
    }

    private static Invalid invalidFormat(String details) {
        return new Invalid("Block Device Mapping is Invalid: " + details);
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
        return BoolFromString.isConfigTrue(n);
    }
}
