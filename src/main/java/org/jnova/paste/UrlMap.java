package org.jnova.paste;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * Routes a request to the application mounted at the longest matching path prefix and
 * moves that prefix into the script name, as paste's {@code URLMap}; {@code domain} forms
 * limit an entry to one host.
 *
 * <p>nova's variant ({@code nova.api.openstack.urlmap:urlmap_factory}) adds: a key ending
 * in {@code /+} matches only paths with something after the slash ({@code /v2.1/+} takes
 * {@code /v2.1/servers} but leaves {@code /v2.1} and {@code /v2.1/} to {@code /v2.1}); the
 * version may also come from a {@code version} parameter of {@code Content-Type} or
 * {@code Accept} (then only the script name grows); the chosen media type is left in the
 * request attribute {@link #BEST_CONTENT_TYPE}.
 */
public final class UrlMap implements App {
    /** Request attribute: the media type the URL map chose ({@code nova.best_content_type}). */
    public static final String BEST_CONTENT_TYPE = "nova.best_content_type";

    private static final List<String> SUPPORTED_CONTENT_TYPES =
            List.of("application/json", "application/vnd.openstack.compute+json");

    private record Entry(String domain, String url, App app) {
    }

    private record Route(App app, String url, boolean movesPath) {
    }

    private final List<Entry> entries;
    private final App notFound;
    private final boolean nova;

    private UrlMap(List<Entry> entries, App notFound, boolean nova) {
        List<Entry> sorted = new ArrayList<>(entries);
        // entries with a domain first, then longer prefixes before shorter ones, as paste sorts them
        sorted.sort(Comparator.comparing((Entry e) -> e.domain() == null ? "\uffff" : e.domain())
                .thenComparing(e -> -e.url().length()));
        this.entries = List.copyOf(sorted);
        this.notFound = notFound;
        this.nova = nova;
    }

    /** Paste's own URL map ({@code egg:Paste#urlmap}). */
    public static CompositeFactory pasteFactory() {
        return (context, global, local) -> build(context, global, local, false);
    }

    /** nova's URL map ({@code call:nova.api.openstack.urlmap:urlmap_factory}). */
    public static CompositeFactory novaFactory() {
        return (context, global, local) -> build(context, global, local, true);
    }

    private static UrlMap build(PasteContext context, Map<String, String> global, Map<String, String> local,
            boolean nova) {
        String notFoundName = local.containsKey("not_found_app") ? local.get("not_found_app")
                : global.get("not_found_app");
        App notFound = notFoundName == null || notFoundName.isBlank()
                ? request -> HtmlErrorPage.notFound() : context.getApp(notFoundName);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> item : local.entrySet()) {
            if (item.getKey().equals("not_found_app")) {
                continue;
            }
            String[] key = parseKey(item.getKey());
            entries.removeIf(e -> Objects.equals(e.domain(), key[0]) && e.url().equals(key[1]));
            entries.add(new Entry(key[0], key[1], context.getApp(item.getValue())));
        }
        return new UrlMap(entries, notFound, nova);
    }

    /** A URL map over these prefixes, for tests and programmatic use. */
    public static UrlMap of(Map<String, App> prefixes, boolean novaRules) {
        List<Entry> entries = new ArrayList<>();
        prefixes.forEach((key, app) -> {
            String[] parsed = parseKey(key);
            entries.add(new Entry(parsed[0], parsed[1], app));
        });
        return new UrlMap(entries, request -> HtmlErrorPage.notFound(), novaRules);
    }

    /** {@code [domain HOST] [port PORT] /path} → {domain or null, normalized path}. */
    private static String[] parseKey(String expression) {
        String[] parts = expression.strip().split("\\s+");
        String domain = null;
        String port = null;
        String path = null;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("domain") && i + 1 < parts.length) {
                domain = parts[++i].toLowerCase(Locale.ROOT);
            } else if (parts[i].equals("port") && i + 1 < parts.length) {
                port = parts[++i];
            } else if (path == null) {
                path = parts[i];
            } else {
                throw new PasteLookupError("URL map key '" + expression + "' names two paths");
            }
        }
        if (path == null) {
            path = "";
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new PasteLookupError("URL map paths must start with / (you gave '" + expression + "')");
        }
        if (domain != null && port != null) {
            domain = domain + ":" + port;
        }
        String url = path.replaceAll("//+", "/");
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return new String[] {domain, url};
    }

    @Override
    public Response handle(Request request) throws Exception {
        String host = request.host().toLowerCase(Locale.ROOT);
        String port;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            port = host.substring(colon + 1);
            host = host.substring(0, colon);
        } else {
            port = request.scheme().equals("http") ? "80" : "443";
        }
        String path = request.pathInfo().replaceAll("//+", "/");
        Route route = nova ? novaRoute(request, host, port, path) : match(host, port, path, true);
        if (route == null) {
            return notFound.handle(request);
        }
        return call(route, request, path);
    }

    private Route novaRoute(Request request, String host, String port, String path) {
        String mimeType = null;
        Route route = null;
        int dot = path.lastIndexOf('.');
        if (dot >= 0 && SUPPORTED_CONTENT_TYPES.contains("application/" + path.substring(dot + 1))) {
            mimeType = "application/" + path.substring(dot + 1);
        }
        if (path.contains("/")) {
            Route byPath = match(host, port, path, true);
            if (byPath != null && !byPath.url().isEmpty()) {
                route = byPath;
            }
        }
        List<String> supported = new ArrayList<>(SUPPORTED_CONTENT_TYPES);
        if (route != null && (route.url() + "/").equals(path) || path.equals("/")) {
            supported.add("application/atom+xml");
        }
        if (route == null) {
            String version = AcceptHeader.parseOptions(request.headers().first("Content-Type").orElse(""))
                    .params().get("version");
            if (version != null) {
                route = match(host, port, "/v" + version, false);
            }
        }
        if (mimeType == null || route == null) {
            AcceptHeader.Match accepted = new AcceptHeader(request.headers().first("Accept").orElse(""))
                    .bestMatch(supported);
            if (mimeType == null) {
                mimeType = accepted.contentType();
            }
            String version = accepted.params().get("version");
            if (route == null && version != null) {
                route = match(host, port, "/v" + version, false);
            }
        }
        if (route == null) {
            route = match(host, port, path, true);
        }
        if (route != null) {
            request.setAttribute(BEST_CONTENT_TYPE, mimeType == null ? "application/json" : mimeType);
        }
        return route;
    }

    /** The longest entry for this host that the path falls under; {@code movesPath} is what the caller will do. */
    private Route match(String host, String port, String path, boolean movesPath) {
        for (Entry entry : entries) {
            if (entry.domain() != null && !entry.domain().equals(host) && !entry.domain().equals(host + ":" + port)) {
                continue;
            }
            String url = entry.url();
            if (nova && url.endsWith("/+")) {
                if (path.startsWith(url.substring(0, url.length() - 1)) && path.length() >= url.length()) {
                    return new Route(entry.app(), url.substring(0, url.length() - 2), movesPath);
                }
                continue;
            }
            if (path.equals(url) || path.startsWith(url + "/")) {
                return new Route(entry.app(), url, movesPath);
            }
        }
        return null;
    }

    private static Response call(Route route, Request request, String normalizedPath) throws Exception {
        if (route.movesPath() && request.pathInfo().equals(normalizedPath)) {
            request.mount(route.url());
            return route.app().handle(request);
        }
        Request inner = route.movesPath()
                ? RequestCopy.withPath(request, request.scriptName() + route.url(),
                        normalizedPath.substring(route.url().length()))
                : RequestCopy.withPath(request, request.scriptName() + route.url(), request.pathInfo());
        try {
            return route.app().handle(inner);
        } finally {
            RequestCopy.copyBack(inner, request);
        }
    }
}
