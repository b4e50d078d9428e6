package org.jnova.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Hostile requests against a real jnova on each database engine: every Compute API operation
 * of nova's OpenAPI description (routed or not) and every metadata path, with bad bodies,
 * query strings, headers and path ids ({@link RequestGenerator}). No answer may be a 5xx (but 501) or
 * missing, and none may take long. A fixed seed and a small budget here; bench/fuzz runs the
 * same generator with a larger one ({@code -Djnova.fuzz.seed}, {@code -Djnova.fuzz.budget}).
 */
class FuzzTest {
    static final long SEED = Long.getLong("jnova.fuzz.seed", 20261206L);
    static final int BUDGET = Integer.getInteger("jnova.fuzz.budget", 3000);
    /** Generous: a shared two-core machine under a database, not a latency goal. */
    static final long SLOWEST_MILLIS = Long.getLong("jnova.fuzz.slowest-ms", 10_000L);

    @EachEngine
    void noHostileRequestGetsA5xxOrStalls(String engine) throws Exception {
        Path instances = Files.createTempDirectory("jnova-fuzz-instances");
        String[] conf = new String[FuzzRun.CONF.length + 2];
        conf[0] = "[DEFAULT]";
        conf[1] = "instances_path = " + instances;
        System.arraycopy(FuzzRun.CONF, 0, conf, 2, FuzzRun.CONF.length);
        try (JnovaTestServer jnova = JnovaTestServer.start(engine, conf)) {
            FuzzRun.Figures figures = FuzzRun.run(jnova, engine, SEED, BUDGET);
            System.out.println(figures.summary());
            assertThat(figures.failures()).as("%d requests answered with a 5xx or not at all (seed %d); the first:",
                    figures.failureCount(), SEED).isEmpty();
            assertThat(figures.slowestNanos() / 1_000_000).as("slowest answer: %s", figures.slowest())
                    .isLessThanOrEqualTo(SLOWEST_MILLIS);
            assertThat(figures.sent()).isGreaterThan(BUDGET / 2);
        }
    }
}
