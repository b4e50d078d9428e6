package org.jnova.image;

/** A refusal of the Image v2 API with glance's status and explanation (webob's error page carries it). */
public final class GlanceError extends RuntimeException {
    private final int status;

    public GlanceError(int status, String explanation) {
        super(explanation);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static GlanceError notFound(String id) {
        return new GlanceError(404, "No image found with ID " + id);
    }

    static GlanceError badRequest(String explanation) {
        return new GlanceError(400, explanation);
    }

    static GlanceError forbidden(String explanation) {
        return new GlanceError(403, explanation);
    }

    static GlanceError conflict(String explanation) {
        return new GlanceError(409, explanation);
    }
}
