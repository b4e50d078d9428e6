package org.jnova.api.openstack.compute.volumes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jnova.objects.Volume;

/** nova's _translate_volume_summary_view (detail is the same), keys in nova's order. */
final class VolumeView {
    private VolumeView() {
    }

    static Map<String, Object> of(Volume v) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", v.id());
        d.put("status", v.status());
        d.put("size", v.size());
        d.put("availabilityZone", v.availabilityZone());
        d.put("createdAt", CinderProxy.time(v.createdAt()));
        if ("attached".equals(v.attachStatus())) {
            Volume.Attachment first = v.attachments().get(0);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", v.id());
            a.put("volumeId", v.id());
            a.put("serverId", first.instanceUuid());
            if (first.mountpoint() != null && !first.mountpoint().isEmpty()) {
                a.put("device", first.mountpoint());
            }
            d.put("attachments", List.of(a));
        } else {
            d.put("attachments", List.of(Map.of()));
        }
        d.put("displayName", v.name());
        d.put("displayDescription", v.description());
        d.put("volumeType", v.volumeType());
        d.put("snapshotId", v.snapshotId());
        d.put("metadata", new TreeMap<>(v.metadata()));
        return d;
    }
}
