package org.jnova.service;

import org.jnova.wsgi.App;

/**
 * Loads the application a service serves by its name ({@code osapi_compute}, {@code metadata}),
 * as the seeds' {@code wsgi.Loader.load_app}; the paste deploy loader implements it.
 */
@FunctionalInterface
public interface AppLoader {
    App loadApp(String name);
}
