package org.jnova.api.openstack.compute.servershares;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.objects.ShareMapping;

/** nova's server_shares view builder: share_id, status, tag; admins also see export_location and uuid. */
final class ServerShareView {
    private ServerShareView() {
    }

    static Map<String, Object> listed(ShareMapping m) {
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("share_id", m.shareId());
        share.put("status", m.status());
        share.put("tag", m.tag());
        return share;
    }

    static Map<String, Object> shown(ApiRequest req, ShareMapping m) {
        Map<String, Object> share = listed(m);
        if (req.context().isAdmin()) {
            share.put("export_location", m.exportLocation());
            share.put("uuid", m.uuid());
        }
        return Map.of("share", share);
    }
}
