package org.jnova.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One generated request, as bytes on the wire will carry it.
 *
 * @param index    its place in the seeded sequence
 * @param api      which service it goes to
 * @param target   the operation or metadata path it was made for, e.g. "POST /v2.1/servers"
 * @param kind     what was made hostile, e.g. "body:wrong-type"
 * @param method   the request method
 * @param uri      path and query as sent (already percent-encoded or deliberately not)
 * @param headers  header lines in order (name, value)
 * @param body     the body bytes, null for none
 * @param chunked  send the body with {@code Transfer-Encoding: chunked} instead of a length
 * @param shortBody declare a longer Content-Length than the body, then close the sending side
 * @param unseen   text of another project that the answer must not hold (its caller may not see it)
 */
record FuzzRequest(int index, Api api, String target, String kind, String method, String uri,
        List<String[]> headers, byte[] body, boolean chunked, boolean shortBody, List<String> unseen) {

    enum Api { COMPUTE, METADATA, IDENTITY, IMAGE, EC2 }

    FuzzRequest(int index, Api api, String target, String kind, String method, String uri, List<String[]> headers,
            byte[] body, boolean chunked, boolean shortBody) {
        this(index, api, target, kind, method, uri, headers, body, chunked, shortBody, List.of());
    }

    int uriLength() {
        return uri.length();
    }

    int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** A readable account of the request, long values cut. */
    String describe() {
        StringBuilder out = new StringBuilder();
        out.append('#').append(index).append(' ').append(api).append(' ').append(kind).append(" [").append(target)
                .append("]\n  ").append(method).append(' ').append(cut(uri, 400));
        for (String[] h : headers) {
            out.append("\n  ").append(h[0]).append(": ").append(cut(h[1], 200));
        }
        if (chunked) {
            out.append("\n  (chunked)");
        }
        if (shortBody) {
            out.append("\n  (Content-Length longer than the body sent)");
        }
        if (body != null) {
            out.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 600));
        }
        return out.toString();
    }

    /** The accounts of the next {@code n} requests a generator makes. */
    static List<String> describeNext(Supplier<FuzzRequest> generator, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(generator.get().describe());
        }
        return out;
    }

    /** Method, target and kind in one line, for figures. */
    String summary() {
        return method + " " + cut(uri, 120) + " (" + kind + ")";
    }

    static String cut(String s, int max) {
        String printable = s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return printable.length() <= max ? printable
                : printable.substring(0, max) + "...(" + printable.length() + " chars)";
    }
}
