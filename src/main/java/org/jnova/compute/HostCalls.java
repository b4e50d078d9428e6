package org.jnova.compute;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The API's calls to the compute host of a server, waiting for the answer as nova's RPC call does. */
final class HostCalls {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private HostCalls() {
    }

    /**
     * Waits for the answer to a call of {@code method} on a server's host; an error the host
     * raised is thrown as it was, no answer within 60 seconds is an IllegalStateException.
     */
    static <T> T await(CompletableFuture<T> answer, String method) {
        try {
            return answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
