package org.jnova.wsgi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends hand-written HTTP/1.1 requests over a plain socket and reads the whole answer. */
final class RawHttp {
    private RawHttp() {
    }

    /** The response text (status line, headers, body) to a request sent with Connection: close. */
    static String exchange(String host, int port, String requestHead) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
