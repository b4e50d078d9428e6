package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jnova.context.RequestContext;
import org.jnova.exception.NotFound;

/**
 * The networks a project may see, as nova's proxy lists neutron's: jnova's built-in network
 * ([jnova_compute] network_name), shared by every project, and the external network of the
 * floating IP pool ([jnova_compute] floating_ip_pool), visible to every project as an external
 * neutron network is. Each has an id derived from its name.
 */
public final class NetworksApi {
    /** A network as the proxy APIs show it: its id and name. */
    public record Network(String id, String label) {
        public Network {
            requireNonNull(id, "id is null");
            requireNonNull(label, "label is null");
        }

        /** The network named so, with the id jnova derives from the name. */
        public static Network named(String label) {
            return new Network(idOf(label), label);
        }
    }

    private final List<Network> networks;

    public NetworksApi(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** The id of the network of that name (stable across processes and restarts). */
    public static String idOf(String label) {
        return UUID.nameUUIDFromBytes(("jnova-network:" + label).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public List<Network> list(RequestContext ctx) {
        return networks;
    }

    /** The network with that id; nova's "Network not found" otherwise. */
    public Network get(RequestContext ctx, String id) {
        return networks.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("Network not found"));
    }
}
