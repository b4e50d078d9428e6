package org.jnova.conductor.rpcapi;

import org.jnova.context.RequestContext;

import java.util.List;
import org.jnova.objects.Flavor;

/**
 * The messages the conductor receives on topic "conductor" (nova's compute task API), one
 * record each; {@link ConductorMessageCodec} maps them to and from the wire. {@code userId} and
 * {@code projectId} are the requester's, recorded on the migrations the conductor makes;
 * {@code host} is a requested destination (null: the scheduler picks).
 */
public sealed interface ConductorMessage {
    String requestId();

    /** A message answered with a result of type {@code R}. */
    sealed interface Call<R> extends ConductorMessage {
    }

    /** Schedule each new server and have the chosen host build it. */
    record BuildInstances(List<String> instanceUuids, String requestId) implements ConductorMessage {
        public BuildInstances {
            instanceUuids = List.copyOf(instanceUuids);
        }
    }

    /** Resize ({@code migrationType} "resize") or cold migrate ("migrate") to a host the scheduler picks. */
    record MigrateServer(String instanceUuid, String requestId, Flavor flavor, String migrationType, String userId,
            String projectId, String host) implements ConductorMessage {
    }

    /** Answered with nova's error text when the server cannot go, else null. */
    record LiveMigrateInstance(String instanceUuid, String requestId, String userId, String projectId, String host)
            implements Call<String> {
    }

    /**
     * Rebuild a server of a down host elsewhere, in {@code targetState}, under the API's
     * migration record; {@code newPass} (nullable) is the admin password the rebuilt guest gets.
     */
    record EvacuateInstance(String instanceUuid, String requestId, String userId, String projectId, String host,
            String migrationUuid, String targetState, String newPass) implements ConductorMessage {
        public EvacuateInstance(String instanceUuid, String requestId, String userId, String projectId, String host,
                String migrationUuid, String targetState) {
            this(instanceUuid, requestId, userId, projectId, host, migrationUuid, targetState, null);
        }
    }

    record UnshelveInstance(String instanceUuid, String requestId, String host, RequestContext context)
            implements ConductorMessage {
    }
}
