package org.jnova.api.ec2.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jnova.wsgi.Request;

/**
 * The parameters of an EC2 Query request, as webob's {@code req.params}: the query string's,
 * then a form body's (POST with {@code application/x-www-form-urlencoded}, what AWS SDKs
 * send). A name given twice keeps its first value. Read once per request and kept on it.
 */
public final class Ec2Params {
    private static final String ATTRIBUTE = "ec2.params";
    private static final String FORM = "application/x-www-form-urlencoded";

    private Ec2Params() {
    }

    /** The request's parameters, in the order given; unmodifiable. */
    public static Map<String, String> of(Request request) {
        return request.<Map<String, String>>attribute(ATTRIBUTE).orElseGet(() -> {
            Map<String, String> params = new LinkedHashMap<>();
            parse(request.queryString(), params);
            if (isForm(request)) {
                parse(request.bodyText(), params);
            }
            Map<String, String> read = Collections.unmodifiableMap(params);
            request.setAttribute(ATTRIBUTE, read);
            return read;
        });
    }

    /** Whether the body is a form whose fields are parameters (and not part of a signature's payload only). */
    public static boolean isForm(Request request) {
        return "POST".equals(request.method()) && request.headers().first("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).strip().startsWith(FORM)).orElse(false);
    }

    private static void parse(String text, Map<String, String> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.putIfAbsent(name, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Ec2Error.client("MalformedQueryString", "The query string is malformed: " + text);
        }
    }
}
