package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jnova.objects.InstanceFilter;
import org.jnova.db.TestDatabases;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListAtScaleTest {
    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void listingAThousandServersWithTheirMetadataIsCheap(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            Flavor tiny = f.cloud.flavors().get("1");
            f.dbs.main().inTransaction(tx -> {
                for (int n = 0; n < 1000; n++) {
                    f.cloud.instances().insert(tx, new Instance(0, UUID.randomUUID().toString(), "", "s" + n, null,
                            "s" + n, "p1", "u1", "active", null, 1, tiny, SeedData.CIRROS_IMAGE_ID, "h", "h", "nova",
                            null, null, false, null, null, null, null, "", null, "r-1", n, 0, "/dev/vda", null, null,
                            null, null, null, false, Map.of("k", "v" + n), Map.of(), List.of("t"), List.of(),
                            Optional.empty()));
                }
                return null;
            });
            f.cloud.servers().list(CloudFixture.admin(), InstanceFilter.project("p1"), List.of(), null, null); // warm
            long start = System.nanoTime();
            List<Instance> all = f.cloud.servers().list(CloudFixture.admin(), InstanceFilter.project("p1"), List.of(),
                    null, null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(all).hasSize(1000).allSatisfy(i -> {
                assertThat(i.metadata()).containsKey("k");
                assertThat(i.tags()).containsExactly("t");
            });
            // nova-ref takes about 2 s for this; a constant number of queries keeps us far below
            assertThat(took).isLessThan(Duration.ofMillis(1500));
        }
    }
}
