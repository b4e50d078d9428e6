package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nova's check_num_instances_quota, with the answers nova-ref gave for the same limits. */
class InstanceHeadroomTest {
    private static InstanceHeadroom.Level level(int instances, int cores, int ram, long... used) {
        return new InstanceHeadroom.Level(Map.of("instances", instances, "cores", cores, "ram", ram),
                used.length == 0 ? new long[] {0, 0, 0} : used);
    }

    private static long allowed(InstanceHeadroom.Level project, long min, long max, int vcpus, int ram) {
        return InstanceHeadroom.allowed(List.of(project, project), min, max, vcpus, ram);
    }

    @Test
    void theHeadroomGivesTheCountInOneStep() {
        assertThat(allowed(level(10, 20, 51200), 1, 2_000_000_000L, 1, 512)).isEqualTo(10);
        assertThat(allowed(level(10, 20, 51200), 2, 99, 2, 4096)).isEqualTo(10); // cores: 20 / 2
        assertThat(allowed(level(10, 20, 51200), 1, 9, 8, 16384)).isEqualTo(2); // cores 20 / 8, ram 51200 / 16384
        assertThat(allowed(level(-1, -1, -1), 1, Long.MAX_VALUE, 1, 512)).isEqualTo(Long.MAX_VALUE);
        assertThat(allowed(level(5, -1, -1), 1, 10, 1, 512)).isEqualTo(5); // unlimited cores follow instances
        assertThat(allowed(level(10, 20, 51200, 4, 4, 2048), 1, 100, 1, 512)).isEqualTo(6);
    }

    @Test
    void fewerThanMinCountIsNovasMessage() {
        assertThatThrownBy(() -> allowed(level(10, 20, 51200), 11, 2_000_000_000L, 1, 512))
                .hasMessage("Quota exceeded for cores, instances, ram: Requested 2000000000, 11-2000000000, "
                        + "1024000000000, but already used 0, 0, 0 of 20, 10, 51200 cores, instances, ram");
        assertThatThrownBy(() -> allowed(level(10, 20, 51200, 10, 10, 5120), 1, 5, 1, 512))
                .hasMessage("Quota exceeded for instances: Requested 1-5, but already used 10 of 10 instances");
        assertThatThrownBy(() -> allowed(level(5, -1, -1), 6, 10, 1, 512))
                .hasMessage("Quota exceeded for instances: Requested 6-10, but already used 0 of 5 instances");
        // nova: with unlimited instances, a cores limit exceeded allows nothing at all
        assertThatThrownBy(() -> allowed(level(-1, 3, -1), 1, 10, 1, 512))
                .hasMessage("Quota exceeded for cores: Requested 10, but already used 0 of 3 cores");
        assertThatThrownBy(() -> allowed(level(-1, -1, 2000), 1, 10, 1, 512))
                .hasMessage("Quota exceeded for ram: Requested 5120, but already used 0 of 2000 ram");
        assertThatThrownBy(() -> allowed(level(10, 20, 51200), Long.MAX_VALUE, Long.MAX_VALUE, 1, 512))
                .hasMessage("Quota exceeded for cores, instances, ram: Requested 9223372036854775807, "
                        + "9223372036854775807, 4722366482869645213184, but already used 0, 0, 0 of 20, 10, 51200 "
                        + "cores, instances, ram");
    }

    @Test
    void theUsersLimitsAreCheckedAfterTheProjects() {
        var project = level(10, 20, 51200, 2, 2, 1024);
        var user = level(3, 20, 51200, 1, 1, 512);
        assertThat(InstanceHeadroom.allowed(List.of(project, user), 1, 10, 1, 512)).isEqualTo(2);
        assertThatThrownBy(() -> InstanceHeadroom.allowed(List.of(project, user), 3, 10, 1, 512))
                // as nova's recursive check: the second look is at the count the first one allowed
                .hasMessage("Quota exceeded for instances: Requested 3-8, but already used 1 of 3 instances");
    }
}
