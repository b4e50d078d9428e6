package org.jnova.api.openstack.compute.serverexternalevents;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.compute.ServerExternalEventsApi;
import org.jnova.api.openstack.ApiResult;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.objects.Instance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /os-server-external-events (nova's server_external_events.py): each event comes back
 * with a status and code: 200 accepted, 404 unknown server, 400 missing a required tag, 422
 * server without a host. The answer is 200 when all were accepted, else 207 (also when none
 * were). volume-extended and power-update record an instance action as nova's compute API
 * does; the fake driver leaves the server's power state as it is.
 */
public final class ServerExternalEventsController {
    private static final Logger LOG = LoggerFactory.getLogger(ServerExternalEventsController.class);
    private static final Set<String> TAG_REQUIRED = Set.of("volume-extended", "power-update",
            "accelerator-request-bound");
    private final ServerExternalEventsApi events;

    public ServerExternalEventsController(ServerExternalEventsApi events) {
        this.events = requireNonNull(events, "events is null");
    }

    @ExpectedErrors({403, 404})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        req.authorize("os_compute_api:os-server-external-events:create", Map.of());
        List<Map<String, Object>> answered = new ArrayList<>();
        int result = 200;
        for (JsonNode event : req.body().path("events")) {
            Map<String, Object> out = new LinkedHashMap<>();
            event.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
            answered.add(out);
            String uuid = event.path("server_uuid").asText();
            String name = event.path("name").asText();
            String tag = event.hasNonNull("tag") ? event.path("tag").asText() : null;
            Optional<Instance> instance = events.server(uuid);
            int code;
            if (instance.isEmpty()) {
                LOG.debug("Dropping event {}:{} for unknown instance {}", name, tag, uuid);
                code = 404;
            } else if (TAG_REQUIRED.contains(name) && tag == null) {
                LOG.debug("Event tag is missing for instance {}. Dropping event {}", uuid, name);
                code = 400;
            } else if (instance.get().host() != null) {
                LOG.info("Creating event {}:{} for instance {} on {}", name, tag, uuid, instance.get().host());
                events.deliver(req.context(), instance.get(), name, tag);
                code = 200;
            } else {
                LOG.debug("Unable to find a host for instance {}. Dropping event {}", uuid, name);
                code = 422;
            }
            out.put("status", code == 200 ? "completed" : "failed");
            out.put("code", code);
            if (code != 200) {
                result = 207;
            }
        }
        return ApiResult.of(Map.of("events", answered)).status(result);
    }
}
