package org.jnova.wsgi.server;

/**
 * Which requests an {@link HttpServer} hands to the app with their body unread, as a stream
 * (image data): the body limit does not apply to them and the app reads and limits them.
 */
@FunctionalInterface
public interface StreamedBodies {
    /** Every body is read into memory, within the body limit. */
    StreamedBodies NONE = (method, path) -> false;

    /** Whether the body of a request with this method and (percent-decoded) path is streamed. */
    boolean streams(String method, String path);
}
