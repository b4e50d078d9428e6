package org.jnova.api.openstack.compute.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.AggregatesApi;
import org.jnova.compute.ServicesApi;
import org.jnova.compute.ServicesApi.ServiceStatus;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.utils.BoolFromString;

/**
 * os-services (nova/api/openstack/compute/services.py): list with host/binary filters,
 * enable/disable/force-down by action name before 2.53 and by service uuid from 2.53, delete.
 * Only nova-compute services may be updated; a compute service hosting instances cannot be
 * deleted.
 */
public final class ServicesController {
    private static final String POLICY = "os_compute_api:os-services:";

    private final ServicesApi services;
    private final AggregatesApi aggregates;

    public ServicesController(ServicesApi services, AggregatesApi aggregates) {
        this.services = Objects.requireNonNull(services, "services is null");
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates is null");
    }

    @ExpectedErrors({})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        req.authorize(POLICY + "list", Map.of());
        String host = QueryValues.last(req, "host").orElse("");
        String binary = QueryValues.last(req, "binary").orElse("");
        List<Map<String, Object>> out = new ArrayList<>();
        for (ServiceStatus s : services.list(null, null)) {
            if (s.isApiService()
                    || !host.isEmpty() && !host.equals(s.service().host())
                    || !binary.isEmpty() && !binary.equals(s.service().binary())) {
                continue;
            }
            out.add(detail(s, req));
        }
        return Map.of("services", out);
    }

    /** webob's {@code req.GET[name]}: the last value given, "" when absent. */
    static Map<String, Object> detail(ServiceStatus s, ApiRequest req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binary", s.service().binary());
        m.put("host", s.service().host());
        m.put("id", req.isSupported("2.53") ? s.service().uuid() : s.service().id());
        m.put("zone", s.zone());
        m.put("status", s.service().disabled() ? "disabled" : "enabled");
        m.put("state", s.up() ? "up" : "down");
        m.put("updated_at", PyIsoTime.format(s.service().updatedAt()));
        m.put("disabled_reason", s.service().disabledReason());
        if (req.isSupported("2.11")) {
            m.put("forced_down", s.service().forcedDown());
        }
        return m;
    }

    @ExpectedErrors({400, 404})
    @RequestSchema("update")
    public Object update(ApiRequest req) {
        return req.isSupported("2.53") ? updateV253(req) : updateV21(req);
    }

    private Object updateV21(ApiRequest req) {
        req.authorize(POLICY + "update", Map.of());
        String action = req.pathParam("id");
        JsonNode body = req.body();
        return switch (action) {
            case "enable" -> enableDisable(body, false, null);
            case "disable" -> enableDisable(body, true, null);
            case "disable-log-reason" -> {
                if (!body.has("disabled_reason")) {
                    throw new Invalid("Missing disabled reason field");
                }
                yield enableDisable(body, true, body.get("disabled_reason").asText());
            }
            case "force-down" -> {
                if (!req.isSupported("2.11")) {
                    throw new NotFound("Unknown action");
                }
                yield forceDown(body);
            }
            default -> throw new NotFound("Unknown action");
        };
    }

    private Object enableDisable(JsonNode body, boolean disable, String reason) {
        String host = body.get("host").asText();
        String binary = body.get("binary").asText();
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("host", host);
        service.put("binary", binary);
        service.put("status", disable ? "disabled" : "enabled");
        if (reason != null && !reason.isEmpty()) {
            service.put("disabled_reason", reason);
        }
        ServiceStatus target = byHostAndBinary(host, binary);
        services.update(String.valueOf(target.service().id()), disable, reason, true, null);
        return Map.of("service", service);
    }

    private Object forceDown(JsonNode body) {
        if (!body.has("forced_down")) {
            throw new Invalid("Missing forced_down field");
        }
        String host = body.get("host").asText();
        String binary = body.get("binary").asText();
        boolean forcedDown = BoolFromString.isTrue(body.get("forced_down"));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("host", host);
        service.put("binary", binary);
        service.put("forced_down", forcedDown);
        ServiceStatus target = byHostAndBinary(host, binary);
        services.update(String.valueOf(target.service().id()), null, null, false, forcedDown);
        return Map.of("service", service);
    }

    private ServiceStatus byHostAndBinary(String host, String binary) {
        if (!binary.equals("nova-compute")) {
            throw new Invalid("Updating a " + binary + " service is not supported. Only nova-compute services can "
                    + "be updated.");
        }
        // Only compute hosts are mapped to a cell, so an unknown compute host is "not mapped".
        return services.list(host, binary).stream().findFirst()
                .orElseThrow(() -> new NotFound("Host '" + host + "' is not mapped to any cell"));
    }

    private Object updateV253(ApiRequest req) {
        String id = req.pathParam("id");
        if (!Uuids.isUuidLike(id)) {
            throw new Invalid("Invalid uuid " + id);
        }
        req.authorize(POLICY + "update", Map.of());
        ServiceStatus current = byUuid(id, "Service " + id + " could not be found.");
        if (!current.service().binary().equals("nova-compute")) {
            throw new Invalid("Updating a " + current.service().binary() + " service is not supported. Only "
                    + "nova-compute services can be updated.");
        }
        JsonNode body = req.body();
        if (!body.has("status") && !body.has("forced_down")) {
            throw new Invalid("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        }
        Boolean disabled = null;
        String reason = null;
        if (body.has("status")) {
            disabled = body.get("status").asText().equals("disabled");
            if (!disabled && !body.path("disabled_reason").asText("").isEmpty()) {
                throw new Invalid("Specifying 'disabled_reason' with status 'enabled' is invalid.");
            }
            reason = disabled && body.has("disabled_reason") ? body.get("disabled_reason").asText() : null;
        }
        Boolean forcedDown = body.has("forced_down") ? BoolFromString.isTrue(body.get("forced_down")) : null;
        ServiceStatus after = services.update(String.valueOf(current.service().id()), disabled, reason,
                disabled != null, forcedDown);
        return Map.of("service", detail(after, req));
    }

    private ServiceStatus byUuid(String id, String notFound) {
        if (id.matches("\\d+")) {
            throw new NotFound(notFound);
        }
        try {
            return services.get(id);
        } catch (NotFound e) {
            throw new NotFound(notFound);
        }
    }

    @Response(204)
    @ExpectedErrors({400, 404, 409})
    public void delete(ApiRequest req) {
        req.authorize(POLICY + "delete", Map.of());
        String id = req.pathParam("id");
        if (req.isSupported("2.53")) {
            if (!Uuids.isUuidLike(id)) {
                throw new Invalid("Invalid uuid " + id);
            }
        } else if (!id.strip().matches("[+-]?\\d+")) {
            throw new org.jnova.exception.InvalidInput("Invalid input received: id must be an integer");
        }
        String notFound = "Service " + id + " not found.";
        ServiceStatus s = req.isSupported("2.53") ? byUuid(id, notFound) : byId(id.strip(), notFound);
        services.delete(String.valueOf(s.service().id()));
        if (s.service().binary().equals("nova-compute")) {
            aggregates.removeHostEverywhere(s.service().host());
        }
    }

    private ServiceStatus byId(String id, String notFound) {
        var number = QueryValues.pythonInt(id).filter(n -> n.bitLength() < Long.SIZE)
                .orElseThrow(() -> new NotFound(notFound));
        try {
            return services.get(number.toString());
        } catch (NotFound e) {
            throw new NotFound(notFound);
        }
    }
}
