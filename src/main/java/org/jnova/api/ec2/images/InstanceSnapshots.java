package org.jnova.api.ec2.images;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Request;
import org.jnova.api.ec2.protocol.InstanceLookup;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.ec2.Ec2Ids;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;
import org.jnova.policy.Enforcer;

/**
 * CreateImage: the compute API's createImage of the instance (a snapshot image filled by its
 * host, or, for a volume-backed instance, snapshots of its volumes listed by an image), with
 * its rules ({@code servers:create_image}, {@code create_image:allow_volume_backed}). Unless
 * {@code NoReboot=true}, as nova's EC2 API did, a running instance is stopped first and started
 * again once the snapshot is taken (this waits for each step, at most an hour as nova did); an
 * instance neither running nor stopped is {@code IncorrectInstanceState}.
 */
final class InstanceSnapshots {
    private static final Duration STATE_TIMEOUT = Duration.ofHours(1);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final String RULES = "os_compute_api:servers:";

    private final ServersApi servers;
    private final ServerActionsApi serverActions;
    private final Ec2Ids ids;
    private final Enforcer enforcer;
    private final ImageLookup lookup;
    private final ImageNames names;

    InstanceSnapshots(ServersApi servers, ServerActionsApi serverActions, Ec2Ids ids, Enforcer enforcer,
            ImageLookup lookup, ImageNames names) {
        this.servers = requireNonNull(servers, "servers is null");
        this.serverActions = requireNonNull(serverActions, "serverActions is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.enforcer = requireNonNull(enforcer, "enforcer is null");
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.names = requireNonNull(names, "names is null");
    }

    Map<String, ?> create(Ec2Request call) {
        RequestContext ctx = call.context();
        String ec2Id = call.required("InstanceId");
        call.params().keySet().stream().filter(k -> k.startsWith("BlockDeviceMapping.")
                || k.startsWith("TagSpecification.")).findFirst().ifPresent(k -> {
                    throw Ec2Error.client("UnsupportedOperation", "The parameter " + k + " is not supported.");
                });
        boolean noReboot = call.bool("NoReboot").orElse(false);
        Instance instance = instance(ctx, ec2Id);
        Map<String, Object> target = Map.of("project_id", instance.projectId());
        enforcer.authorize(ctx, RULES + "create_image", target);
        if (serverActions.isVolumeBacked(instance)) {
            enforcer.authorize(ctx, RULES + "create_image:allow_volume_backed", target);
        }
        String name = call.param("Name").orElse(null);
        if (name != null) {
            names.check(ctx, name);
        } else {
            name = "image of " + instance.uuid() + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        call.param("Description").ifPresent(d -> properties.put("description", d));

        boolean restart = false;
        if (!noReboot) {
            String state = instance.vmState();
            if (!VmStates.ACTIVE.equals(state) && !VmStates.STOPPED.equals(state)) {
                throw notRunning(ec2Id);
            }
            if (VmStates.ACTIVE.equals(state)) {
                enforcer.authorize(ctx, RULES + "stop", target);
                enforcer.authorize(ctx, RULES + "start", target);
                servers.stop(ctx, instance.uuid());
                restart = true;
                if (!VmStates.STOPPED.equals(settled(ctx, instance.uuid(), ec2Id).vmState())) {
                    throw notRunning(ec2Id);
                }
            }
        }
        Image image;
        try {
            image = serverActions.createImage(ctx, instance.uuid(), name, properties);
            if (restart) {
                settled(ctx, instance.uuid(), ec2Id);
            }
        } catch (RuntimeException e) {
            if (restart) {
                startQuietly(ctx, instance.uuid(), e);
            }
            throw e;
        }
        if (restart) {
            servers.start(ctx, instance.uuid());
        }
        return Map.of("imageId", lookup.ec2Id(image));
    }

    /** The instance once no task is under way (nova polled the same way). */
    private Instance settled(RequestContext ctx, String uuid, String ec2Id) {
        long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
        while (true) {
            Instance now = servers.get(ctx, uuid);
            if (now.taskState() == null) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new Ec2Error(500, "InternalError", "Instance " + ec2Id + " did not finish its task within 1 "
                        + "hour. Current vm_state: " + now.vmState() + ", current task_state: " + now.taskState());
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Ec2Error(500, "InternalError", "Interrupted while waiting for instance " + ec2Id);
            }
        }
    }

    /** Starts the instance this call stopped, when the snapshot failed; the snapshot's error is what is answered. */
    private void startQuietly(RequestContext ctx, String uuid, RuntimeException cause) {
        try {
            servers.start(ctx, uuid);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private Instance instance(RequestContext ctx, String ec2Id) {
        return InstanceLookup.find(servers, ids, ctx, ec2Id);
    }

    private static Ec2Error notRunning(String ec2Id) {
        return Ec2Error.client("IncorrectInstanceState", "Instance " + ec2Id + " is not running.");
    }
}
