package org.jnova.api.openstack.compute.snapshots;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.compute.volumes.CinderProxy;
import org.jnova.objects.VolumeSnapshot;

/** nova's _translate_snapshot_summary_view (detail is the same): the volume's size as the snapshot's. */
final class SnapshotView {
    private SnapshotView() {
    }

    static Map<String, Object> of(VolumeSnapshot s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.id());
        d.put("volumeId", s.volumeId());
        d.put("status", s.status());
        d.put("size", s.volumeSize());
        d.put("createdAt", CinderProxy.time(s.createdAt()));
        d.put("displayName", s.name());
        d.put("displayDescription", s.description());
        return d;
    }
}
