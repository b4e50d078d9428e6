package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jnova.db.ComputeNodeStore;
import org.jnova.objects.InstanceFilter;
import org.jnova.db.InstanceStore;
import org.jnova.db.ServiceStore;
import org.jnova.exception.Conflict;
import org.jnova.exception.NotFound;
import org.jnova.objects.ComputeNode;
import org.jnova.objects.Service;
import org.jnova.scheduler.Scheduler;

/** os-services and os-hypervisors: service records with liveness, and compute nodes with their service. */
public final class ServicesApi {
    private final ServiceStore services;
    private final ComputeNodeStore nodes;
    private final InstanceStore instances;
    private final Scheduler liveness;
    private final String defaultZone;
    private final String internalZone;
    private final java.util.function.Supplier<java.util.Map<String, String>> hostZones;

    /** A service and whether it is up (os-services "state"), and its zone. */
    public record ServiceStatus(Service service, boolean up, String zone) {
        private static final List<String> API_BINARIES = List.of("nova-osapi_compute", "nova-metadata");

        /** An API service (nova-osapi_compute, nova-metadata): os-services, os-hosts and zones leave them out. */
        public boolean isApiService() {
            return API_BINARIES.contains(service.binary());
        }
    }

    /** A hypervisor with its service (os-hypervisors "state" up/down, "status" enabled/disabled). */
    public record Hypervisor(ComputeNode node, Service service, boolean up) {
    }

    public ServicesApi(ServiceStore services, ComputeNodeStore nodes, InstanceStore instances, Scheduler liveness,
            String defaultZone, String internalZone) {
        this(services, nodes, instances, liveness, defaultZone, internalZone, java.util.Map::of);
    }

    /** With {@code hostZones}: host -> zone of the aggregate it is in (compute hosts in none are in the default zone). */
    public ServicesApi(ServiceStore services, ComputeNodeStore nodes, InstanceStore instances, Scheduler liveness,
            String defaultZone, String internalZone, java.util.function.Supplier<java.util.Map<String, String>> hostZones) {
        this.hostZones = requireNonNull(hostZones, "hostZones is null");
        this.services = requireNonNull(services, "services is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.instances = requireNonNull(instances, "instances is null");
        this.liveness = requireNonNull(liveness, "liveness is null");
        this.defaultZone = requireNonNull(defaultZone, "defaultZone is null");
        this.internalZone = requireNonNull(internalZone, "internalZone is null");
    }

    public List<ServiceStatus> list(String host, String binary) {
        java.util.Map<String, String> zones = hostZones.get();
        return services.list(host, binary).stream().map(s -> status(s, zones)).toList();
    }

    private ServiceStatus status(Service s) {
        return status(s, hostZones.get());
    }

    private ServiceStatus status(Service s, java.util.Map<String, String> zones) {
        String zone = s.binary().equals("nova-compute") ? zones.getOrDefault(s.host(), defaultZone) : internalZone;
        return new ServiceStatus(s, liveness.isUp(s), zone);
    }

    /** By uuid (2.53+) or integer id (older microversions). */
    public ServiceStatus get(String id) {
        Optional<Service> s = id.matches("\\d+") ? services.byId(Integer.parseInt(id)) : services.byUuid(id);
        return status(s.orElseThrow(() -> new NotFound("Service " + id + " could not be found.")));
    }

    /** Changes status, reason and forced_down (null: unchanged); returns the service after. */
    public ServiceStatus update(String id, Boolean disabled, String reason, boolean setReason, Boolean forcedDown) {
        ServiceStatus s = get(id);
        return status(services.update(s.service().id(), disabled, reason, setReason, forcedDown).orElseThrow());
    }

    /** Deletes a service; a compute service hosting instances is refused as nova does. */
    public void delete(String id) {
        ServiceStatus s = get(id);
        if (s.service().binary().equals("nova-compute")
                && !instances.listBare(InstanceFilter.builder().host(s.service().host()).build()).isEmpty()) {
            throw new Conflict("Unable to delete compute service that is hosting instances. Migrate or delete the "
                    + "instances first.");
        }
        services.delete(s.service().id());
    }

    public List<Hypervisor> hypervisors() {
        List<Service> all = services.list(null, "nova-compute");
        return nodes.list().stream().map(n -> hypervisor(n, all)).flatMap(Optional::stream).toList();
    }

    /** By uuid (2.53+) or integer id. */
    public Hypervisor hypervisor(String id) {
        Optional<ComputeNode> n = id.matches("\\d+") ? nodes.byId(Integer.parseInt(id)) : nodes.byUuid(id);
        return n.flatMap(node -> hypervisor(node, services.list(null, "nova-compute")))
                .orElseThrow(() -> new NotFound("Hypervisor " + id + " could not be found."));
    }

    private Optional<Hypervisor> hypervisor(ComputeNode n, List<Service> all) {
        return all.stream().filter(s -> s.id() == n.serviceId()).findFirst()
                .map(s -> new Hypervisor(n, s, liveness.isUp(s)));
    }

    /** Instances on a hypervisor (os-hypervisors/{id}/servers, with_servers). */
    public List<org.jnova.objects.Instance> servers(Hypervisor h) {
        return instances.listBare(InstanceFilter.builder().host(h.node().host()).node(h.node().hypervisorHostname())
                .build());
    }
}
