package org.jnova.api.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real nova's metadata transcript (md_transcript.py's output) read into exchanges:
 * the request as sent and the answer as received, in order, with the section each is in.
 */
final class MetadataTranscript {
    static final Path FILE = Path.of("../shared/tools/nova-ref/metadata-transcript.txt");

    private static final Pattern REQUEST = Pattern.compile("^### (\\S+) (\\S+)(?:   # (.*))?$");
    private static final Pattern SECTION = Pattern.compile("^== (\\d+)\\. .*");
    private static final Pattern BODY = Pattern.compile("^> \\(body (\\d+) bytes\\) b'(.*)'$");
    private static final Pattern END = Pattern.compile("^### end \\((\\d+) bytes\\)$");
    private static final Pattern ORACLE = Pattern.compile("^# server md-oracle: id=(\\S+) tenant=(\\S+) key_name=(\\S+)");
    private static final Pattern PLAIN = Pattern.compile("^# server md-plain: id=(\\S+) ");

    final List<Exchange> exchanges = new ArrayList<>();
    String oracleId;
    String plainId;
    String tenant;
    String keyName;

    /** One request and nova's answer. */
    record Exchange(int section, String method, String path, String note, List<String[]> requestHeaders,
            byte[] requestBody, int status, List<String[]> headers, String body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        String requestHeader(String name) {
            return requestHeaders.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst()
                    .orElse(null);
        }
    }

    static MetadataTranscript read() throws IOException {
        MetadataTranscript t = new MetadataTranscript();
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        int section = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = ORACLE.matcher(line)).find()) {
                t.oracleId = m.group(1);
                t.tenant = m.group(2);
                t.keyName = m.group(3);
            } else if ((m = PLAIN.matcher(line)).find()) {
                t.plainId = m.group(1);
            } else if ((m = SECTION.matcher(line)).matches()) {
                section = Integer.parseInt(m.group(1));
            } else if ((m = REQUEST.matcher(line)).matches() && !line.startsWith("### end")) {
                i = parseExchange(t, section, m, lines, i + 1);
            }
        }
        return t;
    }

    private static int parseExchange(MetadataTranscript t, int section, Matcher request, List<String> lines, int i) {
        List<String[]> requestHeaders = new ArrayList<>();
        byte[] requestBody = null;
        for (; lines.get(i).startsWith("> "); i++) {
            Matcher body = BODY.matcher(lines.get(i));
            if (body.matches()) {
                requestBody = body.group(2).getBytes(StandardCharsets.UTF_8);
            } else {
                String h = lines.get(i).substring(2);
                int colon = h.indexOf(": ");
                requestHeaders.add(new String[] {h.substring(0, colon), colon + 2 <= h.length()
                        ? h.substring(colon + 2) : ""});
            }
        }
        int status = Integer.parseInt(lines.get(i).split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (i++; !lines.get(i).isEmpty(); i++) {
            String h = lines.get(i);
            int colon = h.indexOf(": ");
            headers.add(new String[] {h.substring(0, colon), h.substring(colon + 2)});
        }
        int bodyStart = i + 1;
        int end = bodyStart;
        while (!END.matcher(lines.get(end)).matches()) {
            end++;
        }
        String body = String.join("\n", lines.subList(bodyStart, end));
        Matcher e = END.matcher(lines.get(end));
        e.matches();
        int length = Integer.parseInt(e.group(1));
        if (body.length() > length) {
            body = body.substring(0, length);
        }
        t.exchanges.add(new Exchange(section, request.group(1), request.group(2), request.group(3), requestHeaders,
                requestBody, status, headers, body));
        return end;
    }
}
