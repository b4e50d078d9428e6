package org.jnova.api.ec2.addresses;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.api.ec2.protocol.Ec2Action;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.InstanceLookup;
import org.jnova.api.ec2.protocol.ViewFilters;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.FloatingIpsApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.exception.Forbidden;
import org.jnova.exception.NotFound;
import org.jnova.objects.FloatingIp;
import org.jnova.objects.Instance;
import org.jnova.policy.Enforcer;

/**
 * Elastic IPs as nova's EC2 API made them: the compute API's floating IPs of the caller's
 * project (its pool, quota and {@code os-floating-ips} rules). DescribeAddresses
 * ({@code PublicIp.N}), AllocateAddress, AssociateAddress ({@code InstanceId}, {@code PublicIp}),
 * DisassociateAddress and ReleaseAddress ({@code PublicIp}).
 */
public final class AddressesActions {
    private static final String POLICY = "os_compute_api:os-floating-ips:";
    /** DescribeAddresses' filters and the element each reads. */
    private static final Map<String, String> FILTERS = Map.of("public-ip", "publicIp", "instance-id", "instanceId",
            "domain", "domain", "private-ip-address", "privateIpAddress");

    private final FloatingIpsApi floatingIps;
    private final ServersApi servers;
    private final Ec2Ids ids;
    private final Enforcer enforcer;

    public AddressesActions(FloatingIpsApi floatingIps, ServersApi servers, Ec2Ids ids, Enforcer enforcer) {
        this.floatingIps = requireNonNull(floatingIps, "floatingIps is null");
        this.servers = requireNonNull(servers, "servers is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
    }

    public void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeAddresses", this::describe);
        actions.put("AllocateAddress", this::allocate);
        actions.put("AssociateAddress", this::associate);
        actions.put("DisassociateAddress", this::disassociate);
        actions.put("ReleaseAddress", this::release);
    }

    private Map<String, ?> describe(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, "list");
        ViewFilters filters = new ViewFilters(call.filters(), FILTERS);
        List<FloatingIp> own = floatingIps.list(ctx);
        List<String> wanted = call.list("PublicIp");
        for (String address : wanted) {
            if (own.stream().noneMatch(ip -> ip.address().equals(address))) {
                throw notFound(address);
            }
        }
        List<Object> set = new ArrayList<>();
        for (FloatingIp ip : own) {
            if (wanted.isEmpty() || wanted.contains(ip.address())) {
                Map<String, Object> view = view(ctx, ip);
                if (filters.test(view)) {
                    set.add(view);
                }
            }
        }
        return Map.of("addressesSet", set);
    }

    private Map<String, ?> allocate(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, "create");
        if (call.param("Domain").filter("vpc"::equals).isPresent()) {
            throw Ec2Error.client("UnsupportedOperation", "Domain vpc is not supported");
        }
        FloatingIp ip;
        try {
            ip = floatingIps.allocate(ctx, null);
        } catch (Forbidden e) {
            throw Ec2Error.client("AddressLimitExceeded", "The maximum number of addresses has been reached.");
        } catch (NotFound e) {
            throw Ec2Error.client("InsufficientAddressCapacity", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("publicIp", ip.address());
        out.put("domain", "standard");
        return out;
    }

    private Map<String, ?> associate(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("InstanceId");
        String address = call.required("PublicIp");
        Instance server = instance(ctx, ec2Id);
        enforcer.authorize(ctx, POLICY + "add", Map.of("project_id", server.projectId()));
        own(ctx, address);
        floatingIps.associate(ctx, server, address, null);
        return Map.of("return", true);
    }

    private Map<String, ?> disassociate(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, "remove");
        FloatingIp ip = own(ctx, call.required("PublicIp"));
        if (ip.instanceUuid() == null) {
            throw Ec2Error.client("InvalidAssociationID.NotFound", "The address '" + ip.address()
                    + "' is not associated with an instance");
        }
        floatingIps.disassociate(ctx, ip);
        return Map.of("return", true);
    }

    private Map<String, ?> release(Ec2Request call) {
        RequestContext ctx = call.context();
        authorize(ctx, "delete");
        FloatingIp ip = own(ctx, call.required("PublicIp"));
        if (ip.instanceUuid() != null) {
            // nova's EC2 API refused to release an address still in use
            throw Ec2Error.client("InvalidIPAddress.InUse", "Address (" + ip.address() + ") is in use.");
        }
        floatingIps.release(ctx, ip);
        return Map.of("return", true);
    }

    private Map<String, Object> view(RequestContext ctx, FloatingIp ip) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("publicIp", ip.address());
        out.put("domain", "standard");
        out.put("instanceId", Optional.ofNullable(ip.instanceUuid()).flatMap(uuid -> ec2Instance(ctx, uuid))
                .orElse(null));
        out.put("privateIpAddress", ip.fixedIp());
        return out;
    }

    private Optional<String> ec2Instance(RequestContext ctx, String uuid) {
        try {
            return Optional.of(Ec2Ids.instanceId(servers.get(ctx, uuid)));
        } catch (ComputeErrors.InstanceNotFound e) {
            return Optional.empty();
        }
    }

    /** One of the caller's project's addresses: InvalidAddress.NotFound otherwise. */
    private FloatingIp own(RequestContext ctx, String address) {
        return floatingIps.list(ctx).stream().filter(ip -> ip.address().equals(address)).findFirst()
                .orElseThrow(() -> notFound(address));
    }

    private Instance instance(RequestContext ctx, String ec2Id) {
        return InstanceLookup.find(servers, ids, ctx, ec2Id);
    }

    private void authorize(RequestContext ctx, String rule) {
        enforcer.authorize(ctx, POLICY + rule, Map.of("project_id", ctx.projectId().orElse("")));
    }

    private static Ec2Error notFound(String address) {
        return Ec2Error.client("InvalidAddress.NotFound", "Address '" + address + "' not found.");
    }
}
