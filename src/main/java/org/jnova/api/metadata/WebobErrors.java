package org.jnova.api.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.openstack.NovaJson;
import org.jnova.paste.HtmlErrorPage;
import org.jnova.wsgi.Response;

/**
 * The error bodies webob writes for the metadata service's HTTP errors, chosen by the
 * request's Accept header as webob does: HTML when text/html is acceptable (so also for
 * {@code *}{@code /*}), JSON for application/json, plain text when there is no Accept header.
 */
final class WebobErrors {
    private static final List<String> OFFERS = List.of("text/html", "application/json");
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 403, "Forbidden",
            404, "Not Found", 409, "Conflict", 500, "Internal Server Error");

    static final String NOT_FOUND = "The resource could not be found.";
    static final String CONFLICT = "There was a conflict when trying to complete your request.";

    private final NovaJson json;

    WebobErrors(NovaJson json) {
        this.json = json;
    }

    /** The error page for a request: none for HEAD (webob answers HEAD errors with an empty HTML response). */
    Response error(int status, String explanation, org.jnova.wsgi.Request request) {
        if ("HEAD".equals(request.method())) {
            return Response.text(status, InstanceMetadata.HTML, "");
        }
        return error(status, explanation, request.headers().first("Accept").orElse(null));
    }

    Response error(int status, String explanation, String accept) {
        String reason = REASONS.getOrDefault(status, "Error");
        String code = status + " " + reason;
        String match = bestOffer(accept);
        if ("text/html".equals(match)) {
            return HtmlErrorPage.response(status, reason, explanation);
        }
        if ("application/json".equals(match)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", explanation + "<br /><br />\n\n\n");
            body.put("code", code);
            body.put("title", reason);
            Response r = Response.json(status, json.write(body));
            r.headers().set("Content-Type", "application/json");
            return r;
        }
        return Response.text(status, InstanceMetadata.TEXT, code + "\n\n" + explanation + "\n\n   ");
    }

    /** The first of text/html, application/json the header accepts with the highest q; null for none. */
    static String bestOffer(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        String best = null;
        double bestQ = 0;
        for (String offer : OFFERS) {
            double q = quality(accept, offer);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return best;
    }

    /** The q of the most specific media range matching {@code offer}; 0 when none matches. */
    private static double quality(String accept, String offer) {
        String[] type = offer.split("/");
        int bestSpecificity = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String[] media = parts[0].trim().toLowerCase(java.util.Locale.ROOT).split("/");
            if (media.length != 2) {
                continue;
            }
            int specificity;
            if (media[0].equals(type[0]) && media[1].equals(type[1])) {
                specificity = 2;
            } else if (media[0].equals(type[0]) && media[1].equals("*")) {
                specificity = 1;
            } else if (media[0].equals("*") && media[1].equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = qValue(parts);
            }
        }
        return q;
    }

    private static double qValue(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
