package org.jnova.wsgi;

/** A paste filter: wraps the next application in the pipeline. */
@FunctionalInterface
public interface Middleware {
    App wrap(App next);
}
