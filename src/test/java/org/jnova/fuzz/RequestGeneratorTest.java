package org.jnova.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jnova.testing.OpenApiConformance;
import org.junit.jupiter.api.Test;

/** The generator without a server: what it covers, and that a seed fixes the sequence. */
class RequestGeneratorTest {
    private static final ApiOperations API = ApiOperations.load(OpenApiConformance.DEFAULT_FILE);
    private static final List<String> METADATA = MetadataTargets.read(MetadataTargets.DEFAULT_FILE);

    /** Ids that are the same on every call. */
    private static final FixtureIds FIXED = new FixtureIds() {
        @Override
        public String id(String collection, FuzzFixtures.Owner o) {
            return collection + "-" + o;
        }

        @Override
        public String hint(String field) {
            return null;
        }
    };

    private static List<String> sequence(long seed, int n) {
        return FuzzRequest.describeNext(new RequestGenerator(API, METADATA, FIXED, "2.96", seed)::next, n);
    }

    @Test
    void theSameSeedMakesTheSameRequests() {
        assertThat(sequence(42, 1500)).isEqualTo(sequence(42, 1500));
        assertThat(sequence(43, 1500)).isNotEqualTo(sequence(42, 1500));
    }

    @Test
    void oneRoundAimsAtEveryOperationAndMetadataPath() {
        assertThat(API.distinctOperations()).isEqualTo(209);
        assertThat(METADATA).contains("GET /openstack/{os}/meta_data.json", "GET /{ec2}/meta-data/instance-id",
                "POST /openstack/{os}/password");
        RequestGenerator g = new RequestGenerator(API, METADATA, FIXED, "2.96", 1);
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < g.targetCount(); i++) {
            FuzzRequest r = g.next();
            targets.add(r.target().replaceFirst(" (as|of) .*", ""));
        }
        Set<String> expected = new HashSet<>(METADATA);
        API.operations().forEach(op -> expected.add(op.label()));
        assertThat(targets).isEqualTo(expected);
        assertThat(g.targetCount()).isEqualTo(API.operations().size() + METADATA.size());
    }

    @Test
    void everyKindOfHostilityIsMade() {
        Set<String> kinds = new HashSet<>();
        RequestGenerator g = new RequestGenerator(API, METADATA, FIXED, "2.96", 5);
        for (int i = 0; i < 20_000; i++) {
            kinds.add(g.next().kind());
        }
        for (String mutation : BodyFuzzer.MUTATIONS) {
            assertThat(kinds).contains("body:" + mutation);
        }
        assertThat(kinds).contains("query:int", "query:date", "query:regex", "query:marker", "query:sort-key",
                "query:sort-dir", "query:repeat", "query:unknown", "header:microversion", "header:content-type",
                "header:accept", "header:token", "header:proxy", "header:chunked", "path:junk-id",
                "path:other-project", "md:proxy:bad-signature", "md:proxy:provider", "md:password");
    }
}
