package org.jnova.wsgi;

/**
 * A web application: one request in, one response out. The Java counterpart of a WSGI
 * callable; every paste app and every middleware-wrapped pipeline is one.
 */
@FunctionalInterface
public interface App {
    Response handle(Request request) throws Exception;
}
