package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jnova.compute.ServicesApi.Hypervisor;
import org.jnova.compute.rpcapi.ComputeMessage.GetHostUptime;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.exception.Invalid;
import org.jnova.exception.NovaException;
import org.jnova.rpc.RemoteError;

/** nova's HostAPI.get_host_uptime: asks a hypervisor's compute host for its {@code uptime} line. */
public final class HostUptimeApi {
    private static final String UNSUPPORTED = UnsupportedOperationException.class.getName();

    private final ComputeRpcApi computeRpc;

    public HostUptimeApi(ComputeRpcApi computeRpc) {
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
    }

    /**
     * The host's uptime line.
     *
     * @throws Invalid "Compute service of X is unavailable at this time." when the host is down
     * @throws NovaException 501 when the host's driver cannot tell
     */
    public String uptime(RequestContext ctx, Hypervisor h) {
        String host = h.node().host();
        if (!h.up()) {
            throw new Invalid("Compute service of " + host + " is unavailable at this time.");
        }
        try {
            return HostCalls.await(computeRpc.call(host, new GetHostUptime(ctx.requestId())), "get_host_uptime");
        } catch (UnsupportedOperationException e) {
            throw notSupported();
        } catch (RemoteError e) {
            if (UNSUPPORTED.equals(e.excType())) {
                throw notSupported();
            }
            throw e;
        }
    }

    /** The uptime line, or empty when the host is down, does not answer or cannot tell (the 2.88 view). */
    public Optional<String> uptimeIfKnown(RequestContext ctx, Hypervisor h) {
        if (!h.up()) {
            return Optional.empty();
        }
        try {
            return Optional.of(uptime(ctx, h));
        } catch (RuntimeException e) {  // unsupported, or no answer from the host
            return Optional.empty();
        }
    }

    private static NovaException notSupported() {
        return new NovaException(501, "The requested functionality is not supported.");
    }
}
