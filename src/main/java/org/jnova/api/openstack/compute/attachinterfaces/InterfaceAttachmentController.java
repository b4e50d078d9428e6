package org.jnova.api.openstack.compute.attachinterfaces;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServersApi;
import org.jnova.exception.Invalid;
import org.jnova.network.InterfaceAttachmentsApi;
import org.jnova.network.InterfaceAttachmentsApi.Port;
import org.jnova.objects.Instance;

/** /servers/{server_id}/os-interface (nova's attach_interfaces module) on the built-in network. */
public final class InterfaceAttachmentController {
    private static final String POLICY = "os_compute_api:os-attach-interfaces:";
    private final ServersApi servers;
    private final InterfaceAttachmentsApi interfaces;
    private final String subnetId;

    public InterfaceAttachmentController(ServersApi servers, InterfaceAttachmentsApi interfaces, String networkLabel) {
        this.servers = requireNonNull(servers, "servers is null");
        this.interfaces = requireNonNull(interfaces, "interfaces is null");
        this.subnetId = UUID.nameUUIDFromBytes(("jnova-subnet:" + networkLabel).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @ExpectedErrors({404, 501})
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance server = server(req, "list");
        List<Map<String, Object>> out = interfaces.list(server.uuid()).stream().map(p -> view(req, p)).toList();
        return Map.of("interfaceAttachments", out);
    }

    @ExpectedErrors({403, 404})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        Instance server = server(req, "show");
        return Map.of("interfaceAttachment", view(req, interfaces.get(server.uuid(), req.pathParam("id"))));
    }

    @ExpectedErrors({400, 403, 404, 409, 500, 501})
    @RequestSchema("create")
    public Object create(ApiRequest req) {
        JsonNode a = req.body().path("interfaceAttachment");
        String netId = a.path("net_id").asText(null);
        String portId = a.path("port_id").asText(null);
        String tag = a.path("tag").asText(null);
        String ip = a.path("fixed_ips").path(0).path("ip_address").asText(null);
        if (netId != null && !netId.isEmpty() && portId != null && !portId.isEmpty()) {
            throw new Invalid("Must not input both network_id and port_id");
        }
        if (ip != null && (netId == null || netId.isEmpty())) {
            throw new Invalid("Must input network_id when request IP address");
        }
        Instance server = server(req, "create");
        Port port = interfaces.attach(req.context(), server, emptyToNull(netId), emptyToNull(portId), ip, tag);
        return Map.of("interfaceAttachment", view(req, port));
    }

    @Response(202)
    @ExpectedErrors({400, 404, 409, 501})
    public void delete(ApiRequest req) {
        Instance server = server(req, "delete");
        interfaces.detach(req.context(), server, req.pathParam("id"));
    }

    private Instance server(ApiRequest req, String rule) {
        Instance server = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize(POLICY + rule, Map.of("project_id", server.projectId()));
        return server;
    }

    private Map<String, Object> view(ApiRequest req, Port p) {
        Map<String, Object> ip = new LinkedHashMap<>();
        ip.put("ip_address", p.fixedIp());
        ip.put("subnet_id", subnetId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("net_id", interfaces.networkId());
        v.put("port_id", p.portId());
        v.put("mac_addr", p.macAddress());
        v.put("port_state", "ACTIVE");
        v.put("fixed_ips", List.of(ip));
        if (req.isSupported("2.70")) {
            v.put("tag", p.tag());
        }
        return v;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
