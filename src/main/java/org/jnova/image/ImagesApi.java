package org.jnova.image;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jnova.db.ImageStore;
import org.jnova.exception.NotFound;
import org.jnova.objects.Image;

/** The images proxy API (GET/DELETE /images) over jnova's built-in catalog. */
public final class ImagesApi {
    private final ImageStore store;

    public ImagesApi(ImageStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public List<Image> list() {
        return store.list();
    }

    /** nova's ImageNotFound text: "Image %(image_id)s could not be found." */
    public Image get(String id) {
        return store.get(id).orElseThrow(() -> new NotFound("Image " + id + " could not be found."));
    }

    /** Replaces an image's properties (glance's update with purge_props). */
    public Image setProperties(String id, java.util.Map<String, String> properties) {
        if (!store.setProperties(id, properties)) {
            throw new NotFound("Image " + id + " could not be found.");
        }
        return get(id);
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFound("Image " + id + " could not be found.");
        }
    }

    /** Adds an image to the catalog (seed data, tests). */
    public void add(Image image) {
        store.insertIfAbsent(image);
    }
}
