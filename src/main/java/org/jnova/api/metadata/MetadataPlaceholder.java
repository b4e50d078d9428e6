package org.jnova.api.metadata;

import org.jnova.paste.HtmlErrorPage;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * The metadata service's app until the instance trees exist: it lists the EC2 versions at
 * {@code GET /} exactly as nova does (before any header check) and answers 404 to
 * everything else, so clients see an honest "not found" rather than made-up data.
 */
public final class MetadataPlaceholder implements App {
    private static final String VERSIONS = String.join("\n", "1.0", "2007-01-19", "2007-03-01", "2007-08-29",
            "2007-10-10", "2007-12-15", "2008-02-01", "2008-09-01", "2009-04-04", "latest");

    @Override
    public Response handle(Request request) {
        if ("GET".equals(request.method()) && (request.pathInfo().isEmpty() || "/".equals(request.pathInfo()))) {
            return Response.text(200, "text/plain; charset=UTF-8", VERSIONS);
        }
        return HtmlErrorPage.response(404, "Not Found", "The resource could not be found.");
    }
}
