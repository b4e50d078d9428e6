package org.jnova.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.context.RequestContext;
import org.jnova.exception.NotFound;
import org.jnova.objects.Image;

/**
 * The image service as the compute side sees it (nova's image/glance.py API): jnova's
 * built-in catalog ({@link LocalImagesApi}) or the operator's Glance over Image v2
 * ({@link GlanceClientImagesApi}). Visibility is the image service's: an image the caller
 * may not see is not found; one it may see but not change is {@link ImageNotAuthorized}.
 */
public interface ImagesApi {
    /** glance's default list for the caller. */
    List<Image> list(RequestContext ctx);

    /** The image when the caller may see it. */
    Optional<Image> find(RequestContext ctx, String id);

    /** nova's ImageNotFound text: "Image %(image_id)s could not be found." */
    default Image get(RequestContext ctx, String id) {
        return find(ctx, id).orElseThrow(() -> new NotFound("Image " + id + " could not be found."));
    }

    /** Replaces an image's properties (glance's update with purge_props); owner or admin only. */
    Image setProperties(RequestContext ctx, String id, Map<String, String> properties);

    /** Deletes an image; owner or admin only. */
    void delete(RequestContext ctx, String id);

    /**
     * Changes an image's visibility (glance's update of {@code visibility}): owner or admin
     * only, and making it public is an admin's (glance's default {@code publicize_image}).
     */
    Image setVisibility(RequestContext ctx, String id, String visibility);

    /**
     * Records a server's snapshot (createImage, createBackup, shelve) as nova asks glance to:
     * owned by the caller's project; private when that is the server's project, else shared
     * with the server's project.
     */
    Image createSnapshot(RequestContext ctx, String serverProject, Image queued);

    /**
     * The images the caller sees that carry all of {@code properties}, newest first (nova's
     * get_all with {@code property-} filters sorted by created_at descending, as backup rotation
     * asks).
     */
    List<Image> listByProperties(RequestContext ctx, Map<String, String> properties);

    /** The compute host starts writing a snapshot's data into the queued image (glance's saving). */
    void snapshotSaving(RequestContext ctx, String id);

    /** The compute host wrote the snapshot: the image is active with its size and the driver's properties. */
    void snapshotUploaded(RequestContext ctx, String id, long size, Map<String, String> properties);
}
