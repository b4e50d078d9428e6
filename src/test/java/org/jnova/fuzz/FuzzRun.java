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
 * Sends the generators' requests one after another to a running jnova and keeps the figures:
 * first the Compute API and the metadata API, then, each with its own budget, Identity v3,
 * Image v2 and the EC2 API, each on its own socket. Per service: requests sent, answers by
 * status, every 5xx, missing answer or answer showing another project's data with the
 * request that caused it, the slowest answer; and the serving process's resident memory
 * before and after.
 */
final class FuzzRun {
    static final String METADATA_SECRET = "fuzz-metadata-secret";
    /** nova.conf lines the fuzzed jnova runs with: the metadata API behind a proxy with a shared secret. */
    static final String[] CONF = {"[neutron]", "service_metadata_proxy = true",
        "metadata_proxy_shared_secret = " + METADATA_SECRET, "[api]", "metadata_cache_expiration = 5",
        "[jnova_compute]", "security_group_quota = -1", "floating_ip_quota = -1"};
    static final Path IDENTITY_API = Path.of("..", "shared", "reference", "identity-openapi-v3.yaml");
    private static final int REFRESH_EVERY = 150;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_FAILURES_KEPT = 25;

    /** What a run found for one service. */
    record Service(String name, int sent, Map<Integer, Integer> statuses, int leaks, long slowestNanos,
            String slowest, long seconds) {

        int fiveHundreds() {
            return statuses.entrySet().stream().filter(e -> isFailure(e.getKey()) && e.getKey() >= 500)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        int noAnswer() {
            return statuses.entrySet().stream().filter(e -> e.getKey() < 0).mapToInt(Map.Entry::getValue).sum();
        }

        int fourHundreds() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** What a run found. */
    record Figures(String engine, long seed, int budget, int serviceBudget, Map<String, Integer> targets,
            List<Service> services, List<String> failures, int failureCount, long rssBeforeKb, long rssAfterKb,
            long seconds) {

        int sent() {
            return services.stream().mapToInt(Service::sent).sum();
        }

        Map<Integer, Integer> statuses() {
            Map<Integer, Integer> all = new TreeMap<>();
            services.forEach(s -> s.statuses().forEach((k, v) -> all.merge(k, v, Integer::sum)));
            return all;
        }

        int fiveHundreds() {
            return services.stream().mapToInt(Service::fiveHundreds).sum();
        }

        int noAnswer() {
            return services.stream().mapToInt(Service::noAnswer).sum();
        }

        Service slowestService() {
            return services.stream().max(java.util.Comparator.comparingLong(Service::slowestNanos)).orElseThrow();
        }

        long slowestNanos() {
            return slowestService().slowestNanos();
        }

        String slowest() {
            return slowestService().slowest();
        }

        String summary() {
            StringBuilder out = new StringBuilder(String.format("fuzz %s: seed %d, budget %d (+%d per service), "
                    + "targets %s; %d requests sent; 5xx %d, no answer %d; RSS %d -> %d MiB; %d s", engine, seed,
                    budget, serviceBudget, targets, sent(), fiveHundreds(), noAnswer(), rssBeforeKb / 1024,
                    rssAfterKb / 1024, seconds));
            for (Service s : services) {
                out.append(String.format("%n  %s: %d requests, statuses %s, 5xx %d, no answer %d, leaks %d, "
                        + "slowest %.0f ms: %s; %d s", s.name(), s.sent(), s.statuses(), s.fiveHundreds(),
                        s.noAnswer(), s.leaks(), s.slowestNanos() / 1e6, s.slowest(), s.seconds()));
            }
            return out.toString();
        }

        /** One JSON line for bench/fuzz. */
        String json() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("engine", engine).put("seed", seed).put("budget", budget).put("service_budget", serviceBudget)
                    .put("sent", sent()).put("five_hundreds", fiveHundreds()).put("no_answer", noAnswer())
                    .put("slowest_ms", Math.round(slowestNanos() / 1e5) / 10.0).put("slowest", slowest())
                    .put("rss_before_mib", rssBeforeKb / 1024).put("rss_after_mib", rssAfterKb / 1024)
                    .put("seconds", seconds);
            ObjectNode t = o.putObject("targets");
            targets.forEach(t::put);
            ObjectNode st = o.putObject("statuses");
            statuses().forEach((k, v) -> st.put(String.valueOf(k), v));
            var list = o.putArray("services");
            for (Service s : services) {
                ObjectNode each = list.addObject();
                each.put("service", s.name()).put("sent", s.sent()).put("five_hundreds", s.fiveHundreds())
                        .put("no_answer", s.noAnswer()).put("four_hundreds", s.fourHundreds())
                        .put("leaks", s.leaks()).put("slowest_ms", Math.round(s.slowestNanos() / 1e5) / 10.0)
                        .put("slowest", s.slowest()).put("seconds", s.seconds());
            }
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

    /**
     * Fuzzes {@code jnova} (whose metadata, identity, image and EC2 APIs this starts) with
     * {@code budget} Compute and metadata requests from {@code seed}, then {@code serviceBudget}
     * requests to each of the other services.
     */
    static Figures run(JnovaTestServer jnova, String engine, long seed, int budget, int serviceBudget)
            throws IOException {
        FuzzFixtures fixtures = new FuzzFixtures(jnova).create();
        String maxVersion = jnova.call("GET", "/", null, null).json().path("version").path("version").asText();
        ApiOperations api = ApiOperations.load(OpenApiConformance.DEFAULT_FILE);
        RequestGenerator generator = new RequestGenerator(api, MetadataTargets.read(MetadataTargets.DEFAULT_FILE),
                fixtures, maxVersion, seed);
        Tally tally = new Tally();
        tally.clients.put(FuzzRequest.Api.COMPUTE, client(jnova.rootUrl()));
        tally.clients.put(FuzzRequest.Api.METADATA, client(jnova.startMetadata()));
        Map<String, Integer> targets = new java.util.LinkedHashMap<>();
        targets.put("compute+metadata", generator.targetCount());
        long rssBefore = rssKb();
        long start = System.nanoTime();
        String logFile = System.getProperty("jnova.fuzz.log", "");
        try (PrintWriter log = logFile.isBlank() ? null : new PrintWriter(Files.newBufferedWriter(Path.of(logFile)))) {
            tally.log = log;
            tally.phase(budget, generator::next, fixtures::refresh);
            if (serviceBudget > 0) {
                IdentityFixtures identity = new IdentityFixtures(jnova).create();
                tally.clients.put(FuzzRequest.Api.IDENTITY, client(identity.url()));
                IdentityGenerator ig = new IdentityGenerator(ApiOperations.load(IDENTITY_API), identity, seed);
                targets.put("identity", ig.targetCount());
                tally.phase(serviceBudget, ig::next, identity::refresh);

                ImageFixtures images = new ImageFixtures(jnova).create();
                tally.clients.put(FuzzRequest.Api.IMAGE, client(images.url()));
                ImageGenerator img = new ImageGenerator(images, seed);
                targets.put("image", img.targetCount());
                tally.phase(serviceBudget, img::next, images::refresh);

                Ec2Fixtures ec2 = new Ec2Fixtures(jnova, fixtures).create();
                tally.clients.put(FuzzRequest.Api.EC2, client(ec2.url()));
                Ec2Generator eg = new Ec2Generator(ec2, java.time.Clock.systemUTC(), seed);
                targets.put("ec2", eg.targetCount());
                tally.phase(serviceBudget, eg::next, ec2::refresh);
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        List<Service> services = new ArrayList<>();
        tally.counters.forEach((apiName, c) -> services.add(new Service(apiName.name().toLowerCase(
                java.util.Locale.ROOT), c.sent, c.statuses, c.leaks, c.slowestNanos, c.slowest,
                c.nanos / 1_000_000_000L)));
        Figures figures = new Figures(engine, seed, budget, serviceBudget, targets, services, tally.failures,
                tally.failureCount, rssBefore, rssKb(), seconds);
        report(figures);
        return figures;
    }

    /** One service's counts. */
    private static final class Counter {
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int sent;
        int leaks;
        long nanos;
        long slowestNanos;
        String slowest = "";
    }

    /** Sends requests and counts what comes back. */
    private static final class Tally {
        final Map<FuzzRequest.Api, RawClient> clients = new java.util.EnumMap<>(FuzzRequest.Api.class);
        final Map<FuzzRequest.Api, Counter> counters = new java.util.EnumMap<>(FuzzRequest.Api.class);
        final List<String> failures = new ArrayList<>();
        int failureCount;
        PrintWriter log;

        /** Sends {@code budget} requests of a generator, restoring the fixtures every so often. */
        void phase(int budget, java.util.function.Supplier<FuzzRequest> next, Runnable refresh) throws IOException {
            for (int i = 0; i < budget; i++) {
                if (i > 0 && i % REFRESH_EVERY == 0 && !refresh(refresh, i)) {
                    return;
                }
                send(next.get());
            }
        }

        /** Restores the fixtures; a failure ends the phase and is reported with the figures. */
        boolean refresh(Runnable refresh, int index) {
            try {
                refresh.run();
                return true;
            } catch (AssertionError | RuntimeException e) {
                failureCount++;
                failures.add("fixtures could not be restored before request #" + index + ": " + e.getMessage());
                return false;
            }
        }

        void send(FuzzRequest r) throws IOException {
            RawClient.Answer answer = clients.get(r.api()).send(r);
            Counter c = counters.computeIfAbsent(r.api(), k -> new Counter());
            c.sent++;
            c.nanos += answer.nanos();
            c.statuses.merge(answer.status(), 1, Integer::sum);
            if (log != null) {
                log.println(r.index() + "\t" + r.api() + "\t" + answer.status() + "\t" + answer.nanos() / 1_000_000
                        + "\t" + r.kind() + "\t" + r.target() + "\t" + r.summary());
            }
            if (answer.nanos() > c.slowestNanos) {
                c.slowestNanos = answer.nanos();
                c.slowest = r.summary() + " -> " + answer.status();
            }
            String leaked = r.unseen().stream().filter(answer.text()::contains).findFirst().orElse(null);
            if (leaked != null) {
                c.leaks++;
            }
            if (isFailure(answer.status()) || leaked != null) {
                failureCount++;
                if (failures.size() < MAX_FAILURES_KEPT) {
                    failures.add(r.describe() + "\n  => " + (leaked == null ? "" : "shows another project's "
                            + leaked + ": ") + FuzzRequest.cut(answer.text(), 1500));
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
