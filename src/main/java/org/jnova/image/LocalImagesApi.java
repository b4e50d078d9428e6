package org.jnova.image;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.db.ImageStore;
import org.jnova.db.ProjectLock;
import org.jnova.db.Transactions;
import org.jnova.exception.NotFound;
import org.jnova.exception.OverQuota;
import org.jnova.objects.Image;

/**
 * The image service as nova sees it over jnova's built-in catalog (the default), with glance's
 * rules for who sees and who changes an image. An image not visible to the caller is not found; one visible but not the caller's own cannot be changed
 * ({@link ImageNotAuthorized}, glance's 403). Admins see and change every image.
 */
public final class LocalImagesApi implements ImagesApi {
    /** The pending status of a new member, as glance gives it. */
    public static final String PENDING = "pending";
    private final ImageStore store;
    private final Transactions mainDb;
    private final int imageLimit;

    /** @param imageLimit images a project may own; -1 unlimited (glance's default) */
    public LocalImagesApi(ImageStore store, Transactions mainDb, int imageLimit) {
        this.store = requireNonNull(store, "store is null");
        this.mainDb = requireNonNull(mainDb, "mainDb is null");
        this.imageLimit = imageLimit;
    }

    /** glance's default list for the caller (see {@link ImageStore#listVisible}). */
    @Override
    public List<Image> list(RequestContext ctx) {
        return store.listVisible(ctx.projectId().orElse(null), ctx.isAdmin());
    }

    /** The image when the caller may see it. */
    @Override
    public Optional<Image> find(RequestContext ctx, String id) {
        return store.get(id).filter(image -> visible(ctx, image));
    }

    /**
     * glance's is_image_visible: admins; images with no owner; public and community images;
     * the owner's; a shared image for its members, whatever their membership status.
     */
    public boolean visible(RequestContext ctx, Image image) {
        if (ctx.isAdmin() || image.owner() == null || Image.PUBLIC.equals(image.visibility())
                || Image.COMMUNITY.equals(image.visibility())) {
            return true;
        }
        Optional<String> project = ctx.projectId();
        if (project.isEmpty()) {
            return false;
        }
        if (project.get().equals(image.owner())) {
            return true;
        }
        return Image.SHARED.equals(image.visibility()) && store.memberStatus(image.id(), project.get()).isPresent();
    }

    /** Replaces an image's properties (glance's update with purge_props); owner or admin only. */
    @Override
    public Image setProperties(RequestContext ctx, String id, Map<String, String> properties) {
        checkMutable(ctx, get(ctx, id));
        if (!store.setProperties(id, properties)) {
            throw notFound(id);
        }
        return get(ctx, id);
    }

    /** Deletes an image; owner or admin only. */
    @Override
    public void delete(RequestContext ctx, String id) {
        checkMutable(ctx, get(ctx, id));
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    /** Changes an image's visibility; owner or admin, public only for an admin (glance's publicize_image). */
    @Override
    public Image setVisibility(RequestContext ctx, String id, String visibility) {
        if (!Image.VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("unknown visibility " + visibility);
        }
        checkMutable(ctx, get(ctx, id));
        if (Image.PUBLIC.equals(visibility) && !ctx.isAdmin()) {
            throw new ImageNotAuthorized(id);
        }
        if (!store.setVisibility(id, visibility)) {
            throw notFound(id);
        }
        return get(ctx, id);
    }

    /**
     * Records a server's snapshot (createImage, createBackup, shelve) as nova asks glance to:
     * owned by the caller's project; private when that is the server's project, else shared
     * with the server's project as a pending member (an admin's snapshot of another
     * project's server). Counts toward the owner's image limit.
     */
    @Override
    public Image createSnapshot(RequestContext ctx, String serverProject, Image queued) {
        String owner = ctx.requireProjectId();
        boolean own = owner.equals(serverProject);
        Image image = queued.owned(owner, own ? Image.PRIVATE : Image.SHARED);
        mainDb.inTransaction(tx -> {
            if (imageLimit >= 0) {
                ProjectLock.lock(tx, owner);
                if (store.countOwned(tx, owner) + 1 > imageLimit) {
                    throw new OverQuota("Quota exceeded for resources: ['images']");
                }
            }
            store.insertIfAbsent(tx, image);
            if (!own) {
                store.setMember(tx, image.id(), serverProject, PENDING);
            }
            return null;
        });
        return store.get(image.id()).orElse(image);
    }

    @Override
    public List<Image> listByProperties(RequestContext ctx, Map<String, String> properties) {
        return list(ctx).stream()
                .filter(image -> properties.entrySet().stream()
                        .allMatch(p -> p.getValue().equals(image.properties().get(p.getKey()))))
                .sorted(Comparator.comparing(Image::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Image::id).reversed())
                .toList();
    }

    /** The host's upload happens inside jnova: the catalog row changes status (no context needed). */
    @Override
    public void snapshotSaving(RequestContext ctx, String id) {
        store.updateStatus(id, "saving", null, Map.of());
    }

    @Override
    public void snapshotUploaded(RequestContext ctx, String id, long size, Map<String, String> properties) {
        store.updateStatus(id, "active", size, properties);
    }

    /** Adds an image to the catalog as it is (seed data, tests). */
    public void add(Image image) {
        store.insertIfAbsent(image);
    }

    /** glance's is_image_mutable: admins, and the owner's project. */
    private static void checkMutable(RequestContext ctx, Image image) {
        if (ctx.isAdmin()) {
            return;
        }
        if (image.owner() == null || !ctx.projectId().map(image.owner()::equals).orElse(false)) {
            throw new ImageNotAuthorized(image.id());
        }
    }

    private static NotFound notFound(String id) {
        return new NotFound("Image " + id + " could not be found.");
    }
}
