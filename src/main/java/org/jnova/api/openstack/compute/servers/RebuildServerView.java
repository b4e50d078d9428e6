package org.jnova.api.openstack.compute.servers;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.objects.Instance;

/**
 * The body of nova's rebuild action: the servers view of the rebuilt server. Before 2.75
 * the smaller body of an update plus key_name (2.54); from 2.75 the whole show view
 * (extended attributes and host status as policy allows) without the extended
 * user_data attribute. Then adminPass (when the caller has one to show) and user_data (2.57).
 */
public final class RebuildServerView {
    private final ServerViews views;

    public RebuildServerView(ServerViews views) {
        this.views = requireNonNull(views, "views is null");
    }

    public Map<String, Object> of(ApiRequest req, Instance i, String adminPass) {
        boolean full = req.isSupported("2.75");
        Map<String, Object> server = full
                ? ServerView.detailed(req, i, views.showContext(req, i), false)
                : ServerView.detailed(req, i, views.updateContext(req, i), true);
        server.remove("OS-EXT-SRV-ATTR:user_data");
        if (!full && req.isSupported("2.54")) {
            server.put("key_name", i.keyName());
        }
        if (adminPass != null) {
            server.put("adminPass", adminPass);
        }
        if (req.isSupported("2.57")) {
            server.put("user_data", i.userData());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", server);
        return body;
    }
}
