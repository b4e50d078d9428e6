package org.jnova.wsgi.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself (malformed requests, oversized headers) with a short
 * plain-text body, as a WSGI server does: status, reason and Jetty's message; no HTML, no
 * stack trace. A request line or header block too long even for Jetty's buffer gets
 * eventlet's empty 414, or its empty 400 where Jetty would say 431. Errors from the
 * application never get here.
 */
final class PlainErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
            Throwable cause, Callback callback) {
        if (code == HttpStatus.URI_TOO_LONG_414 || code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            response.setStatus(code == HttpStatus.URI_TOO_LONG_414 ? code : HttpStatus.BAD_REQUEST_400);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        String reason = HttpStatus.getMessage(code);
        StringBuilder text = new StringBuilder().append(code).append(' ').append(reason).append('\n');
        if (message != null && !message.isBlank() && !message.equals(reason)) {
            text.append('\n').append(message).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
