package org.jnova.api.openstack.compute.volumes;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.compute.VolumeAttachmentsApi;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;
import org.jnova.utils.BoolFromString;
import org.jnova.objects.Volume;
import org.jnova.volume.VolumeErrors;

/**
 * /servers/{server_id}/os-volume_attachments (nova's VolumeAttachmentController): the volume
 * id is the attachment's id; fields per microversion (tag 2.70, delete_on_termination 2.79,
 * attachment_id and bdm_uuid instead of id 2.89); PUT swaps (admin) or, from 2.85, changes
 * delete_on_termination.
 */
public final class VolumeAttachmentsController {
    private static final String POLICY = "os_compute_api:os-volumes-attachments:";
    private final ServersApi servers;
    private final VolumeAttachmentsApi attachments;
    private final Paging paging;

    public VolumeAttachmentsController(ServersApi servers, VolumeAttachmentsApi attachments, Paging paging) {
        this.servers = requireNonNull(servers, "servers is null");
        this.attachments = requireNonNull(attachments, "attachments is null");
        this.paging = requireNonNull(paging, "paging is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance server = server(req, "index");
        // nova pages over every mapping, root disk included, then keeps the volumes
        List<Map<String, Object>> out = paging.limited(attachments.mappings(server), req).stream()
                .filter(b -> b.volumeId() != null).map(b -> view(req, b)).toList();
        return Map.of("volumeAttachments", out);
    }

    @ExpectedErrors(404)
    public Object show(ApiRequest req) {
        Instance server = server(req, "show");
        return Map.of("volumeAttachment", view(req, attached(req, server, req.pathParam("id"))));
    }

    @ExpectedErrors({400, 403, 404, 409})
    @RequestSchema("attach")
    public Object create(ApiRequest req) {
        Instance server = server(req, "create");
        JsonNode a = req.body().path("volumeAttachment");
        String volumeId = a.path("volumeId").asText();
        String device = a.hasNonNull("device") ? a.path("device").asText() : null;
        String tag = a.hasNonNull("tag") ? a.path("tag").asText() : null;
        boolean deleteOnTermination = a.has("delete_on_termination") && BoolFromString.isTrue(a.path("delete_on_termination"));
        requireVersionWhenShelved(req, server, "attach_volume");
        String assigned = attachments.attach(req.context(), server, volumeId, emptyToNull(device), tag,
                deleteOnTermination, req.isSupported("2.60"));
        if (req.isSupported("2.101")) {
            return ApiResult.empty().status(202);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", volumeId);
        v.put("serverId", server.uuid());
        v.put("volumeId", volumeId);
        v.put("device", assigned);
        if (req.isSupported("2.70")) {
            v.put("tag", tag);
        }
        if (req.isSupported("2.79")) {
            v.put("delete_on_termination", deleteOnTermination);
        }
        return Map.of("volumeAttachment", v);
    }

    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @RequestSchema("update")
    public void update(ApiRequest req) {
        Instance server = servers.get(req.context(), req.pathParam("server_id"));
        JsonNode body = req.body().path("volumeAttachment");
        String oldVolumeId = req.pathParam("id");
        String newVolumeId = body.path("volumeId").asText();
        boolean onlySwap = !req.isSupported("2.85");
        if (onlySwap || !oldVolumeId.equals(newVolumeId)) {
            req.authorize(POLICY + "swap", Map.of());
        } else {
            req.authorize(POLICY + "update", Map.of("project_id", server.projectId()));
        }
        if (!onlySwap) {
            updateFields(server, oldVolumeId, body);
            if (oldVolumeId.equals(newVolumeId)) {
                return;
            }
        }
        Volume oldVolume = attachments.volume(req.context(), oldVolumeId);
        Volume newVolume;
        try {
            newVolume = attachments.volume(req.context(), newVolumeId);
        } catch (VolumeErrors.VolumeNotFound e) {
            // a missing resource named in the body is a bad request, as nova's API-WG note says
            throw new Invalid(e.getMessage());
        }
        attachments.swap(req.context(), server, oldVolume, newVolume);
    }

    @Response(202)
    @ExpectedErrors({400, 403, 404, 409})
    public void delete(ApiRequest req) {
        Instance server = server(req, "delete");
        String volumeId = req.pathParam("id");
        requireVersionWhenShelved(req, server, "detach_volume");
        Volume volume = attachments.volume(req.context(), volumeId);
        BlockDeviceMapping bdm = attached(req, server, volumeId);
        if (bdm.isRoot()) {
            throw new Invalid("Cannot detach a root device volume");
        }
        attachments.detach(req.context(), server, volume);
    }

    /** nova's _update_volume_regular: only delete_on_termination may change. */
    private void updateFields(Instance server, String volumeId, JsonNode att) {
        BlockDeviceMapping bdm = attachments.mapping(server, volumeId);
        if (att.has("id") && !att.path("id").asText().equals(volumeId)) {
            throw new Invalid("The id property is not mutable");
        }
        if (att.has("serverId") && !att.path("serverId").asText().equals(server.uuid())) {
            throw new Invalid("The serverId property is not mutable");
        }
        if (att.has("device") && !java.util.Objects.equals(textOrNull(att.path("device")), bdm.deviceName())) {
            throw new Invalid("The device property is not mutable");
        }
        if (att.has("tag") && !java.util.Objects.equals(textOrNull(att.path("tag")), bdm.tag())) {
            throw new Invalid("The tag property is not mutable");
        }
        if (att.has("delete_on_termination")) {
            attachments.setDeleteOnTermination(bdm, BoolFromString.isTrue(att.path("delete_on_termination")));
        }
    }

    private Instance server(ApiRequest req, String rule) {
        Instance server = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize(POLICY + rule, Map.of("project_id", server.projectId()));
        return server;
    }

    private BlockDeviceMapping attached(ApiRequest req, Instance server, String volumeId) {
        try {
            return attachments.mapping(server, volumeId);
        } catch (VolumeErrors.VolumeBdmNotFound e) {
            throw new NotFound("Instance " + req.pathParam("server_id") + " is not attached to volume " + volumeId);
        }
    }

    /** nova's _check_request_version: shelved servers take volumes from 2.20. */
    private static void requireVersionWhenShelved(ApiRequest req, Instance server, String action) {
        boolean shelved = VmStates.SHELVED.equals(server.vmState())
                || VmStates.SHELVED_OFFLOADED.equals(server.vmState());
        if (shelved && !req.isSupported("2.20")) {
            throw new InstanceInvalidState("vm_state", server.vmState(), action,
                    req.pathParam("server_id"));
        }
    }

    private static Map<String, Object> view(ApiRequest req, BlockDeviceMapping b) {
        boolean v289 = req.isSupported("2.89");
        Map<String, Object> d = new LinkedHashMap<>();
        if (!v289) {
            d.put("id", b.volumeId());
        }
        d.put("volumeId", b.volumeId());
        d.put("serverId", b.instanceUuid());
        if (b.deviceName() != null && !b.deviceName().isEmpty()) {
            d.put("device", b.deviceName());
        }
        if (req.isSupported("2.70")) {
            d.put("tag", b.tag());
        }
        if (req.isSupported("2.79")) {
            d.put("delete_on_termination", b.deleteOnTermination());
        }
        if (v289) {
            d.put("attachment_id", b.attachmentId());
            d.put("bdm_uuid", b.uuid());
        }
        return d;
    }

    private static String textOrNull(JsonNode n) {
        return n.isNull() ? null : n.asText();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
