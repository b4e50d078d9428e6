package org.jnova.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jnova.testing.JnovaTestServer;
import org.jnova.testing.OpenApiConformance;

/**
 * Sends the generator's requests one after another to a running jnova (the Compute API and
 * the metadata API on their sockets) and keeps the figures: requests sent, answers by
 * status, every 5xx or missing answer with the request that caused it, the slowest answer,
 * and the serving process's resident memory before and after.
 */
final class FuzzRun {
    static final String METADATA_SECRET = "fuzz-metadata-secret";
    /** nova.conf lines the fuzzed jnova runs with: the metadata API behind a proxy with a shared secret. */
    static final String[] CONF = {"[neutron]", "service_metadata_proxy = true",
        "metadata_proxy_shared_secret = " + METADATA_SECRET, "[api]", "metadata_cache_expiration = 5",
        "[jnova_compute]", "security_group_quota = -1", "floating_ip_quota = -1"};
    private static final int REFRESH_EVERY = 150;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_FAILURES_KEPT = 25;

    /** What a run found. */
    record Figures(String engine, long seed, int budget, int targets, int sent,
            Map<Integer, Integer> statuses, List<String> failures, int failureCount, long slowestNanos,
            String slowest, long rssBeforeKb, long rssAfterKb, long seconds) {

        int fiveHundreds() {
            return statuses.entrySet().stream().filter(e -> isFailure(e.getKey()) && e.getKey() >= 500)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        int noAnswer() {
            return statuses.entrySet().stream().filter(e -> e.getKey() < 0).mapToInt(Map.Entry::getValue).sum();
        }

        String summary() {
            return String.format("fuzz %s: seed %d, budget %d, %d targets; %d requests sent; "
                    + "statuses %s; 5xx %d, no answer %d; slowest %.0f ms: %s; RSS %d -> %d MiB; %d s", engine, seed,
                    budget, targets, sent, statuses, fiveHundreds(), noAnswer(), slowestNanos / 1e6, slowest, rssBeforeKb / 1024,
                    rssAfterKb / 1024, seconds);
        }

        /** One JSON line for bench/fuzz. */
        String json() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("engine", engine).put("seed", seed).put("budget", budget).put("targets", targets).put("sent", sent)
                    .put("five_hundreds", fiveHundreds()).put("no_answer", noAnswer())
                    .put("slowest_ms", Math.round(slowestNanos / 1e5) / 10.0).put("slowest", slowest)
                    .put("rss_before_mib", rssBeforeKb / 1024).put("rss_after_mib", rssAfterKb / 1024)
                    .put("seconds", seconds);
            ObjectNode st = o.putObject("statuses");
            statuses.forEach((k, v) -> st.put(String.valueOf(k), v));
            o.putArray("failures").addAll(failures.stream().map(f -> o.textNode(f)).toList());
            return o.toString();
        }
    }

    private FuzzRun() {
    }

    /** A 5xx or no answer; 501 is nova's deliberate "not supported" (bare-metal nodes without Ironic). */
    static boolean isFailure(int status) {
        return (status >= 500 && status != 501) || status < 0;
    }

    /** Fuzzes {@code jnova} (whose metadata API this starts) with {@code budget} requests from {@code seed}. */
    static Figures run(JnovaTestServer jnova, String engine, long seed, int budget) throws IOException {
        FuzzFixtures fixtures = new FuzzFixtures(jnova).create();
        String maxVersion = jnova.call("GET", "/", null, null).json().path("version").path("version").asText();
        ApiOperations api = ApiOperations.load(OpenApiConformance.DEFAULT_FILE);
        RequestGenerator generator = new RequestGenerator(api, MetadataTargets.read(MetadataTargets.DEFAULT_FILE),
                fixtures, maxVersion, seed);
        Tally tally = new Tally(client(jnova.rootUrl()), client(jnova.startMetadata()));
        long rssBefore = rssKb();
        long start = System.nanoTime();
        String logFile = System.getProperty("jnova.fuzz.log", "");
        try (PrintWriter log = logFile.isBlank() ? null : new PrintWriter(Files.newBufferedWriter(Path.of(logFile)))) {
            for (int i = 0; i < budget; i++) {
                if (i > 0 && i % REFRESH_EVERY == 0 && !tally.refresh(fixtures, i)) {
                    break;
                }
                tally.send(generator.next(), log);
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        Figures figures = new Figures(engine, seed, budget, generator.targetCount(), tally.sent,
                tally.statuses, tally.failures, tally.failureCount, tally.slowestNanos, tally.slowest, rssBefore,
                rssKb(), seconds);
        report(figures);
        return figures;
    }

    /** Sends requests and counts what comes back. */
    private static final class Tally {
        private final RawClient compute;
        private final RawClient metadata;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        int failureCount;
        int sent;
        long slowestNanos;
        String slowest = "";

        Tally(RawClient compute, RawClient metadata) {
            this.compute = compute;
            this.metadata = metadata;
        }

        /** Restores the fixtures; a failure ends the run and is reported with the figures. */
        boolean refresh(FuzzFixtures fixtures, int index) {
            try {
                fixtures.refresh();
                return true;
            } catch (AssertionError | RuntimeException e) {
                failureCount++;
                failures.add("fixtures could not be restored before request #" + index + ": " + e.getMessage());
                return false;
            }
        }

        void send(FuzzRequest r, PrintWriter log) throws IOException {
            RawClient.Answer answer = (r.api() == FuzzRequest.Api.COMPUTE ? compute : metadata).send(r);
            sent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            if (log != null) {
                log.println(r.index() + "\t" + answer.status() + "\t" + answer.nanos() / 1_000_000 + "\t" + r.kind()
                        + "\t" + r.target() + "\t" + r.summary());
            }
            if (answer.nanos() > slowestNanos) {
                slowestNanos = answer.nanos();
                slowest = r.summary() + " -> " + answer.status();
            }
            if (isFailure(answer.status())) {
                failureCount++;
                if (failures.size() < MAX_FAILURES_KEPT) {
                    failures.add(r.describe() + "\n  => " + FuzzRequest.cut(answer.text(), 1500));
                }
            }
        }
    }

    private static RawClient client(String url) {
        URI u = URI.create(url);
        return new RawClient(u.getHost(), u.getPort(), READ_TIMEOUT_MILLIS);
    }

    /** VmRSS of this process, which serves the API in-process. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    /** Appends the figures as a JSON line to the file named by {@code -Djnova.fuzz.report}, if given. */
    private static void report(Figures figures) throws IOException {
        String file = System.getProperty("jnova.fuzz.report", "");
        if (!file.isBlank()) {
            Files.writeString(Path.of(file), figures.json() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
