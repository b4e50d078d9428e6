package org.jnova.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 on a plain socket, one connection per request, so that every byte of a hostile
 * request reaches the server as generated: invalid UTF-8, repeated headers, unnormalised
 * paths, chunked bodies and bodies shorter than their Content-Length.
 */
final class RawClient {
    /** The status when the server closed the connection without an answer. */
    static final int NO_ANSWER = -1;
    /** The status when no answer came within the read timeout. */
    static final int TIMED_OUT = -2;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawClient(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Status, the start of the answer (head and body) and the time from connect to the last byte. */
    record Answer(int status, String text, long nanos) {
    }

    Answer send(FuzzRequest request) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            try {
                writeRequest(socket, request);
            } catch (java.net.SocketException e) {
                // the server may refuse early (413, 414) and close while the rest is still being sent;
                // its answer, if any, is still there to read
            }
            return read(socket.getInputStream(), start);
        } catch (SocketTimeoutException e) {
            return new Answer(TIMED_OUT, "no answer within " + timeoutMillis + " ms", System.nanoTime() - start);
        }
    }

    private void writeRequest(Socket socket, FuzzRequest request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(head(request));
        byte[] body = request.body();
        if (body != null && request.chunked()) {
            int chunk = Math.max(1, Math.min(body.length, 4096));
            for (int i = 0; i < body.length; i += chunk) {
                int n = Math.min(chunk, body.length - i);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, i, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else if (body != null) {
            out.write(body);
        }
        out.flush();
        if (request.shortBody()) {
            socket.shutdownOutput();
        }
    }

    private byte[] head(FuzzRequest request) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        // the request line and headers are ISO-8859-1 on the wire; the generator puts raw bytes there as chars
        write(head, request.method() + " " + request.uri() + " HTTP/1.1\r\n");
        write(head, "Host: " + host + ":" + port + "\r\n");
        for (String[] h : request.headers()) {
            write(head, h[0] + ": " + h[1] + "\r\n");
        }
        byte[] body = request.body();
        if (body != null && request.chunked()) {
            write(head, "Transfer-Encoding: chunked\r\n");
        } else if (body != null) {
            write(head, "Content-Length: " + (body.length + (request.shortBody() ? 100 : 0)) + "\r\n");
        }
        write(head, "Connection: close\r\n\r\n");
        return head.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                if (kept.size() < 4096) {
                    kept.write(buffer, 0, Math.min(n, 4096 - kept.size()));
                }
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer was written still leaves the answer readable
            if (kept.size() == 0) {
                return new Answer(NO_ANSWER, "connection reset: " + e.getMessage(), System.nanoTime() - start);
            }
        }
        long nanos = System.nanoTime() - start;
        String text = kept.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.")) {
            return new Answer(NO_ANSWER, text, nanos);
        }
        int space = text.indexOf(' ');
        return new Answer(Integer.parseInt(text.substring(space + 1, space + 4)), text, nanos);
    }
}
