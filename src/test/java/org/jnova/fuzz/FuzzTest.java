package org.jnova.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jnova.testing.EachEngine;
import org.jnova.testing.JnovaTestServer;

/**
 * Hostile requests against a real jnova on each database engine: every Compute API operation
 * of nova's OpenAPI description (routed or not) and every metadata path, with bad bodies,
 * query strings, headers and path ids ({@link RequestGenerator}); then every Identity v3
 * operation of Keystone's description ({@link IdentityGenerator}), every Image v2 route
 * ({@link ImageGenerator}) and every EC2 action ({@link Ec2Generator}). No answer may be a 5xx
 * (but 501) or missing, none may show a member another project's data, and none may take
 * long. A fixed seed and small budgets here; bench/fuzz runs the same generators with larger
 * ones ({@code -Djnova.fuzz.seed}, {@code -Djnova.fuzz.budget}, {@code -Djnova.fuzz.service-budget}).
 */
class FuzzTest {
    static final long SEED = Long.getLong("jnova.fuzz.seed", 20261206L);
    static final int BUDGET = Integer.getInteger("jnova.fuzz.budget", 3000);
    /** Requests to each of Identity v3, Image v2 and EC2. */
    static final int SERVICE_BUDGET = Integer.getInteger("jnova.fuzz.service-budget", 300);
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
            FuzzRun.Figures figures = FuzzRun.run(jnova, engine, SEED, BUDGET, SERVICE_BUDGET);
            System.out.println(figures.summary());
            assertThat(figures.failures()).as("%d requests answered with a 5xx, not at all or with another "
                    + "project's data (seed %d); the first:",
                    figures.failureCount(), SEED).isEmpty();
            assertThat(figures.slowestNanos() / 1_000_000).as("slowest answer: %s", figures.slowest())
                    .isLessThanOrEqualTo(SLOWEST_MILLIS);
            assertThat(figures.sent()).isGreaterThan(BUDGET / 2 + 3 * SERVICE_BUDGET / 2);
        }
    }
}
