package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerStatusTest {
    @Test
    void statusFollowsVmStateUnlessTheTaskNamesAnother() {
        assertThat(ServerStatus.of("building", "scheduling")).isEqualTo("BUILD");
        assertThat(ServerStatus.of("active", null)).isEqualTo("ACTIVE");
        assertThat(ServerStatus.of("active", "rebooting_hard")).isEqualTo("HARD_REBOOT");
        assertThat(ServerStatus.of("active", "powering-off")).isEqualTo("ACTIVE");
        assertThat(ServerStatus.of("stopped", null)).isEqualTo("SHUTOFF");
        assertThat(ServerStatus.of("soft-delete", null)).isEqualTo("SOFT_DELETED");
        assertThat(ServerStatus.of("error", "rebuilding")).isEqualTo("REBUILD");
        assertThat(ServerStatus.of("nonsense", null)).isEqualTo("UNKNOWN");
    }

    @Test
    void statusFilterMapsBackToStates() {
        ServerStatus.Filter active = ServerStatus.filterFor(List.of("ACTIVE"));
        assertThat(active.vmStates()).containsExactly("active");
        assertThat(active.filtersTaskState()).isFalse();
        ServerStatus.Filter reboot = ServerStatus.filterFor(List.of("reboot"));
        assertThat(reboot.vmStates()).containsExactly("active");
        assertThat(reboot.taskStates()).containsExactlyInAnyOrder("rebooting", "reboot_pending", "reboot_started");
        assertThat(reboot.filtersTaskState()).isTrue();
    }
}
