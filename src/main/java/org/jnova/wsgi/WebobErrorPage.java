package org.jnova.wsgi;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jnova.utils.JsonMappers;

/**
 * The page webob writes for an HTTP error raised with an explanation and a detail message
 * (keystonemiddleware's 503, nova's keystone context, oslo's size limit): HTML when the caller's
 * {@code Accept} takes HTML at least as gladly as JSON, JSON when it prefers JSON, plain text
 * otherwise, also when there is no {@code Accept} at all.
 */
public final class WebobErrorPage {
    private static final ObjectMapper JSON = JsonMappers.standard();

    private WebobErrorPage() {
    }

    public static Response response(Request request, int status, String title, String explanation, String detail) {
        return response(request.headers().first("Accept").orElse(""), status, title, explanation, detail);
    }

    /** The page for a caller that sent this {@code Accept} value ("" for none). */
    public static Response response(String accept, int status, String title, String explanation, String detail) {
        String statusLine = status + " " + title;
        String body = explanation + "<br /><br />\n" + escape(detail) + "\n\n";
        return switch (negotiate(accept)) {
            case "text/html" -> Response.text(status, "text/html; charset=UTF-8", "<html>\n <head>\n  <title>"
                    + statusLine + "</title>\n </head>\n <body>\n  <h1>" + statusLine + "</h1>\n  " + body
                    + "\n </body>\n</html>");
            case "application/json" -> {
                String json = "{\"message\": " + quote(explanation + "<br /><br />\n" + detail + "\n\n")
                        + ", \"code\": " + quote(statusLine) + ", \"title\": " + quote(title) + "}";
                Response response = new Response(status, json.getBytes(StandardCharsets.UTF_8));
                response.headers().set("Content-Type", "application/json");
                yield response;
            }
            default -> Response.text(status, "text/plain; charset=UTF-8", statusLine + "\n\n"
                    + body.replace("\n", " ").replace("<br /><br />", "\n\n"));
        };
    }

    /** webob's choice among text/html and application/json for this Accept value, else text/plain. */
    static String negotiate(String accept) {
        if (accept.isBlank()) {
            return "text/plain";
        }
        double html = 0;
        double json = 0;
        int htmlSpecificity = -1;
        int jsonSpecificity = -1;
        for (String item : accept.split(",")) {
            String[] parts = item.strip().split(";");
            String range = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            int htmlMatch = specificity(range, "text", "html");
            if (htmlMatch > htmlSpecificity) {
                htmlSpecificity = htmlMatch;
                html = quality;
            }
            int jsonMatch = specificity(range, "application", "json");
            if (jsonMatch > jsonSpecificity) {
                jsonSpecificity = jsonMatch;
                json = quality;
            }
        }
        List<String> acceptable = new ArrayList<>();
        if (html > 0 && html >= json) {
            acceptable.add("text/html");
        }
        if (json > 0 && json > html) {
            acceptable.add("application/json");
        }
        return acceptable.isEmpty() ? "text/plain" : acceptable.get(0);
    }

    /** How closely a media range matches the type: 2 exactly, 1 by {@code type/*}, 0 by {@code * / *}, -1 not. */
    private static int specificity(String range, String type, String subtype) {
        if (range.equals(type + "/" + subtype)) {
            return 2;
        }
        if (range.equals(type + "/*")) {
            return 1;
        }
        return range.equals("*/*") ? 0 : -1;
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
