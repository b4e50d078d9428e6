package org.jnova.wsgi.server;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * The checks nova's eventlet server makes while it reads a request line and its headers,
 * with its answers: a request line (method, target, version and CRLF) of
 * {@code url_length_limit} bytes or more is 414; a header line (with its CRLF) of
 * {@code max_header_line} or more is 400 "Header Line Too Long"; more than 64 KiB of header
 * lines is 400 "Headers Too Large"; more than 100 lines (the blank one included) is Python's
 * 431 "Too many headers" page. All close the connection.
 */
final class EdgeLimits {
    /** eventlet's {@code MAX_TOTAL_HEADER_SIZE}. */
    static final int MAX_TOTAL_HEADER_SIZE = 65536;
    /** Python's {@code http.client._MAXHEADERS}: header lines read, the final blank one included. */
    static final int MAX_HEADER_LINES = 100;

    private static final byte[] TOO_MANY_HEADERS = """
            <!DOCTYPE HTML>
            <html lang="en">
                <head>
                    <meta charset="utf-8">
                    <title>Error response</title>
                </head>
                <body>
                    <h1>Error response</h1>
                    <p>Error code: 431</p>
                    <p>Message: Too many headers.</p>
                    <p>Error code explanation: 431 - got more than 100 headers.</p>
                </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    /** A refusal: the status and, when not empty, the body and its type. */
    record Refusal(int status, String contentType, byte[] body) {
        static Refusal empty(int status) {
            return new Refusal(status, null, new byte[0]);
        }
    }

    private final int maxUrlLength;
    private final int maxHeaderLine;

    EdgeLimits(int maxUrlLength, int maxHeaderLine) {
        this.maxUrlLength = maxUrlLength;
        this.maxHeaderLine = maxHeaderLine;
    }

    /** The header block Jetty may buffer: the longest request line plus the header allowance. */
    int jettyHeaderBufferSize() {
        return maxUrlLength + MAX_TOTAL_HEADER_SIZE + 1024;
    }

    Optional<Refusal> check(Request request) {
        if (requestLineLength(request) >= maxUrlLength) {
            return Optional.of(Refusal.empty(414));
        }
        long total = 0;
        int lines = 0;
        for (HttpField field : request.getHeaders()) {
            int line = field.getName().length() + 2 + (field.getValue() == null ? 0 : field.getValue().length()) + 2;
            if (line >= maxHeaderLine) {
                return Optional.of(Refusal.empty(400));
            }
            total += line;
            if (total > MAX_TOTAL_HEADER_SIZE) {
                return Optional.of(Refusal.empty(400));
            }
            if (++lines > MAX_HEADER_LINES) {
                return Optional.of(tooManyHeaders());
            }
        }
        if (total + 2 > MAX_TOTAL_HEADER_SIZE) {
            return Optional.of(Refusal.empty(400));
        }
        return lines + 1 > MAX_HEADER_LINES ? Optional.of(tooManyHeaders()) : Optional.empty();
    }

    private static Refusal tooManyHeaders() {
        return new Refusal(431, "text/html;charset=utf-8", TOO_MANY_HEADERS.clone());
    }

    /**
     * "GET /path?query HTTP/1.1" and its CRLF, as the client sent it (Jetty's URI has the Host
     * header's authority added, so only its path and query are the origin-form target).
     */
    private static long requestLineLength(Request request) {
        String target = request.getHttpURI().getPathQuery();
        String protocol = request.getConnectionMetaData().getProtocol();
        return request.getMethod().length() + 1L + (target == null ? 0 : target.length()) + 1
                + (protocol == null ? 8 : protocol.length()) + 2;
    }
}
