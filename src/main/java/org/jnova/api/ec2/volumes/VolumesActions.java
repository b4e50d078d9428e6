package org.jnova.api.ec2.volumes;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Paging;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.SnapshotLookup;
import org.jnova.api.ec2.protocol.InstanceLookup;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.ServersApi;
import org.jnova.compute.VolumeAttachmentsApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.exception.Invalid;
import org.jnova.exception.OverQuota;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;
import org.jnova.objects.Volume;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;
import org.jnova.volume.VolumeRequest;

/**
 * Volumes and snapshots as nova's EC2 API showed them, over the compute API's volume service
 * and attachments (the {@code os-volumes}, {@code os-volumes:snapshots} and
 * {@code os-volumes-attachments} rules): DescribeVolumes, CreateVolume, DeleteVolume,
 * AttachVolume, DetachVolume, DescribeSnapshots, CreateSnapshot, DeleteSnapshot. Ids are
 * {@code vol-%08x} and {@code snap-%08x} through {@link Ec2Ids}. A volume's or snapshot's tags
 * are its metadata in the volume service, shown as {@code tagSet}.
 */
public final class VolumesActions {
    private static final String VOLUMES = "os_compute_api:os-volumes:";
    private static final String SNAPSHOTS = "os_compute_api:os-volumes:snapshots:";
    private static final String ATTACHMENTS = "os_compute_api:os-volumes-attachments:";
    /** DescribeVolumes' filters (and {@code tag:KEY}, {@code tag-key}, {@code tag-value}) and the element each reads. */
    private static final Map<String, String> VOLUME_FILTERS = Map.ofEntries(Map.entry("volume-id", "volumeId"),
            Map.entry("status", "status"), Map.entry("size", "size"),
            Map.entry("availability-zone", "availabilityZone"), Map.entry("create-time", "createTime"),
            Map.entry("snapshot-id", "snapshotId"), Map.entry("volume-type", "volumeType"),
            Map.entry("attachment.instance-id", "attachmentSet.instanceId"),
            Map.entry("attachment.status", "attachmentSet.status"),
            Map.entry("attachment.device", "attachmentSet.device"),
            Map.entry("attachment.delete-on-termination", "attachmentSet.deleteOnTermination"));
    /** DescribeSnapshots' filters (and the tag filters) and the element each reads. */
    private static final Map<String, String> SNAPSHOT_FILTERS = Map.of("snapshot-id", "snapshotId",
            "volume-id", "volumeId", "status", "status", "volume-size", "volumeSize", "owner-id", "ownerId",
            "description", "description", "progress", "progress", "start-time", "startTime");

    private final VolumeApi volumes;
    private final VolumeAttachmentsApi attachments;
    private final ServersApi servers;
    private final Ec2Ids ids;
    private final org.jnova.policy.Enforcer enforcer;

