package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jnova.context.RequestContext;
import org.jnova.exception.NotFound;

/**
 * The networks a project may use: jnova's one built-in network, shared by every project (as an
 * external or shared neutron network is), named by [jnova_compute] network_name.
 */
public final class NetworksApi {
    /** A network as the proxy APIs show it: its id and name. */
    public record Network(String id, String label) {
    }

    private final Network builtIn;

    public NetworksApi(String networkId, String label) {
        this.builtIn = new Network(requireNonNull(networkId, "networkId is null"), requireNonNull(label, "label is null"));
    }

    public List<Network> list(RequestContext ctx) {
        return List.of(builtIn);
    }

    /** The network with that id; nova's "Network not found" otherwise. */
    public Network get(RequestContext ctx, String id) {
        if (!builtIn.id().equals(id)) {
            throw new NotFound("Network not found");
        }
        return builtIn;
    }
}
