package org.jnova.image;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jnova.context.RequestContext;
import org.jnova.db.GlanceImageStore;
import org.jnova.db.ImageMemberStore;
import org.jnova.db.ImageStore;
import org.jnova.objects.GlanceImage;
import org.jnova.objects.Image;

/**
 * glance's Image v2 over jnova's catalog: the images the compute API shows, with glance's
 * defaults (queued, visibility shared), who sees what ({@link LocalImagesApi#visible}), who
 * changes what (owner or admin), JSON-patch updates and the image data in {@link ImageFiles}.
 */
public final class GlanceImagesApi {
    /** glance's import lock: the property naming the import task working on an image. */
    static final String IMPORT_TASK = "os_glance_import_task";
    private final GlanceImageStore store;
    private final ImageStore images;
    private final LocalImagesApi visibility;
    private final ImageFiles files;
    private final ImageMemberStore members;
    private final long sizeCap;
    private final Clock clock;
    private final Executor imports;

    public GlanceImagesApi(GlanceImageStore store, ImageStore images, ImageMemberStore members,
            LocalImagesApi visibility,
            ImageFiles files, long sizeCap, Clock clock, Executor imports) {
        this.imports = requireNonNull(imports, "imports is null");
        this.members = requireNonNull(members, "members is null");
        this.store = requireNonNull(store, "store is null");
        this.images = requireNonNull(images, "images is null");
        this.visibility = requireNonNull(visibility, "visibility is null");
        this.files = requireNonNull(files, "files is null");
        this.sizeCap = sizeCap;
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** One page of a list and the marker of the next page, if the page is full. */
    public record Page(List<GlanceImage> images, Optional<String> nextMarker) {
    }

    public GlanceImage get(RequestContext ctx, String id) {
        return store.get(id).filter(g -> visibility.visible(ctx, g.image())).orElseThrow(() -> GlanceError.notFound(id));
    }

    public Page list(RequestContext ctx, ImageQuery query) {
        String visibilityFilter = query.filters().get("visibility");
        if (visibilityFilter != null && !"all".equals(visibilityFilter)
                && !Image.VISIBILITIES.contains(visibilityFilter)) {
            throw GlanceError.badRequest("Invalid visibility value: " + visibilityFilter);
        }
        Comparator<GlanceImage> order = ImageOrder.of(query.sortKeys(), query.sortDirs());
        java.util.function.Predicate<GlanceImage> filters = ImageFilters.of(query.filters());
        List<GlanceImage> all = new ArrayList<>();
        Map<String, String> memberships = ctx.isAdmin() || ctx.projectId().isEmpty() ? Map.of()
                : members.statusesOf(ctx.projectId().get());
        for (GlanceImage g : store.list()) {
            if (listed(ctx, g.image(), visibilityFilter, query.memberStatus(), memberships) && filters.test(g)
                    && g.tags().containsAll(query.tags())) {
                all.add(g);
            }
        }
        all.sort(order);
        int start = 0;
        if (query.marker() != null) {
            GlanceImage marker = store.get(query.marker()).filter(g -> visibility.visible(ctx, g.image()))
                    .orElseThrow(() -> GlanceError.badRequest("No image found with ID " + query.marker()));
            while (start < all.size() && order.compare(all.get(start), marker) <= 0) {
                start++;
            }
        }
        List<GlanceImage> page = all.subList(start, Math.min(all.size(), start + query.limit()));
        Optional<String> next = !page.isEmpty() && page.size() == query.limit()
                ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty();
        return new Page(List.copyOf(page), next);
    }

    /**
     * glance's list: public and community images, the caller's own and the shared images it is
     * a member of with {@code memberStatus} ("all": any); an admin, every image. Without a
     * visibility filter community images only when they are the caller's; with one, only that
     * visibility ("all": any).
     */
    private static boolean listed(RequestContext ctx, Image image, String visibilityFilter, String memberStatus,
            Map<String, String> memberships) {
        String project = ctx.projectId().orElse(null);
        boolean own = project != null && project.equals(image.owner());
        boolean reachable = ctx.isAdmin() || switch (image.visibility()) {
            case Image.PUBLIC, Image.COMMUNITY -> true;
            case Image.SHARED -> own || Optional.ofNullable(memberships.get(image.id()))
                    .filter(s -> "all".equals(memberStatus) || s.equals(memberStatus)).isPresent();
            default -> own;
        };
        if (!reachable) {
            return false;
        }
        if (visibilityFilter == null) {
            return !Image.COMMUNITY.equals(image.visibility()) || own;
        }
        return "all".equals(visibilityFilter) || visibilityFilter.equals(image.visibility());
    }

    /** glance's create: queued, shared unless told, owned by the caller's project. */
    public GlanceImage create(RequestContext ctx, Map<String, Object> body) {
        for (String key : ImageFields.DISALLOWED) {
            if (body.containsKey(key)) {
                throw GlanceError.forbidden("Attribute '" + key + "' is read-only.");
            }
        }
        String id = body.containsKey("id") ? ImageFields.id(body.get("id")) : UUID.randomUUID().toString();
        for (String key : body.keySet()) {
            if (!"id".equals(key) && ImageFields.READ_ONLY.contains(key)) {
                throw GlanceError.forbidden("Attribute '" + key + "' is read-only.");
            }
        }
        String owner = ctx.projectId().orElse(null);
        if (body.containsKey("owner")) {
            String asked = ImageFields.owner(body.get("owner"));
            if (!ctx.isAdmin() && (asked == null || !asked.equals(owner))) {
                throw GlanceError.forbidden("You are not permitted to create images owned by '" + asked + "'.");
            }
            owner = asked;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Image blank = new Image(id, null, "queued", 0, 0, 0, Map.of(), now, now, owner, Image.SHARED);
        GlanceImage image = new GlanceImage(blank, null, null, null, null, null, false, List.of(), false);
        for (Map.Entry<String, Object> field : body.entrySet()) {
            if (!"id".equals(field.getKey()) && !"owner".equals(field.getKey())) {
                image = ImagePatch.set(ctx, image, field.getKey(), field.getValue());
            }
        }
        if (!store.insert(image)) {
            throw GlanceError.conflict("Image ID " + id + " already exists!");
        }
        return store.get(id).orElseThrow(() -> GlanceError.notFound(id));
    }

    /** Applies JSON-patch operations (glance's add, replace, remove) as the owner or an admin. */
    public GlanceImage update(RequestContext ctx, String id, List<ImagePatch.Change> changes) {
        GlanceImage image = mutable(ctx, get(ctx, id));
        for (ImagePatch.Change change : changes) {
            image = ImagePatch.apply(ctx, image, change);
        }
        if (!store.update(image)) {
            throw GlanceError.notFound(id);
        }
        return get(ctx, id);
    }

    /** glance's deactivate (active → deactivated; already deactivated: nothing) for the owner or an admin. */
    public void deactivate(RequestContext ctx, String id) {
        switchStatus(ctx, id, "active", "deactivated", "deactivate");
    }

    /** glance's reactivate (deactivated → active; already active: nothing). */
    public void reactivate(RequestContext ctx, String id) {
        switchStatus(ctx, id, "deactivated", "active", "reactivate");
    }

    private void switchStatus(RequestContext ctx, String id, String from, String to, String verb) {
        GlanceImage image = mutable(ctx, get(ctx, id));
        String status = image.image().status();
        if (status.equals(to)) {
            return;
        }
        if (!status.equals(from) || !store.moveStatus(id, from, to)) {
            throw GlanceError.forbidden("Not allowed to " + verb + " image in status '" + status + "'");
        }
    }

    /** glance's tag sub-resource: adds a tag (present already: nothing changes). */
    public void addTag(RequestContext ctx, String id, String tag) {
        GlanceImage image = taggable(ctx, id, "update");
        if (tag.length() > 255) {
            throw GlanceError.badRequest("Could not update image: Provided object does not match schema 'image': '"
                    + tag + "' is too long");
        }
        if (!image.tags().contains(tag)) {
            List<String> tags = new ArrayList<>(image.tags());
            tags.add(tag);
            store.update(new GlanceImage(image.image(), image.diskFormat(), image.containerFormat(), image.checksum(),
                    image.osHashAlgo(), image.osHashValue(), image.isProtected(), tags, image.osHidden()));
        }
    }

    /** Removes a tag; 404 when the image does not carry it. */
    public void removeTag(RequestContext ctx, String id, String tag) {
        GlanceImage image = taggable(ctx, id, "delete");
        if (!image.tags().contains(tag)) {
            throw new GlanceError(404, "The resource could not be found.");
        }
        List<String> tags = new ArrayList<>(image.tags());
        tags.remove(tag);
        store.update(new GlanceImage(image.image(), image.diskFormat(), image.containerFormat(), image.checksum(),
                image.osHashAlgo(), image.osHashValue(), image.isProtected(), tags, image.osHidden()));
    }

    private GlanceImage taggable(RequestContext ctx, String id, String verb) {
        GlanceImage image = store.get(id).filter(g -> visibility.visible(ctx, g.image()))
                .orElseThrow(() -> new GlanceError(404, "Image " + id + " not found."));
        String owner = image.image().owner();
        if (!ctx.isAdmin() && (owner == null || !ctx.projectId().map(owner::equals).orElse(false))) {
            throw GlanceError.forbidden("Not allowed to " + verb + " tags for image " + id + ".");
        }
        return image;
    }

    public void delete(RequestContext ctx, String id) {
        GlanceImage image = mutable(ctx, get(ctx, id));
        if (image.isProtected()) {
            throw GlanceError.forbidden("Image " + id + " is protected and cannot be deleted.");
        }
        if (!images.delete(id)) {
            throw GlanceError.notFound(id);
        }
        files.delete(id);
    }

    /**
     * Stores the image's data as it arrives: queued → saving → active with size and checksums.
     * Data beyond {@code image_size_cap} (declared or read), a body that breaks off or any other
     * failure leaves no file and the image queued again.
     *
     * @param declaredSize the size the client announced; negative when it did not
     */
    public GlanceImage upload(RequestContext ctx, String id, InputStream data, long declaredSize) {
        GlanceImage image = mutable(ctx, get(ctx, id));
        if (!store.moveStatus(id, "queued", "saving")) {
            throw GlanceError.conflict("Image status transition from " + image.image().status()
                    + " to saving is not allowed");
        }
        ImageFiles.Written written;
        try {
            if (declaredSize > sizeCap) {
                throw new ImageFiles.TooLarge();
            }
            written = files.write(id, data, sizeCap);
        } catch (ImageFiles.TooLarge e) {
            store.moveStatus(id, "saving", "queued");
            throw tooLarge();
        } catch (ImageFiles.ReadFailed e) {
            store.moveStatus(id, "saving", "queued");
            throw GlanceError.badRequest("Reading the image data failed: the request body ended early.");
        } catch (IOException e) {
            store.moveStatus(id, "saving", "queued");
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            store.moveStatus(id, "saving", "queued");
            throw e;
        }
        if (!store.activate(id, written.size(), written.md5(), "sha512", written.sha512())) {
            files.delete(id);
            throw new GlanceError(410, "Image " + id + " could not be found after upload. The image may have been "
                    + "deleted during the upload, cleaning up the chunks uploaded.");
        }
        return get(ctx, id);
    }

    /**
     * glance's stage (the first half of the glance-direct import): queued → uploading, the data
     * in the staging area and its size recorded. A failure leaves nothing staged and the image
     * queued.
     */
    public void stage(RequestContext ctx, String id, InputStream data, long declaredSize) {
        GlanceImage image = mutable(ctx, get(ctx, id));
        if (!store.moveStatus(id, "queued", "uploading")) {
            throw GlanceError.conflict("Image status transition from " + image.image().status()
                    + " to uploading is not allowed");
        }
        try {
            if (declaredSize > sizeCap) {
                throw new ImageFiles.TooLarge();
            }
            ImageFiles.Written written = files.stage(id, data, sizeCap);
            if (!store.staged(id, written.size())) {
                files.unstage(id);
                throw GlanceError.notFound(id);
            }
        } catch (ImageFiles.TooLarge e) {
            store.moveStatus(id, "uploading", "queued");
            throw tooLarge();
        } catch (ImageFiles.ReadFailed e) {
            store.moveStatus(id, "uploading", "queued");
            throw GlanceError.badRequest("Reading the image data failed: the request body ended early.");
        } catch (IOException e) {
            store.moveStatus(id, "uploading", "queued");
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            store.moveStatus(id, "uploading", "queued");
            throw e;
        }
    }

    /**
     * glance's glance-direct import of staged data, checked as glance checks it: uploading →
     * importing (holding the {@code os_glance_import_task} lock), then, in the background, the
     * staged data moves to the store and the image becomes active; on failure it is queued again.
     */
    public void importStaged(RequestContext ctx, String id, boolean allStoresMustSucceed) {
        GlanceImage image = get(ctx, id);
        String status = image.image().status();
        if ("active".equals(status)) {
            throw GlanceError.conflict("Image with status active cannot be target for import");
        }
        if (!"uploading".equals(status)) {
            throw GlanceError.conflict("Image needs to be staged before 'glance-direct' method can be used");
        }
        if (image.containerFormat() == null) {
            throw GlanceError.conflict("'container_format' needs to be set before import");
        }
        if (image.diskFormat() == null) {
            throw GlanceError.conflict("'disk_format' needs to be set before import");
        }
        mutable(ctx, image);
        if (!allStoresMustSucceed) {
            throw GlanceError.badRequest("All_stores_must_succeed can only be set with enabled_backends None");
        }
        String task = UUID.randomUUID().toString();
        Map<String, String> begun = new TreeMap<>();
        begun.put(IMPORT_TASK, task);
        begun.put("os_glance_importing_to_stores", "");
        begun.put("os_glance_failed_import", "");
        if (!store.moveStatus(id, "uploading", "importing", begun)) {
            throw GlanceError.conflict("New operation on image '" + id + "' is not permitted as prior operation is "
                    + "still in progress");
        }
        imports.execute(() -> finishImport(id));
    }

    private void finishImport(String id) {
        Map<String, String> unlocked = new TreeMap<>();
        unlocked.put(IMPORT_TASK, null);
        try {
            ImageFiles.Written written = files.importStaged(id);
            if (store.activate(id, "importing", written.size(), written.md5(), "sha512", written.sha512())) {
                store.moveStatus(id, "active", "active", unlocked);
            } else {
                files.delete(id);
            }
        } catch (IOException | RuntimeException e) {
            files.unstage(id);
            store.moveStatus(id, "importing", "queued", unlocked);
        }
    }

    private static GlanceError tooLarge() {
        return new GlanceError(413, "The incoming image is too large: The provided image is too large.");
    }

    /** The image and its data file; empty data for an image that has none (glance's 204). */
    public Optional<Path> data(RequestContext ctx, String id) {
        GlanceImage image = get(ctx, id);
        if ("deactivated".equals(image.image().status()) && !ctx.isAdmin()) {
            throw GlanceError.forbidden("The requested image has been deactivated. Image data download is "
                    + "forbidden.");
        }
        return files.find(id);
    }

    private static GlanceImage mutable(RequestContext ctx, GlanceImage image) {
        if (ctx.isAdmin()) {
            return image;
        }
        String owner = image.image().owner();
        if (owner == null || !ctx.projectId().map(owner::equals).orElse(false)) {
            throw GlanceError.forbidden("You are not authorized to complete modify_image action.");
        }
        return image;
    }

    static Map<String, String> withProperty(Map<String, String> props, String key, String value) {
        Map<String, String> copy = new TreeMap<>(props);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
