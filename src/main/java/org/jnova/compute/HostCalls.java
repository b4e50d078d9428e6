package org.jnova.compute;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jnova.objects.Instance;
import org.jnova.rpc.Transport;

/** The API's calls to the compute host of a server, waiting for the answer as nova's RPC call does. */
final class HostCalls {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private HostCalls() {
    }

    /**
     * Calls {@code method} on the server's host and returns its answer; an error the host raised
     * is thrown as it was, no answer within 60 seconds is an IllegalStateException.
     */
    static Object call(Transport transport, Instance server, String method, Map<String, Object> args) {
        try {
            return transport.call(ComputeManager.TOPIC, server.host(), method, args)
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out waiting for a reply to " + method, e);
        }
    }
}
