package org.jnova.service;

import java.util.Objects;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.wsgi.App;
import org.jnova.wsgi.server.HttpServer;
import org.jnova.wsgi.server.HttpServerOptions;

/**
 * One API service, the seeds' {@code WSGIService}: a named application loaded by an
 * {@link AppLoader}, served by an {@link HttpServer} on the service's own host and port.
 */
public final class ApiService {
    private final ServiceSettings settings;
    private final HttpServer server;

    /**
     * Loads the app for {@code name} and builds (without binding) its server from the options.
     *
     * @throws org.jnova.exception.InvalidInput when {@code <name>_workers} is below 1
     */
    public ApiService(String name, ConfigOpts conf, AppLoader loader) {
        this(ServiceSettings.of(conf, name), conf, loader);
    }

    private ApiService(ServiceSettings settings, ConfigOpts conf, AppLoader loader) {
        this(settings, Objects.requireNonNull(loader, "loader is null").loadApp(settings.name()),
                serverOptions(settings, conf));
    }

    /**
     * The Image API streams image data (uploads and staging) to its store, limited by
     * {@code image_size_cap} in the app; its other requests have the JSON APIs' body limit.
     */
    private static HttpServerOptions serverOptions(ServiceSettings settings, ConfigOpts conf) {
        HttpServerOptions options = HttpServerOptions.fromConfig(conf, settings.useSsl(), settings.maxUrlLength());
        if (!"image".equals(settings.name())) {
            return options;
        }
        return options.withStreamedBodies(org.jnova.api.image.ImageApiV2::streamsBody);
    }

    /** A service for an app already built, with explicit server options. */
    public ApiService(ServiceSettings settings, App app, HttpServerOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.server = new HttpServer(settings.name(), Objects.requireNonNull(app, "app is null"),
                settings.host(), settings.port(), Objects.requireNonNull(options, "options is null"));
    }

    public String name() {
        return settings.name();
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** How many worker processes the service asks for. */
    public int workers() {
        return settings.workers();
    }

    /** The port listened on: the real one once started. */
    public int port() {
        return server.port();
    }

    public void start() {
        server.start();
    }

    /** Stops gracefully: no new connections; requests in flight finish within the timeout. */
    public void stop() {
        server.stop();
    }
}
