package org.jnova.compute;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildInstance;
import org.jnova.compute.rpcapi.ComputeRpcApi;
import org.jnova.context.RequestContext;
import org.jnova.db.ActionStore;
import org.jnova.db.InstanceStore;
import org.jnova.db.InstanceUpdate;
import org.jnova.db.KeyPairStore;
import org.jnova.db.Transactions;
import org.jnova.exception.Invalid;
import org.jnova.image.ImagesApi;
import org.jnova.objects.BlockDeviceMapping;
import org.jnova.objects.Volume;
import org.jnova.volume.VolumeApi;
import java.util.Optional;
import org.jnova.objects.Instance;
import org.jnova.objects.KeyPair;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/**
 * rebuild of nova's compute API: the server gets a new image (and optionally a new name,
 * metadata, key, user data, hostname, access IPs, description) and is re-spawned on its
 * host, keeping its vm_state (ERROR becomes ACTIVE).
 */
public final class RebuildApi {
    private final ServerTransitions transitions;
    private final InstanceStore instances;
    private final Transactions mainDb;
    private final ImagesApi images;
    private final KeyPairStore keyPairs;
    private final ActionStore actions;
    private final Quotas quotas;
    private final ComputeRpcApi computeRpc;

    /**
     * What to change; null fields stay as they are except where a {@code set...} flag says
     * the request named the field (key_name and user_data may be reset to null).
     */
    public record Rebuild(String imageRef, String name, Map<String, String> metadata, boolean preserveEphemeral,
            boolean setKeyName, String keyName, boolean setUserData, String userData, String hostname,
            String accessIpV4, String accessIpV6, boolean setDescription, String description,
            boolean reimageBootVolume, Boolean autoDiskConfig, String adminPassword) {
    }

    private final RootVolumes rootVolumes;
    private final VolumeApi volumes;

    public RebuildApi(ServersApi servers, InstanceStore instances, Transactions mainDb, ImagesApi images,
            KeyPairStore keyPairs, ActionStore actions, Quotas quotas, ComputeRpcApi computeRpc,
            RootVolumes rootVolumes, VolumeApi volumes) {
        this.rootVolumes = requireNonNull(rootVolumes, "rootVolumes is null");
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.transitions = new ServerTransitions(servers, instances, mainDb, actions);
        this.instances = requireNonNull(instances, "instances is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.images = requireNonNull(images, "images is null");
        this.keyPairs = requireNonNull(keyPairs, "keyPairs is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.computeRpc = requireNonNull(computeRpc, "computeRpc is null");
    }

    /** Starts the rebuild and returns the server as it was when the rebuild was recorded (task rebuilding). */
    public Instance rebuild(RequestContext ctx, String uuid, Rebuild r) {
        Instance i = transitions.checked(ctx, uuid, "rebuild", Set.of(VmStates.ACTIVE, VmStates.STOPPED,
                VmStates.ERROR));
        var image = images.find(ctx, r.imageRef()).orElseThrow(() -> new Invalid("Cannot find image for rebuild"));
        if (!"active".equals(image.status())) {
            throw new Invalid("Image " + image.id() + " is not active.");
        }
        Optional<BlockDeviceMapping> rootVolume = rootVolumes.rootVolume(i);
        Volume bootVolume = rootVolume.map(b -> volumes.get(ctx, b.volumeId())).orElse(null);
        boolean reimage = bootVolume != null && !image.id().equals(bootVolume.imageId());
        if (reimage && !r.reimageBootVolume()) {
            throw new Invalid("Image " + image.id() + " is unacceptable: Unable to rebuild with a different image "
                    + "for a volume-backed server.");
        }
        Map<String, String> diskConfig = AutoDiskConfig.systemMetadata(r.autoDiskConfig(), image);
        KeyPair key = null;
        if (r.setKeyName() && r.keyName() != null) {
            key = keyPairs.get(ctx.userId(), r.keyName()).orElseThrow(() -> new Invalid("Invalid key_name provided."));
        }
        if (r.metadata() != null) {
            int limit = quotas.limits(i.projectId(), i.userId()).get("metadata_items");
            if (limit >= 0 && r.metadata().size() > limit) {
                throw new ComputeErrors.MetadataLimitExceeded(limit);
            }
        }
        InstanceUpdate cols = new InstanceUpdate();
        if (bootVolume == null) {
            cols.imageRef(image.id()); // an empty image_ref marks a volume-backed server, kept over a rebuild
        } else if (reimage) {
            volumes.reimage(ctx, bootVolume.id(), image.id());
        }
        cols.taskState(TaskStates.REBUILDING);
        cols.progress(0);
        if (r.name() != null) {
            cols.displayName(r.name());
        }
        if (r.setKeyName()) {
            cols.keyName(key == null ? null : key.name());
            cols.keyData(key == null ? null : key.publicKey());
        }
        if (r.setUserData()) {
            cols.userData(r.userData());
        }
        if (r.hostname() != null) {
            cols.hostname(r.hostname());
        }
        if (r.accessIpV4() != null) {
            cols.accessIpV4(r.accessIpV4());
        }
        if (r.accessIpV6() != null) {
            cols.accessIpV6(ServersApi.accessIpV6(r.accessIpV6()));
        }
        if (r.setDescription()) {
            cols.displayDescription(r.description());
        }
        Instance updated = mainDb.inTransaction(tx -> {
            ExpectedTaskState.update(instances, tx, i, cols, null, "rebuild");
            if (r.metadata() != null) {
                instances.children().updateMetadata(tx, i.uuid(), r.metadata(), true, false);
            }
            for (String old : i.systemMetadata().keySet()) {
                if (old.startsWith(ImageSystemMetadata.PREFIX)) {
                    instances.children().deleteMetadata(tx, i.uuid(), old, true);
                }
            }
            instances.children().updateMetadata(tx, i.uuid(), ImageSystemMetadata.of(image), false, true);
            instances.children().updateMetadata(tx, i.uuid(), diskConfig, false, true);
            actions.start(tx, i.uuid(), "rebuild", ctx.requestId(), ctx.userId(), ctx.requireProjectId());
            computeRpc.cast(tx, i.host(), new RebuildInstance(i.uuid(), ctx.requestId(), r.preserveEphemeral(),
                    r.adminPassword()));
            return instances.get(tx, i.uuid(), false).orElseThrow(() -> new ComputeErrors.InstanceNotFound(uuid));
        });
        return updated;
    }
}
