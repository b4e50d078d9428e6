package org.jnova.api.ec2.volumes;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jnova.compute.VolumeAttachmentsApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Instance;
import org.jnova.objects.Volume;
import org.jnova.volume.VolumeApi;
import org.jnova.volume.VolumeErrors;

/**
 * An instance's block devices as nova's EC2 API showed them in DescribeInstances and
 * DescribeInstanceAttribute: its root device name ({@code /dev/sda1} when it has none), its
 * root device type ({@code ebs} when the root device is a volume, else {@code instance-store})
 * and a {@code blockDeviceMapping} item for each volume mapped to it, read from the compute
 * API's block device mappings.
 */
public final class InstanceBlockDevices {
    /** nova's DEFAULT_ROOT_DEV_NAME. */
    public static final String DEFAULT_ROOT_DEVICE_NAME = "/dev/sda1";
    private static final String DEV = "/dev/";

    private final VolumeAttachmentsApi attachments;
    private final VolumeApi volumes;
    private final Ec2Ids ids;

    public InstanceBlockDevices(VolumeAttachmentsApi attachments, VolumeApi volumes, Ec2Ids ids) {
        this.attachments = requireNonNull(attachments, "attachments is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    /** What an instance shows of its block devices. */
    public record Devices(String rootDeviceName, String rootDeviceType, List<Object> blockDeviceMapping) {
    }

    /** The devices of each instance, by uuid; the mappings of all of them are read at once. */
    public Map<String, Devices> of(RequestContext ctx, Collection<Instance> instances) {
        Map<String, List<BlockDeviceMapping>> mapped = attachments.volumeMappings(instances.stream()
                .map(Instance::uuid).toList());
        VolumeLookup lookup = new VolumeLookup(ctx);
        Map<String, Devices> out = new HashMap<>();
        for (Instance i : instances) {
            out.put(i.uuid(), devices(i, mapped.getOrDefault(i.uuid(), List.of()), lookup));
        }
        return out;
    }

    public Devices of(RequestContext ctx, Instance instance) {
        return of(ctx, List.of(instance)).get(instance.uuid());
    }

    /** nova's root device name of an instance: its own, else {@code /dev/sda1}. */
    public static String rootDeviceName(Instance i) {
        String name = i.rootDeviceName();
        return name == null || name.isEmpty() ? DEFAULT_ROOT_DEVICE_NAME : name;
    }

    private Devices devices(Instance i, List<BlockDeviceMapping> mappings, VolumeLookup lookup) {
        String rootName = rootDeviceName(i);
        String rootShortName = rootName.startsWith(DEV) ? rootName.substring(DEV.length()) : rootName;
        String rootType = "instance-store";
        List<Object> items = new ArrayList<>();
        for (BlockDeviceMapping bdm : mappings) {
            boolean isVolume = "volume".equals(bdm.destinationType());
            if (isVolume && (bdm.isRoot() || DEV.concat(rootShortName).equals(bdm.deviceName())
                    || rootShortName.equals(bdm.deviceName()))) {
                rootType = "ebs";
            }
            Optional<Volume> volume = lookup.find(bdm.volumeId());
            Optional<Volume.Attachment> attached = volume.flatMap(v -> v.attachmentOf(i.uuid()));
            Map<String, Object> ebs = new LinkedHashMap<>();
            ebs.put("volumeId", ids.volumeId(bdm.volumeId()));
            ebs.put("status", volume.map(Volume::status).filter("detaching"::equals)
                    .orElse(attached.isPresent() ? "attached" : "attaching"));
            ebs.put("attachTime", attached.map(Volume.Attachment::attachedAt).orElse(null));
            ebs.put("deleteOnTermination", bdm.deleteOnTermination());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deviceName", bdm.deviceName());
            item.put("ebs", ebs);
            items.add(item);
        }
        return new Devices(rootName, rootType, items);
    }

    /**
     * The volumes of the mappings shown: the caller's project's, listed once when the first is
     * needed; one of another project (an administrator's attach) is asked for alone.
     */
    private final class VolumeLookup {
        private final RequestContext ctx;
        private Map<String, Volume> listed;

        VolumeLookup(RequestContext ctx) {
            this.ctx = ctx;
        }

        Optional<Volume> find(String volumeId) {
            if (listed == null) {
                listed = volumes.getAll(ctx).stream().collect(Collectors.toMap(Volume::id, Function.identity(),
                        (a, b) -> a, HashMap::new));
            }
            Volume known = listed.get(volumeId);
            if (known != null) {
                return Optional.of(known);
            }
            try {
                Volume found = volumes.get(ctx, volumeId);
                listed.put(volumeId, found);
                return Optional.of(found);
            } catch (VolumeErrors.VolumeNotFound e) {
                return Optional.empty();
            }
        }
    }
}