    public VolumesActions(VolumeApi volumes, VolumeAttachmentsApi attachments, ServersApi servers, Ec2Ids ids,
            org.jnova.policy.Enforcer enforcer) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.attachments = requireNonNull(attachments, "attachments is null");
        this.servers = requireNonNull(servers, "servers is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeVolumes", this::describeVolumes);
        actions.put("CreateVolume", this::createVolume);
        actions.put("DeleteVolume", this::deleteVolume);
        actions.put("AttachVolume", this::attach);
        actions.put("DetachVolume", this::detach);
        actions.put("DescribeSnapshots", this::describeSnapshots);
        actions.put("CreateSnapshot", this::createSnapshot);
        actions.put("DeleteSnapshot", this::deleteSnapshot);
    }

    private Map<String, ?> describeVolumes(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, VOLUMES + "detail");
        ViewFilters filters = new ViewFilters(call.filters(), VOLUME_FILTERS, "tagSet");
        // AWS answers at most 500 volumes a page, whatever MaxResults asks
        Ec2Paging paging = Ec2Paging.read(call, "volumes", 500, false, "VolumeId", "volumeSet");
        List<String> wanted = call.list("VolumeId");
        List<Volume> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            found.addAll(volumes.getAll(ctx));
        } else {
            for (String ec2Id : wanted) {
                found.add(volume(ctx, ec2Id));
            }
        }
        Map<String, List<BlockDeviceMapping>> mappings = attachments.volumeMappings(found.stream()
                .flatMap(v -> v.attachments().stream()).map(Volume.Attachment::instanceUuid).distinct().toList());
        return paging.page("volumeSet", found.stream().map(v -> volumeView(ctx, v, mappings)).filter(filters).toList(),
                v -> Ec2Paging.element(v, "volumeId"));
    }

    private Map<String, ?> createVolume(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, VOLUMES + "create");
        Optional<VolumeSnapshot> snapshot = call.param("SnapshotId").map(id -> snapshot(ctx, id));
        Optional<Integer> size = call.integer("Size");
        if (size.isEmpty() && snapshot.isEmpty()) {
            throw Ec2Error.missingParameter("Size");
        }
        if (size.isPresent() && size.get() < 1) {
            throw Ec2Error.invalidParameterValue("Volume of " + size.get() + " GiB is too small; minimum is 1 GiB");
        }
        try {
            return volumeView(ctx, volumes.create(ctx, new VolumeRequest(size.orElseGet(() ->
                    snapshot.get().volumeSize()), null, null, null, Map.of(),
                    call.param("AvailabilityZone").orElse(null), null, snapshot.map(VolumeSnapshot::id).orElse(null))),
                    Map.of());
        } catch (OverQuota e) {
            throw Ec2Error.client("VolumeLimitExceeded", e.getMessage());
        }
    }

    private Map<String, ?> deleteVolume(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, VOLUMES + "delete");
        Volume volume = volume(ctx, call.required("VolumeId"));
        if (!volume.attachments().isEmpty()) {
            throw volumeInUse(call.required("VolumeId"));
        }
        try {
            volumes.delete(ctx, volume.id());
        } catch (Invalid e) {
            throw Ec2Error.client("IncorrectState", e.getMessage());
        }
        return Map.of("return", true);
    }

    private Map<String, ?> attach(Ec2Request call) {
        RequestContext ctx = call.context();
        String volumeEc2Id = call.required("VolumeId");
        Instance server = instance(ctx, call.required("InstanceId"));
        String device = call.required("Device");
        enforcer.authorize(ctx, ATTACHMENTS + "create", Map.of("project_id", server.projectId()));
        Volume volume = volume(ctx, volumeEc2Id);
        if (!volume.attachments().isEmpty() || !"available".equals(volume.status())) {
            throw volumeInUse(volumeEc2Id);
        }
        String assigned = attachments.attach(ctx, server, volume.id(), device, null, false, false);
        return attachmentView(volumeEc2Id, server, assigned != null ? assigned : device, "attaching");
    }

    private Map<String, ?> detach(Ec2Request call) {
        RequestContext ctx = call.context();
        String volumeEc2Id = call.required("VolumeId");
        Volume volume = volume(ctx, volumeEc2Id);
        Optional<String> wantedServer = call.param("InstanceId").map(id -> instance(ctx, id).uuid());
        Volume.Attachment attachment = volume.attachments().stream()
                .filter(a -> wantedServer.map(a.instanceUuid()::equals).orElse(true)).findFirst()
                .orElseThrow(() -> Ec2Error.client("IncorrectState", "Volume '" + volumeEc2Id
                        + "' is in the '" + status(volume) + "' state."));
        Instance server = servers.get(ctx, attachment.instanceUuid());
        enforcer.authorize(ctx, ATTACHMENTS + "delete", Map.of("project_id", server.projectId()));
        if (attachments.mapping(server, volume.id()).isRoot()) {
            throw Ec2Error.client("OperationNotPermitted", "Cannot detach a root device volume");
        }
        attachments.detach(ctx, server, volume);
        return attachmentView(volumeEc2Id, server, attachment.mountpoint(), "detaching");
    }

    private Map<String, ?> describeSnapshots(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, SNAPSHOTS + "detail");
        ViewFilters filters = new ViewFilters(call.filters(), SNAPSHOT_FILTERS, "tagSet");
        Ec2Paging paging = Ec2Paging.read(call, "snapshots", 1000, false, "SnapshotId", "snapshotSet");
        List<String> wanted = call.list("SnapshotId");
        List<VolumeSnapshot> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            found.addAll(volumes.getAllSnapshots(ctx));
        } else {
            for (String ec2Id : wanted) {
                found.add(snapshot(ctx, ec2Id));
            }
        }
        return paging.page("snapshotSet", found.stream().map(this::snapshotView).filter(filters).toList(),
                s -> Ec2Paging.element(s, "snapshotId"));
    }

    private Map<String, ?> createSnapshot(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, SNAPSHOTS + "create");
        Volume volume = volume(ctx, call.required("VolumeId"));
        // as nova's EC2 API: an in-use volume is snapshotted too (force)
        try {
            return snapshotView(volumes.createSnapshot(ctx, volume.id(), null,
                    call.param("Description").orElse(null), true));
        } catch (OverQuota e) {
            throw Ec2Error.client("SnapshotLimitExceeded", e.getMessage());
        }
    }

    private Map<String, ?> deleteSnapshot(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, SNAPSHOTS + "delete");
        VolumeSnapshot snapshot = snapshot(ctx, call.required("SnapshotId"));
        try {
            volumes.deleteSnapshot(ctx, snapshot.id());
        } catch (Invalid e) {
            throw Ec2Error.client("IncorrectState", e.getMessage());
        }
        return Map.of("return", true);
    }

    /**
     * A volume as DescribeVolumes shows it; {@code mappings} are the volume mappings of the
     * servers it is attached to, by server uuid (whether the volume goes with the server).
     */
    private Map<String, Object> volumeView(RequestContext ctx, Volume v,
            Map<String, List<BlockDeviceMapping>> mappings) {
        String ec2Id = ids.volumeId(v.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("volumeId", ec2Id);
        out.put("size", v.size());
        out.put("snapshotId", v.snapshotId() == null ? null : ids.snapshotId(v.snapshotId()));
        out.put("availabilityZone", v.availabilityZone());
        out.put("status", status(v));
        out.put("createTime", v.createdAt());
        List<Object> attached = new ArrayList<>();
        for (Volume.Attachment a : v.attachments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("volumeId", ec2Id);
            item.put("instanceId", instanceId(ctx, a.instanceUuid()));
            item.put("device", a.mountpoint());
            item.put("status", "detaching".equals(v.status()) ? "detaching" : "attached");
            item.put("attachTime", a.attachedAt());
            item.put("deleteOnTermination", mappings.getOrDefault(a.instanceUuid(), List.of()).stream()
                    .filter(bdm -> v.id().equals(bdm.volumeId())).anyMatch(BlockDeviceMapping::deleteOnTermination));
            attached.add(item);
        }
        out.put("attachmentSet", attached);
        out.put("volumeType", "standard");
        out.put("tagSet", tagSet(v.metadata()));
        return out;
    }

    /** Tags as EC2 lists them, by key. */
    private static List<Object> tagSet(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream().<Object>map(tag -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", tag.getKey());
            item.put("value", tag.getValue());
            return item;
        }).toList();
    }

    /** EC2's volume states: creating, available, in-use, deleting, error. */
    private static String status(Volume v) {
        return switch (v.status()) {
            case "creating", "available", "in-use", "deleting", "error" -> v.status();
            case "reserved", "attaching", "detaching" -> "in-use";
            case "downloading" -> "creating";
            default -> "error";
        };
    }

    private Map<String, Object> snapshotView(VolumeSnapshot s) {
        Map<String, Object> out = new LinkedHashMap<>();
        String state = switch (s.status()) {
            case "available" -> "completed";
            case "error", "error_deleting" -> "error";
            default -> "pending";
        };
        out.put("snapshotId", ids.snapshotId(s.id()));
        out.put("volumeId", ids.volumeId(s.volumeId()));
        out.put("status", state);
        out.put("startTime", s.createdAt());
        out.put("progress", state.equals("completed") ? "100%" : "0%");
        out.put("ownerId", s.projectId());
        out.put("volumeSize", s.volumeSize());
        out.put("description", s.description());
        out.put("tagSet", tagSet(s.metadata()));
        return out;
    }

    private static Map<String, Object> attachmentView(String volumeEc2Id, Instance server, String device,
            String status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("volumeId", volumeEc2Id);
        out.put("instanceId", Ec2Ids.instanceId(server));
        out.put("device", device);
        out.put("status", status);
        out.put("attachTime", Instant.now());
        return out;
    }

    private String instanceId(RequestContext ctx, String uuid) {
        try {
            return Ec2Ids.instanceId(servers.get(ctx, uuid));
        } catch (ComputeErrors.InstanceNotFound e) {
            return null;
        }
    }

    /** The caller's volume {@code vol-...} names. */
    private Volume volume(RequestContext ctx, String ec2Id) {
        if (!Ec2Ids.wellFormed(ec2Id, "vol")) {
            throw Ec2Error.client("InvalidVolumeID.Malformed", "Invalid id: \"" + ec2Id + "\" (expecting \"vol-...\")");
        }
        try {
            return volumes.get(ctx, ids.volumeUuid(ec2Id).orElseThrow(() -> new VolumeErrors.VolumeNotFound(ec2Id)));
        } catch (VolumeErrors.VolumeNotFound e) {
            throw Ec2Error.client("InvalidVolume.NotFound", "The volume '" + ec2Id + "' does not exist.");
        }
    }

    /** The caller's snapshot {@code snap-...} names. */
    private VolumeSnapshot snapshot(RequestContext ctx, String ec2Id) {
        return SnapshotLookup.find(volumes, ids, ctx, ec2Id);
    }

    private Instance instance(RequestContext ctx, String ec2Id) {
        return InstanceLookup.find(servers, ids, ctx, ec2Id);
    }

    private static Ec2Error volumeInUse(String ec2Id) {
        return Ec2Error.client("VolumeInUse", "Volume " + ec2Id + " is in use.");
    }

    private void authorize(RequestContext ctx, String rule) {
        enforcer.authorize(ctx, rule, Map.of("project_id", ctx.projectId().orElse("")));
    }
}
