package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jnova.context.RequestContext;
import org.jnova.db.TestDatabases;
import org.jnova.exception.Conflict;
import org.jnova.exception.NotFound;
import org.jnova.objects.Flavor;
import org.jnova.objects.Instance;
import org.jnova.objects.InstanceAction;
import org.jnova.objects.VmStates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComputeQueriesTest {
    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void seededFlavorsAreNovasClassicOnesAndFlavorManagementWorks(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "jnova_compute.seed_images",
                "70a599e0-31e7-49b7-b260-868f441e862b:fedora")) {
            var member = org.jnova.context.RequestContext.project("u1", "p1", List.of("member"), false, "req-1");
            assertThat(f.cloud.imagesApi().list(member)).extracting(org.jnova.objects.Image::name)
                    .contains("cirros", "fedora");
            assertThat(f.cloud.imagesApi().get(member, SeedData.CIRROS_IMAGE_ID).status()).isEqualTo("active");
            List<Flavor> all = f.cloud.flavors().list(true, null, null, null, null, true, null, null);
            assertThat(all).extracting(Flavor::flavorId).containsExactly("1", "2", "3", "4", "5");
            Flavor tiny = f.cloud.flavors().get("1");
            assertThat(tiny.name()).isEqualTo("m1.tiny");
            assertThat(tiny.memoryMb()).isEqualTo(512);
            assertThat(tiny.rootGb()).isEqualTo(1);
            assertThat(f.cloud.flavors().get("5").vcpus()).isEqualTo(8);
            assertThat(f.cloud.flavors().list(true, null, 4096, null, null, true, null, null))
                    .extracting(Flavor::flavorId).containsExactly("3", "4", "5");
            assertThat(f.cloud.flavors().list(true, null, null, null, "memory_mb", false, 2, "4"))
                    .extracting(Flavor::flavorId).containsExactly("3", "2");

            Flavor priv = f.cloud.flavors().create("secret", null, 256, 1, 0, 0, 0, 1.0, false, "hidden");
            assertThat(priv.flavorId()).hasSize(36);
            assertThatThrownBy(() -> f.cloud.flavors().create("secret", "x", 1, 1, 0, 0, 0, 1.0, true, null))
                    .isInstanceOf(Conflict.class).hasMessage("Flavor with name secret already exists.");
            assertThatThrownBy(() -> f.cloud.flavors().create("other", "1", 1, 1, 0, 0, 0, 1.0, true, null))
                    .isInstanceOf(Conflict.class).hasMessage("Flavor with ID 1 already exists.");
            assertThat(f.cloud.flavors().list(true, "p1", null, null, null, true, null, null)).hasSize(5);
            f.cloud.flavors().addAccess(priv.flavorId(), "p1");
            assertThat(f.cloud.flavors().list(true, "p1", null, null, null, true, null, null)).hasSize(6);
            assertThat(f.cloud.flavors().access(priv.flavorId())).containsExactly("p1");
            assertThat(f.cloud.flavors().putExtraSpecs(priv.flavorId(), Map.of("hw:cpu_policy", "dedicated")))
                    .containsEntry("hw:cpu_policy", "dedicated");
            f.cloud.flavors().deleteExtraSpec(priv.flavorId(), "hw:cpu_policy");
            assertThat(f.cloud.flavors().extraSpecs(priv.flavorId())).isEmpty();
            f.cloud.flavors().delete(priv.flavorId());
            assertThatThrownBy(() -> f.cloud.flavors().get(priv.flavorId())).isInstanceOf(NotFound.class)
                    .hasMessage("Flavor " + priv.flavorId() + " could not be found.");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void quotaLimitsComeFromUserProjectClassThenDefaults(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "quota.cores", "30")) {
            assertThat(f.cloud.quotas().limits("p1", null)).containsEntry("instances", 10).containsEntry("cores", 30)
                    .containsEntry("ram", 51200).containsEntry("key_pairs", 100);
            f.cloud.quotas().setClass("default", Map.of("instances", 20));
            f.cloud.quotas().set("p1", null, Map.of("ram", 1000));
            f.cloud.quotas().set("p1", "u1", Map.of("ram", 500));
            assertThat(f.cloud.quotas().limits("p1", null)).containsEntry("instances", 20).containsEntry("ram", 1000);
            assertThat(f.cloud.quotas().limits("p1", "u1")).containsEntry("ram", 500);
            assertThat(f.cloud.quotas().limits("p2", null)).containsEntry("ram", 51200);
            f.cloud.quotas().reset("p1", null);
            assertThat(f.cloud.quotas().limits("p1", "u1")).containsEntry("ram", 51200);
            assertThatThrownBy(() -> f.cloud.quotas().set("p1", null, Map.of("bogus", 1)))
                    .hasMessage("Bad key(s) bogus in quota_set");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void servicesHypervisorsZonesUsageAndActionsReflectTheCloud(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            f.addCompute("compute-1");
            f.addCompute("compute-2");
            RequestContext ctx = CloudFixture.user("p1");
            Instant before = Instant.now().minus(Duration.ofMinutes(1));
            var created = f.cloud.servers().create(ctx, ServerCreate.of("u", SeedData.CIRROS_IMAGE_ID, "2"));
            String uuid = created.instances().get(0).uuid();
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()));

            assertThat(f.cloud.servicesApi().list(null, null)).extracting(s -> s.service().binary())
                    .contains("nova-conductor", "nova-scheduler", "nova-compute");
            assertThat(f.cloud.servicesApi().list(null, "nova-compute")).hasSize(2)
                    .allSatisfy(s -> assertThat(s.up()).isTrue());
            var compute1 = f.cloud.servicesApi().list("compute-1", "nova-compute").get(0);
            var disabled = f.cloud.servicesApi().update(compute1.service().uuid(), true, "maintenance", true, null);
            assertThat(disabled.service().disabled()).isTrue();
            assertThat(disabled.service().disabledReason()).isEqualTo("maintenance");

            var hypervisors = f.cloud.servicesApi().hypervisors();
            assertThat(hypervisors).hasSize(2).allSatisfy(h -> {
                assertThat(h.node().hypervisorType()).isEqualTo("fake");
                assertThat(h.up()).isTrue();
            });
            assertThat(hypervisors.stream().mapToInt(h -> h.node().memoryMbUsed()).sum()).isEqualTo(2048);

            var zones = f.cloud.availabilityZones().zones(true);
            assertThat(zones).extracting(AvailabilityZonesApi.Zone::name).containsExactly("internal", "nova");
            assertThat(f.cloud.availabilityZones().zones(false)).extracting(AvailabilityZonesApi.Zone::name)
                    .containsExactly("nova");

            var usage = f.cloud.usage().usage("p1", before, Instant.now().plus(Duration.ofMinutes(1)));
            assertThat(usage).hasSize(1);
            assertThat(usage.get(0).servers()).hasSize(1);
            assertThat(usage.get(0).totalMemoryMbUsage()).isPositive();

            List<InstanceAction> actions = f.cloud.instanceActions().list(ctx, uuid, null, null);
            assertThat(actions).extracting(InstanceAction::action).containsExactly("create");
            assertThatThrownBy(() -> f.cloud.instanceActions().get(ctx, uuid, "req-nope"))
                    .hasMessage("Action req-nope on instance " + uuid + " not found");
            assertThatThrownBy(() -> f.cloud.servers().get(CloudFixture.user("p2"), uuid))
                    .hasMessage("Instance " + uuid + " could not be found.");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void metadataAndTagsChangeInPlaceAndCountAgainstQuota(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "quota.metadata_items", "3")) {
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("m", SeedData.CIRROS_IMAGE_ID, "1")
                    .withMetadata(Map.of("a", "1"))).instances().get(0).uuid();
            assertThat(f.cloud.serverMetadata().update(ctx, uuid, Map.of("b", "2", "a", "9"), false))
                    .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("a", "9", "b", "2")));
            assertThat(f.cloud.serverMetadata().update(ctx, uuid, Map.of("c", "3"), true)).containsOnlyKeys("c");
            assertThatThrownBy(() -> f.cloud.serverMetadata().update(ctx, uuid, Map.of("x", "1", "y", "2", "z", "3"),
                    false)).isInstanceOf(org.jnova.exception.OverQuota.class);
            f.cloud.serverMetadata().deleteItem(ctx, uuid, "c");
            assertThat(f.cloud.serverMetadata().metadata(ctx, uuid)).isEmpty();
            assertThatThrownBy(() -> f.cloud.serverMetadata().deleteItem(ctx, uuid, "c")).isInstanceOf(NotFound.class);
            assertThat(f.cloud.serverMetadata().addTag(ctx, uuid, "red")).isTrue();
            assertThat(f.cloud.serverMetadata().addTag(ctx, uuid, "red")).isFalse();
            assertThat(f.cloud.serverMetadata().replaceTags(ctx, uuid, List.of("x", "y"))).containsExactly("x", "y");
            f.cloud.serverMetadata().deleteTag(ctx, uuid, "x");
            Instance after = f.cloud.servers().get(ctx, uuid);
            assertThat(after.tags()).containsExactly("y");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void withReclaimIntervalDeleteSoftDeletesAndRestoreBringsItBack(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "reclaim_instance_interval", "3600")) {
            f.addCompute("compute-1");
            RequestContext ctx = CloudFixture.user("p1");
            String uuid = f.cloud.servers().create(ctx, ServerCreate.of("s", SeedData.CIRROS_IMAGE_ID, "1"))
                    .instances().get(0).uuid();
            f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState()));
            f.cloud.servers().delete(ctx, uuid);
            Instance soft = f.await(ctx, List.of(uuid), i -> VmStates.SOFT_DELETED.equals(i.vmState())).get(0);
            assertThat(soft.vmState()).isEqualTo(VmStates.SOFT_DELETED);
            assertThat(soft.deleted()).isFalse();
            f.cloud.servers().restore(ctx, uuid);
            Instance back = f.await(ctx, List.of(uuid), i -> VmStates.ACTIVE.equals(i.vmState())).get(0);
            assertThat(back.vmState()).isEqualTo(VmStates.ACTIVE);
            // as nova: forceDelete takes any vm_state and is recorded as "delete"
            f.cloud.servers().forceDelete(ctx, uuid);
            assertThat(f.cloud.instanceActions().list(ctx, uuid, null, null)).extracting(InstanceAction::action)
                    .containsExactlyInAnyOrder("create", "delete", "restore", "delete");
        }
    }
}
