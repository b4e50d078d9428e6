package org.jnova.objects;

/**
 * The connection details behind a console token (nova's ConsoleAuthToken object).
 *
 * @param consoleType novnc, spice-html5, spice-direct, serial, webmks
 * @param host the host the console proxy connects to
 * @param port its port
 * @param tlsPort its TLS port (SPICE consoles), or null
 * @param internalAccessPath a path on that host, or null
 * @param instanceUuid the server the console belongs to
 * @param expires seconds since the epoch after which the token is refused
 */
public record ConsoleAuthToken(String consoleType, String host, int port, Integer tlsPort, String internalAccessPath,
        String instanceUuid, long expires) {
}
