package org.jnova.api.ec2.tags;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.exception.NotFound;
import org.jnova.objects.Volume;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.policy.Enforcer;
import org.jnova.volume.VolumeApi;

/**
 * The tags of volumes and of snapshots: their metadata in the volume service. Reading them takes
 * the kind's {@code detail} rule, changing them its {@code create} rule ({@code os-volumes:} or
 * {@code os-volumes:snapshots:}).
 */
final class VolumeServiceTags implements ResourceTags {
    /** Changes one resource's metadata: (context, uuid, what). */
    @FunctionalInterface
    interface MetadataChange<T> {
        void apply(RequestContext ctx, String uuid, T what);
    }

    /** What differs between the two kinds. */
    record Kind(String type, String prefix, String rule, String notFoundCode, String noun,
            Function<String, Optional<String>> uuidOf, BiFunction<RequestContext, String, Tagged> get,
            Function<RequestContext, List<Tagged>> list, MetadataChange<Map<String, String>> update,
            MetadataChange<Collection<String>> delete) {
    }

    private final Kind kind;
    private final Enforcer enforcer;

    private VolumeServiceTags(Kind kind, Enforcer enforcer) {
        this.kind = requireNonNull(kind, "kind is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    static VolumeServiceTags volumes(VolumeApi volumes, Ec2Ids ids, Enforcer enforcer) {
        return new VolumeServiceTags(new Kind("volume", "vol", "os_compute_api:os-volumes:", "InvalidVolume.NotFound",
                "volume", ids::volumeUuid,
                (ctx, uuid) -> tagged(volumes.get(ctx, uuid), ids.volumeId(uuid)),
                ctx -> volumes.getAll(ctx).stream().map(v -> tagged(v, ids.volumeId(v.id()))).toList(),
                volumes::updateVolumeMetadata, volumes::deleteVolumeMetadata), enforcer);
    }

    static VolumeServiceTags snapshots(VolumeApi volumes, Ec2Ids ids, Enforcer enforcer) {
        return new VolumeServiceTags(new Kind("snapshot", "snap", "os_compute_api:os-volumes:snapshots:",
                "InvalidSnapshot.NotFound", "snapshot", ids::snapshotUuid,
                (ctx, uuid) -> tagged(volumes.getSnapshot(ctx, uuid), ids.snapshotId(uuid)),
                ctx -> volumes.getAllSnapshots(ctx).stream().map(s -> tagged(s, ids.snapshotId(s.id()))).toList(),
                volumes::updateSnapshotMetadata, volumes::deleteSnapshotMetadata), enforcer);
    }

    private static Tagged tagged(Volume v, String ec2Id) {
        return new Tagged(ec2Id, v.id(), v.projectId(), v.metadata());
    }

    private static Tagged tagged(VolumeSnapshot s, String ec2Id) {
        return new Tagged(ec2Id, s.id(), s.projectId(), s.metadata());
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public String prefix() {
        return kind.prefix();
    }

    @Override
    public Tagged find(RequestContext ctx, String ec2Id) {
        String uuid = kind.uuidOf().apply(ec2Id).orElseThrow(() -> notFound(ec2Id));
        try {
            return kind.get().apply(ctx, uuid);
        } catch (NotFound e) {
            throw notFound(ec2Id);
        }
    }

    @Override
    public List<Tagged> list(RequestContext ctx) {
        enforcer.authorize(ctx, kind.rule() + "detail", Map.of("project_id", ctx.projectId().orElse("")));
        return kind.list().apply(ctx);
    }

    @Override
    public void add(RequestContext ctx, Tagged resource, Map<String, String> tags) {
        change(ctx, resource, kind.update(), tags);
    }

    @Override
    public void remove(RequestContext ctx, Tagged resource, Collection<String> keys) {
        if (keys.isEmpty()) {
            enforcer.authorize(ctx, kind.rule() + "create", Map.of("project_id", resource.projectId()));
            return;
        }
        change(ctx, resource, kind.delete(), keys);
    }

    private <T> void change(RequestContext ctx, Tagged resource, MetadataChange<T> change, T what) {
        enforcer.authorize(ctx, kind.rule() + "create", Map.of("project_id", resource.projectId()));
        try {
            change.apply(ctx, resource.uuid(), what);
        } catch (NotFound e) {
            throw notFound(resource.ec2Id());
        }
    }

    private Ec2Error notFound(String ec2Id) {
        return Ec2Error.client(kind.notFoundCode(), "The " + kind.noun() + " '" + ec2Id + "' does not exist.");
    }
}
