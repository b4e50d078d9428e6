package org.jnova.api.openstack.compute.instanceactions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.servers.ServerTimes;
import org.jnova.api.openstack.compute.servers.ServerView;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.compute.InstanceActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Forbidden;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceAction;
import org.jnova.utils.IsoTimes;

/** os-instance-actions: a server's recorded actions (index) and one with its events (show). */
public final class InstanceActionsController {
    private static final String RULE = "os_compute_api:os-instance-actions:";
    private final ServersApi servers;
    private final InstanceActionsApi actions;
    private final int maxLimit;

    /** {@code maxLimit}: [api] max_limit, the page size from 2.58. */
    public InstanceActionsController(ServersApi servers, InstanceActionsApi actions, int maxLimit) {
        this.maxLimit = maxLimit;
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @ExpectedErrors({400, 404})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"), true);
        req.authorize(RULE + "list", Map.of("project_id", i.projectId()));
        Integer limit = null;
        String marker = null;
        Instant since = null;
        Instant before = null;
        if (req.isSupported("2.58")) {
            limit = QueryValues.limit(req, maxLimit);
            marker = QueryValues.last(req, "marker").orElse(null);
            since = time(req.query("changes-since").orElse(null), "changes-since");
            before = req.isSupported("2.66") ? time(req.query("changes-before").orElse(null), "changes-before") : null;
            if (since != null && before != null && since.isAfter(before)) {
                throw new Invalid("The value of changes-since must be less than or equal to changes-before.");
            }
        }
        List<InstanceAction> found;
        try {
            found = actions.list(req.context(), i.uuid(), limit, marker, since, before);
        } catch (Invalid e) {
            // nova formats this message without the marker's value
            throw new Invalid("Marker None could not be found.");
        }
        List<Object> out = new ArrayList<>();
        for (InstanceAction a : found) {
            out.add(action(req, a));
        }
        String last = found.isEmpty() ? null : found.getLast().requestId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instanceActions", out);
        if (limit != null && out.size() == limit && !out.isEmpty()) {
            body.put("links", List.of(ServerView.nextLink(req, "/servers/" + i.uuid() + "/os-instance-actions", last)));
        }
        return body;
    }

    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"), true);
        req.authorize(RULE + "show", Map.of("project_id", i.projectId()));
        String requestId = req.pathParam("id");
        InstanceAction a;
        try {
            a = actions.get(req.context(), i.uuid(), requestId);
        } catch (NotFound e) {
            throw new NotFound("Action " + requestId + " not found");
        }
        Map<String, Object> body = action(req, a);
        boolean events = can(req, RULE + "events", i);
        if (req.isSupported("2.51") || events) {
            boolean details = req.isSupported("2.84") && can(req, RULE + "events:details", i);
            List<Object> list = new ArrayList<>();
            for (InstanceAction.InstanceActionEvent e : a.events()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("event", e.event());
                ev.put("start_time", ServerTimes.naive(e.startTime()));
                ev.put("finish_time", ServerTimes.naive(e.finishTime()));
                ev.put("result", e.result());
                if (events) {
                    ev.put("traceback", e.traceback());
                }
                if (req.isSupported("2.62")) {
                    if (events) {
                        ev.put("host", e.host());
                    }
                    ev.put("hostId", ServerView.hostId(i.projectId(), e.host()));
                }
                if (details) {
                    ev.put("details", e.details());
                }
                list.add(ev);
            }
            body.put("events", list);
        }
        return Map.of("instanceAction", body);
    }

    private static Map<String, Object> action(ApiRequest req, InstanceAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", a.action());
        m.put("instance_uuid", a.instanceUuid());
        m.put("request_id", a.requestId());
        m.put("user_id", a.userId());
        m.put("project_id", a.projectId());
        m.put("start_time", ServerTimes.naive(a.startTime()));
        m.put("message", a.message());
        if (req.isSupported("2.58")) {
            m.put("updated_at", ServerTimes.naive(a.updatedAt() != null ? a.updatedAt() : a.startTime()));
        }
        return m;
    }

    private static boolean can(ApiRequest req, String rule, Instance i) {
        try {
            req.authorize(rule, Map.of("project_id", i.projectId()));
            return true;
        } catch (Forbidden e) {
            return false;
        }
    }

    private static Instant time(String value, String name) {
        if (value == null) {
            return null;
        }
        return IsoTimes.parseIso(value)
                .orElseThrow(() -> new Invalid("Invalid input for field/attribute " + name + ". Value: " + value + "."));
    }
}
