package org.jnova.compute.manager;

import static java.util.Objects.requireNonNull;

import org.jnova.compute.rpcapi.ComputeMessage;
import org.jnova.compute.rpcapi.ComputeMessage.AllowShare;
import org.jnova.compute.rpcapi.ComputeMessage.DenyShare;
import org.jnova.db.ShareMappingStore;
import org.jnova.objects.ShareMapping;

/**
 * The share work of a compute host, as nova's manager: allow_share grants the server access
 * (the mapping goes from attaching to inactive), deny_share revokes it and deletes the mapping,
 * each as a "compute_&lt;method&gt;" event. Starting a server mounts its shares (active),
 * stopping it unmounts them (inactive), deleting it drops them. The built-in share catalog
 * needs no access rules, and the fake driver mounts nothing.
 */
public final class ShareOperations {
    private final ShareMappingStore mappings;
    private final InstanceActionEvents events;

    public ShareOperations(ShareMappingStore mappings, InstanceActionEvents events) {
        this.mappings = requireNonNull(mappings, "mappings is null");
        this.events = requireNonNull(events, "events is null");
    }

    void handle(ComputeMessage.Shares message) {
        switch (message) {
            case AllowShare m -> events.run(m.instanceUuid(), m.requestId(), "compute_allow_share",
                    InstanceActionEvents.OnFailure.EVENT_ONLY,
                    () -> mappings.changeStatus(m.shareMappingUuid(), ShareMapping.ATTACHING, ShareMapping.INACTIVE));
            case DenyShare m -> events.run(m.instanceUuid(), m.requestId(), "compute_deny_share",
                    InstanceActionEvents.OnFailure.EVENT_ONLY, () -> mappings.delete(m.shareMappingUuid()));
        }
    }

    /** nova's _power_on: the shares are mounted, then marked active. */
    void mounted(String instanceUuid) {
        mark(instanceUuid, ShareMapping.ACTIVE);
    }

    /** nova's _power_off_instance: the shares are deactivated and unmounted. */
    void unmounted(String instanceUuid) {
        mark(instanceUuid, ShareMapping.INACTIVE);
    }

    /** Shares still being attached or detached are left to their allow_share or deny_share. */
    private void mark(String instanceUuid, String status) {
        for (ShareMapping m : mappings.list(instanceUuid)) {
            if (!m.status().equals(status) && !ShareMapping.ATTACHING.equals(m.status())
                    && !ShareMapping.DETACHING.equals(m.status())) {
                mappings.changeStatus(m.uuid(), m.status(), status);
            }
        }
    }

    /** nova's _shutdown_instance: each share is unmounted and denied, its mapping deleted. */
    void forget(String instanceUuid) {
        mappings.deleteForInstance(instanceUuid);
    }
}
