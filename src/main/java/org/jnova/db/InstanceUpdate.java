package org.jnova.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.objects.Flavor;

/**
 * Changes to one live instance, named field by field (nova's Instance.save of the changed
 * fields), optionally only while its task state is an expected one (nova's
 * {@code expected_task_state}). A field set to null is cleared; fields not set stay as they are.
 */
public final class InstanceUpdate {
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private List<String> expectedTaskStates;
    private boolean hostExpected;
    private String expectedHost;

    public InstanceUpdate vmState(String vmState) {
        return set("vm_state", vmState);
    }

    public InstanceUpdate taskState(String taskState) {
        return set("task_state", taskState);
    }

    public InstanceUpdate powerState(int powerState) {
        return set("power_state", powerState);
    }

    public InstanceUpdate host(String host) {
        return set("host", host);
    }

    public InstanceUpdate node(String node) {
        return set("node", node);
    }

    public InstanceUpdate launchedOn(String host) {
        return set("launched_on", host);
    }

    public InstanceUpdate availabilityZone(String zone) {
        return set("availability_zone", zone);
    }

    public InstanceUpdate launchedAt(Instant at) {
        return set("launched_at", at);
    }

    public InstanceUpdate progress(int percent) {
        return set("progress", percent);
    }

    public InstanceUpdate displayName(String name) {
        return set("display_name", name);
    }

    public InstanceUpdate displayDescription(String description) {
        return set("display_description", description);
    }

    public InstanceUpdate accessIpV4(String address) {
        return set("access_ip_v4", address);
    }

    public InstanceUpdate accessIpV6(String address) {
        return set("access_ip_v6", address);
    }

    public InstanceUpdate hostname(String hostname) {
        return set("hostname", hostname);
    }

    public InstanceUpdate locked(boolean locked) {
        return set("locked", locked);
    }

    public InstanceUpdate lockedBy(String owner) {
        return set("locked_by", owner);
    }

    public InstanceUpdate lockedReason(String reason) {
        return set("locked_reason", reason);
    }

    public InstanceUpdate imageRef(String imageId) {
        return set("image_ref", imageId);
    }

    public InstanceUpdate keyName(String name) {
        return set("key_name", name);
    }

    public InstanceUpdate keyData(String publicKey) {
        return set("key_data", publicKey);
    }

    public InstanceUpdate userData(String userData) {
        return set("user_data", userData);
    }

    /** Records whether the instance has a config drive (nova keeps "True" or empty). */
    public InstanceUpdate configDrive(String configDrive) {
        return set("config_drive", configDrive);
    }

    /** The instance's flavor and the sizes copied from it (nova's instance.flavor, for a resize). */
    public InstanceUpdate flavor(Flavor f) {
        set("instance_type_id", f.id());
        set("flavor", FlavorJson.write(f));
        set("memory_mb", f.memoryMb());
        set("vcpus", f.vcpus());
        set("root_gb", f.rootGb());
        return set("ephemeral_gb", f.ephemeralGb());
    }

    /** Applies the change only while the task state is {@code taskState} (null: none). */
    public InstanceUpdate expectTaskState(String taskState) {
        return expectTaskStates(Collections.singletonList(taskState));
    }

    /** Applies the change only while the task state is one of {@code taskStates} (null in it: none). */
    public InstanceUpdate expectTaskStates(Collection<String> taskStates) {
        this.expectedTaskStates = new ArrayList<>(taskStates);
        return this;
    }

    /**
     * Applies the change only while the instance has no host: the placement of a new
     * instance is written once even when two schedulers place it at the same time.
     */
    public InstanceUpdate expectNoHost() {
        return expectHost(null);
    }

    /**
     * Applies the change only while the instance is on {@code host} (null: on none): a host
     * starts a build only of an instance still placed on it, and a placement is withdrawn only
     * from the host it names.
     */
    public InstanceUpdate expectHost(String host) {
        this.hostExpected = true;
        this.expectedHost = host;
        return this;
    }

    boolean expectsHost() {
        return hostExpected;
    }

    /** The expected host when {@link #expectsHost()}; null: none. */
    String expectedHost() {
        return expectedHost;
    }

    Map<String, Object> columns() {
        return columns;
    }

    /** The expected task states, or null when the change is unconditional. */
    List<String> expectedTaskStates() {
        return expectedTaskStates;
    }

    private InstanceUpdate set(String column, Object value) {
        columns.put(column, value);
        return this;
    }
}
