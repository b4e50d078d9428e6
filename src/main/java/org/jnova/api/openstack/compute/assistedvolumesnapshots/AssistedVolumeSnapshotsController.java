package org.jnova.api.openstack.compute.assistedvolumesnapshots;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.AssistedVolumeSnapshotsApi;
import org.jnova.exception.Invalid;
import org.jnova.utils.JsonMappers;
import org.jnova.volume.VolumeErrors;

/**
 * os-assisted-volume-snapshots, the admin API the volume service calls when the hypervisor
 * must snapshot an attached volume. A volume without one mapping, or a server without host or
 * busy with a task, is a 400 (nova's choice, to avoid a microversion).
 */
public final class AssistedVolumeSnapshotsController {
    private static final String POLICY = "os_compute_api:os-assisted-volume-snapshots:";
    private static final ObjectMapper JSON = JsonMappers.standard();
    private final AssistedVolumeSnapshotsApi snapshots;

    public AssistedVolumeSnapshotsController(AssistedVolumeSnapshotsApi snapshots) {
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
    }

    @ExpectedErrors(400)
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        req.authorize(POLICY + "create", Map.of());
        JsonNode s = req.body().path("snapshot");
        String volumeId = s.path("volume_id").asText();
        Map<String, Object> createInfo = JSON.convertValue(s.path("create_info"),
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
        String id = asBadRequest(() -> snapshots.create(req.context(), volumeId, createInfo));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("volumeId", volumeId);
        return Map.of("snapshot", out);
    }

    @Response(204)
    @ExpectedErrors({400, 404})
    @QuerySchema("delete.query")
    public void delete(ApiRequest req) {
        req.authorize(POLICY + "delete", Map.of());
        Map<String, Object> deleteInfo = deleteInfo(req);
        Object volumeId = deleteInfo.get("volume_id");
        if (volumeId == null && !deleteInfo.containsKey("volume_id")) {
            throw new Invalid("'volume_id'");
        }
        asBadRequest(() -> {
            snapshots.delete(req.context(), String.valueOf(volumeId), req.pathParam("id"), deleteInfo);
            return null;
        });
    }

    /** The last delete_info value, a JSON object; Python's KeyError and json texts when it is not. */
    private static Map<String, Object> deleteInfo(ApiRequest req) {
        List<String> values = req.queryParams().get("delete_info");
        if (values == null || values.isEmpty()) {
            throw new Invalid("'delete_info'");
        }
        String text = values.get(values.size() - 1);
        JsonNode parsed;
        try {
            parsed = JsonMappers.rejectingTrailingText().readTree(text);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new Invalid("Expecting value: line 1 column 1 (char 0)");
        }
        if (!parsed.isObject()) {
            throw new Invalid("'volume_id'");
        }
        return JSON.convertValue(parsed,
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** nova answers VolumeBDMNotFound (otherwise a 404) with 400 here. */
    private static <T> T asBadRequest(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (VolumeErrors.VolumeBdmNotFound e) {
            throw new Invalid(e.getMessage());
        }
    }
}
