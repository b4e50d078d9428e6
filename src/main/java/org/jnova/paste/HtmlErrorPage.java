package org.jnova.paste;

import org.jnova.wsgi.Response;

/**
 * The HTML error page webob writes for an HTTP error raised outside nova's fault handling
 * (an unknown URL, a body over the size limit): nova's clients see these byte for byte.
 */
public final class HtmlErrorPage {
    private HtmlErrorPage() {
    }

    /** A response with webob's page for {@code status} ("404 Not Found") and this explanation. */
    public static Response response(int status, String reason, String explanation) {
        String title = status + " " + reason;
        String page = "<html>\n <head>\n  <title>" + title + "</title>\n </head>\n <body>\n  <h1>" + title
                + "</h1>\n  " + escape(explanation) + "<br /><br />\n\n\n\n </body>\n</html>";
        return Response.text(status, "text/html; charset=UTF-8", page);
    }

    /** webob's 404 page: "The resource could not be found." */
    public static Response notFound() {
        return response(404, "Not Found", "The resource could not be found.");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
