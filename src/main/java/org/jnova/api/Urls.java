package org.jnova.api;

import java.net.URI;
import java.util.Optional;

/** URL helpers the API's links share: nova's link-prefix rewrite and its {@code rstrip('/')}. */
public final class Urls {
    private Urls() {
    }

    /** {@code url} without the slashes it ends with (Python's {@code url.rstrip('/')}). */
    public static String stripTrailingSlashes(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /**
     * nova's {@code _update_link_prefix}: with a prefix (such as {@code [api] compute_link_prefix}),
     * the prefix's scheme and host, the prefix's path before the URL's path, the URL's query,
     * trailing slashes stripped; without one, {@code url} unchanged.
     */
    public static String withLinkPrefix(Optional<String> prefix, String url) {
        if (prefix.isEmpty()) {
            return url;
        }
        URI original = URI.create(url);
        URI base = URI.create(prefix.get());
        String path = (base.getRawPath() == null ? "" : base.getRawPath())
                + (original.getRawPath() == null ? "" : original.getRawPath());
        String joined = base.getScheme() + "://" + base.getRawAuthority() + path
                + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
        return stripTrailingSlashes(joined);
    }
}
