package org.jnova.rpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fake://} transport: in-process delivery, each message handled on its own
 * virtual thread, as oslo.messaging's fake driver delivers within one process.
 */
public final class FakeTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(FakeTransport.class);

    private final Map<String, Map<String, Endpoint>> topics = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public void listen(String topic, String host, Endpoint endpoint) {
        topics.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(host, endpoint);
    }

    @Override
    public void unlisten(String topic, String host) {
        Map<String, Endpoint> servers = topics.get(topic);
        if (servers != null) {
            servers.remove(host);
        }
    }

    @Override
    public void cast(String topic, String host, String method, String version, Map<String, Object> args) {
        Endpoint endpoint = pick(topic, host);
        executor.execute(() -> {
            try {
                endpoint.dispatch(method, version, args);
            } catch (Exception e) {
                LOG.error("Exception during message handling of {}.{}", topic, method, e);
            }
        });
    }

    @Override
    public CompletableFuture<Object> call(String topic, String host, String method, String version,
            Map<String, Object> args) {
        Endpoint endpoint = pick(topic, host);
        CompletableFuture<Object> answer = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                answer.complete(endpoint.dispatch(method, version, args));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private Endpoint pick(String topic, String host) {
        Map<String, Endpoint> servers = topics.getOrDefault(topic, Map.of());
        if (host != null) {
            Endpoint e = servers.get(host);
            if (e == null) {
                throw new MessagingTimeout("No server is listening on topic " + topic + " host " + host);
            }
            return e;
        }
        List<Endpoint> all = List.copyOf(servers.values());
        if (all.isEmpty()) {
            throw new MessagingTimeout("No server is listening on topic " + topic);
        }
        return all.get(ThreadLocalRandom.current().nextInt(all.size()));
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
