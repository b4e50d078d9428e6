package org.jnova.api.openstack.compute.snapshots;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.objects.VolumeSnapshot;

/** nova's _translate_snapshot_summary_view (detail is the same): the volume's size as the snapshot's. */
final class SnapshotView {
    /** How the volume service prints times (always microseconds). */
    private static final DateTimeFormatter CINDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private SnapshotView() {
    }

    static Map<String, Object> of(VolumeSnapshot s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.id());
        d.put("volumeId", s.volumeId());
        d.put("status", s.status());
        d.put("size", s.volumeSize());
        d.put("createdAt", CINDER_TIME.format(LocalDateTime.ofInstant(s.createdAt(), ZoneOffset.UTC)));
        d.put("displayName", s.name());
        d.put("displayDescription", s.description());
        return d;
    }
}
