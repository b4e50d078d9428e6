/**
 * The HTTP edge: {@link org.jnova.wsgi.server.HttpServer} serves an {@link org.jnova.wsgi.App}
 * on Jetty's core handler API. The only package that imports Jetty.
 */
package org.jnova.wsgi.server;
