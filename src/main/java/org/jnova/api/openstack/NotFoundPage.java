package org.jnova.api.openstack;

import org.jnova.wsgi.Response;

/**
 * The page nova's router answers for a URL (or method) it has no route for: webob's HTML
 * "404 Not Found", without version headers.
 */
public final class NotFoundPage {
    private static final String BODY = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n"
            + "  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>";

    private NotFoundPage() {
    }

    public static Response response(String method) {
        if (method.equals("HEAD")) {
            return Response.text(404, "text/html; charset=UTF-8", "");
        }
        return Response.text(404, "text/html; charset=UTF-8", BODY);
    }
}
