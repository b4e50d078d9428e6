package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.BlockDeviceMappingStore;
import org.jnova.exception.OverQuota;
import org.jnova.image.ImagesApi;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.Volume;
import org.jnova.objects.VolumeSnapshot;
import org.jnova.utils.JsonMappers;
import org.jnova.volume.VolumeApi;

/**
 * nova's snapshot_volume_backed: createImage of a server whose root disk is a volume takes a
 * forced snapshot of each of its volumes and records an image without data (size 0, active at
 * once) whose block_device_mapping property lists those snapshots, so a boot from the image
 * makes volumes from them. The host is not involved (the fake driver has no quiesce).
 */
public final class VolumeBackedSnapshots {
    private static final ObjectMapper JSON = JsonMappers.standard();
    private final BlockDeviceMappingStore bdms;
    private final RootVolumes rootVolumes;
    private final VolumeApi volumes;
    private final ImagesApi images;
    private final ActionStore actions;

    public VolumeBackedSnapshots(BlockDeviceMappingStore bdms, RootVolumes rootVolumes, VolumeApi volumes,
            ImagesApi images, ActionStore actions) {
        this.rootVolumes = requireNonNull(rootVolumes, "rootVolumes is null");
        this.bdms = requireNonNull(bdms, "bdms is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.images = requireNonNull(images, "images is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    /** nova's is_volume_backed_instance: the root mapping is a volume. */
    public boolean isVolumeBacked(Instance server) {
        return rootVolumes.isVolumeBacked(server);
    }

    /** Snapshots the server's volumes and records the image; {@code template} names it and carries its properties. */
    Image snapshot(RequestContext ctx, Instance server, Image template) {
        List<Map<String, Object>> mapping = new ArrayList<>();
        List<BlockDeviceMapping> volumeMappings = new ArrayList<>();
        for (BlockDeviceMapping b : bdms.forInstance(server.uuid())) {
            if ("volume".equals(b.destinationType()) && b.volumeId() != null) {
                volumeMappings.add(b);
            } else {
                mapping.add(imageMapping(b, b.sourceType(), null));
            }
        }
        int[] limits = volumes.snapshotLimits(ctx);
        if (!volumeMappings.isEmpty() && limits[1] > -1 && volumeMappings.size() + limits[0] > limits[1]) {
            throw new OverQuota("Quota exceeded for resources: snapshots");
        }
        actions.start(server.uuid(), "createImage", ctx.requestId(), ctx.userId(), ctx.projectId().orElse(null));
        String event = "api_snapshot_instance";
        actions.eventStart(server.uuid(), ctx.requestId(), event, null);
        try {
            for (BlockDeviceMapping b : volumeMappings) {
                Volume volume = volumes.get(ctx, b.volumeId());
                VolumeSnapshot snapshot = volumes.createSnapshot(ctx, volume.id(), "snapshot for " + template.name(),
                        volume.description(), true);
                mapping.add(imageMapping(b, "snapshot", snapshot.id()));
            }
            actions.eventFinish(server.uuid(), ctx.requestId(), event, "Success", null);
        } catch (RuntimeException e) {
            actions.eventFinish(server.uuid(), ctx.requestId(), event, "Error", e.toString());
            throw e;
        }
        Map<String, String> properties = new LinkedHashMap<>(template.properties());
        for (String key : List.of("container_format", "disk_format", "block_device_mapping", "bdm_v2",
                "root_device_name")) {
            properties.remove(key);
        }
        if (server.rootDeviceName() != null) {
            properties.put("root_device_name", server.rootDeviceName());
        }
        if (!mapping.isEmpty()) {
            properties.put("block_device_mapping", json(mapping));
            properties.put("bdm_v2", "True");
        }
        Image image = new Image(template.id(), template.name(), "active", template.minDisk(), template.minRam(), 0,
                properties, null, null);
        return images.createSnapshot(ctx, server.projectId(), image);
    }

    /** nova's get_image_mapping: the mapping without what belongs to one server. */
    private static Map<String, Object> imageMapping(BlockDeviceMapping b, String sourceType, String snapshotId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_type", sourceType);
        m.put("destination_type", b.destinationType());
        m.put("snapshot_id", snapshotId != null ? snapshotId : b.snapshotId());
        m.put("volume_id", null);
        m.put("image_id", "snapshot".equals(sourceType) ? null : b.imageId());
        m.put("volume_size", b.volumeSize());
        m.put("boot_index", b.bootIndex());
        m.put("device_name", b.deviceName());
        m.put("delete_on_termination", b.deleteOnTermination());
        m.put("tag", b.tag());
        m.put("no_device", null);
        m.put("disk_bus", null);
        m.put("device_type", null);
        m.put("guest_format", null);
        m.put("volume_type", null);
        return m;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
