package org.jnova.api.ec2.tags;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Volume;
import org.jnova.policy.Enforcer;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;

/**
 * A volume's tags are its metadata in the volume service; reading them takes the
 * {@code os-volumes:detail} rule, changing them {@code os-volumes:create}.
 */
final class VolumeTags implements ResourceTags {
    private static final String RULE = "os_compute_api:os-volumes:";

    private final VolumeApi volumes;
    private final Ec2Ids ids;
    private final Enforcer enforcer;

    VolumeTags(VolumeApi volumes, Ec2Ids ids, Enforcer enforcer) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    @Override
    public String type() {
        return "volume";
    }

    @Override
    public String prefix() {
        return "vol";
    }

    @Override
    public Tagged find(RequestContext ctx, String ec2Id) {
        try {
            return tagged(volumes.get(ctx, ids.volumeUuid(ec2Id).orElseThrow(
                    () -> new VolumeErrors.VolumeNotFound(ec2Id))));
        } catch (VolumeErrors.VolumeNotFound e) {
            throw notFound(ec2Id);
        }
    }

    @Override
    public List<Tagged> list(RequestContext ctx) {
        enforcer.authorize(ctx, RULE + "detail", Map.of("project_id", ctx.projectId().orElse("")));
        return volumes.getAll(ctx).stream().map(this::tagged).toList();
    }

    @Override
    public void add(RequestContext ctx, Tagged resource, Map<String, String> tags) {
        enforcer.authorize(ctx, RULE + "create", Map.of("project_id", resource.projectId()));
        try {
            volumes.updateVolumeMetadata(ctx, resource.uuid(), tags);
        } catch (VolumeErrors.VolumeNotFound e) {
            throw notFound(resource.ec2Id());
        }
    }

    @Override
    public void remove(RequestContext ctx, Tagged resource, Collection<String> keys) {
        enforcer.authorize(ctx, RULE + "create", Map.of("project_id", resource.projectId()));
        if (keys.isEmpty()) {
            return;
        }
        try {
            volumes.deleteVolumeMetadata(ctx, resource.uuid(), keys);
        } catch (VolumeErrors.VolumeNotFound e) {
            throw notFound(resource.ec2Id());
        }
    }

    private Tagged tagged(Volume v) {
        return new Tagged(ids.volumeId(v.id()), v.id(), v.projectId(), v.metadata());
    }

    private static Ec2Error notFound(String ec2Id) {
        return Ec2Error.client("InvalidVolume.NotFound", "The volume '" + ec2Id + "' does not exist.");
    }
}
