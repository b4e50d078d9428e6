package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.db.InstanceStore;
import org.jnova.db.ServerGroupStore;
import org.jnova.objects.InstanceFilter;
import org.jnova.objects.ServerGroup;

/** Server groups (os-server-groups): the groups and which of their members still exist. */
public final class ServerGroupsApi {
    private final ServerGroupStore groups;
    private final InstanceStore instances;

    public ServerGroupsApi(ServerGroupStore groups, InstanceStore instances) {
        this.groups = requireNonNull(groups, "groups is null");
        this.instances = requireNonNull(instances, "instances is null");
    }

    public ServerGroup create(String name, String userId, String projectId, String policy, Map<String, ?> rules) {
        return groups.create(name, userId, projectId, policy, rules);
    }

    public Optional<ServerGroup> get(String uuid) {
        return groups.get(uuid);
    }

    /** Groups of a project (null: every project), {@code offset} skipped, at most {@code limit}. */
    public List<ServerGroup> page(String projectId, int offset, int limit) {
        return groups.page(projectId, offset, limit);
    }

    public long count(String projectId) {
        return groups.count(projectId);
    }

    public long countForUser(String projectId, String userId) {
        return groups.countForUser(projectId, userId);
    }

    public boolean delete(String uuid) {
        return groups.delete(uuid);
    }

    /** Which of these instance uuids are still live instances. */
    public Set<String> liveMembers(List<String> uuids) {
        if (uuids.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        instances.listBare(InstanceFilter.builder().uuids(List.copyOf(uuids)).build()).forEach(i -> out.add(i.uuid()));
        return out;
    }

    public void addMembers(String groupUuid, List<String> instanceUuids) {
        groups.addMembers(groupUuid, instanceUuids);
    }

    public void removeMembers(String groupUuid, List<String> instanceUuids) {
        groups.removeMembers(groupUuid, instanceUuids);
    }

    /** How many of the group's members are live servers of {@code userId} (nova's server_group_members count). */
    public long liveMembersOf(String groupUuid, String userId) {
        List<String> members = groups.get(groupUuid).map(ServerGroup::members).orElse(List.of());
        if (members.isEmpty()) {
            return 0;
        }
        return instances.listBare(InstanceFilter.builder().uuids(members).userId(userId).deleted(false).build()).size();
    }

    /** The group a server belongs to, if any. */
    public Optional<ServerGroup> forInstance(String instanceUuid) {
        return groups.forInstance(instanceUuid);
    }
}
