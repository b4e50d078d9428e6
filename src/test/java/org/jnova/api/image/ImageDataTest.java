package org.jnova.api.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jnova.api.image.ImageApiClient.Reply;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Image data streams through the Image v2 API: a 100 MiB upload is written to the store as it
 * arrives (never held in memory), downloads stream from the file with glance's Range support,
 * and an upload that breaks off leaves neither a file nor a saving image behind.
 */
class ImageDataTest {
    private static final String DEMO = "demo:demo";
    private static final long BIG = 100L * 1024 * 1024;
    private static JnovaTestServer jnova;
    private static ImageApiClient api;
    private static Path stateDir;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        stateDir = Files.createTempDirectory("jnova-image-data");
        String engine = org.jnova.db.TestDatabases.engines().get(0);
        jnova = JnovaTestServer.start(engine, "[DEFAULT]", "state_path = " + stateDir);
        url = jnova.startImage();
        api = new ImageApiClient(url);
    }

    @AfterAll
    static void stop() throws Exception {
        jnova.close();
    }

    /** {@code length} bytes of a repeatable pattern, made as they are read. */
    private static InputStream pattern(long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < length ? (int) (position++ * 31 % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (position++ * 31 % 251);
                }
                return n;
            }
        };
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Optional<MemoryPoolMXBean> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && (p.getName().contains("Old Gen") || p.getName().contains("Tenured"))).findFirst();
    }

    @Test
    void aHundredMebibyteUploadStreamsToTheStoreAndBack() throws Exception {
        String id = api.create(DEMO, "{\"name\": \"big\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        try (InputStream in = pattern(BIG)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
                sha512.update(buffer, 0, n);
            }
        }
        Optional<MemoryPoolMXBean> old = oldGeneration();
        System.gc();
        old.ifPresent(MemoryPoolMXBean::resetPeakUsage);
        long before = old.map(p -> p.getUsage().getUsed()).orElse(0L);

        // chunked: no Content-Length, the server cannot know the size in advance
        Reply upload = api.send("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream",
                HttpRequest.BodyPublishers.ofInputStream(() -> pattern(BIG)));
        assertEquals(204, upload.status(), upload.text());
        old.ifPresent(pool -> assertTrue(pool.getPeakUsage().getUsed() - before < 64L * 1024 * 1024,
                "the upload was held in memory: old generation grew by "
                        + (pool.getPeakUsage().getUsed() - before)));

        var shown = api.get("/v2/images/" + id, DEMO).json();
        assertEquals("active", shown.get("status").asText());
        assertEquals(BIG, shown.get("size").asLong());
        assertEquals(hex(md5), shown.get("checksum").asText());
        assertEquals(hex(sha512), shown.get("os_hash_value").asText());

        var download = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/v2/images/" + id + "/file")).header("X-Auth-Token", DEMO)
                .timeout(Duration.ofSeconds(120)).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, download.statusCode());
        assertEquals(String.valueOf(BIG), download.headers().firstValue("Content-Length").orElse(null));
        assertEquals(shown.get("checksum").asText(), download.headers().firstValue("Content-MD5").orElse(null));
        MessageDigest downloaded = MessageDigest.getInstance("MD5");
        long count = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                downloaded.update(buffer, 0, n);
                count += n;
            }
        }
        assertEquals(BIG, count);
        assertEquals(shown.get("checksum").asText(), hex(downloaded));
    }

    @Test
    void rangeDownloads() throws Exception {
        String id = api.create(DEMO, "{\"name\": \"ranges\"}");
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(204, api.call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream", data)
                .status());
        String file = "/v2/images/" + id + "/file";

        Reply first = api.call("GET", file, DEMO, null, null, "Range", "bytes=0-4");
        assertEquals(206, first.status());
        assertEquals("01234", first.text());
        assertEquals("bytes 0-4/10", first.header("Content-Range"));
        assertEquals("5", first.header("Content-Length"));

        Reply suffix = api.call("GET", file, DEMO, null, null, "Range", "bytes=-3");
        assertEquals(206, suffix.status());
        assertEquals("789", suffix.text());
        assertEquals("bytes 7-9/10", suffix.header("Content-Range"));

        Reply open = api.call("GET", file, DEMO, null, null, "Range", "bytes=8-");
        assertEquals("89", open.text());
        Reply beyond = api.call("GET", file, DEMO, null, null, "Range", "bytes=5-100");
        assertEquals("56789", beyond.text());
        assertEquals("bytes 5-9/10", beyond.header("Content-Range"));

        Reply pastTheEnd = api.call("GET", file, DEMO, null, null, "Range", "bytes=10-");
        assertEquals(416, pastTheEnd.status());
        assertTrue(pastTheEnd.text().contains("Start position MUST be in the inclusive range [0, 9]."),
                pastTheEnd.text());
        assertEquals(416, api.call("GET", file, DEMO, null, null, "Range", "pages=1-2").status());
        assertEquals(416, api.call("GET", file, DEMO, null, null, "Range", "bytes=5-2").status());
        assertEquals(400, api.call("GET", file, DEMO, null, null, "Range", "bytes=0-1,3-4").status());
        assertArrayEquals(data, api.get(file, DEMO).raw().body());

        // the deprecated request Content-Range glance still honours
        Reply legacy = api.call("GET", file, DEMO, null, null, "Content-Range", "bytes 2-4/*");
        assertEquals(206, legacy.status());
        assertEquals("234", legacy.text());
        assertEquals("bytes 2-4/10", legacy.header("Content-Range"));
        assertEquals(416, api.call("GET", file, DEMO, null, null, "Content-Range", "bytes 2-40/*").status());
        assertEquals(416, api.call("GET", file, DEMO, null, null, "Content-Range", "pages 2-4/*").status());
    }

    @Test
    void anUploadThatBreaksOffLeavesNothingBehind() throws Exception {
        String id = api.create(DEMO, "{\"name\": \"broken\"}");
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v2/images/" + id + "/file HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + DEMO
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 10485760\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] part = new byte[100_000];
            Arrays.fill(part, (byte) 7);
            out.write(part);
            out.flush();
            Instant saving = Instant.now().plusSeconds(10);
            while (!"saving".equals(api.get("/v2/images/" + id, DEMO).json().get("status").asText())) {
                assertTrue(Instant.now().isBefore(saving), "the upload never started");
                Thread.sleep(20);
            }
        }
        Instant end = Instant.now().plusSeconds(20);
        while (!"queued".equals(api.get("/v2/images/" + id, DEMO).json().get("status").asText())) {
            assertTrue(Instant.now().isBefore(end), "the image stayed in saving");
            Thread.sleep(50);
        }
        Path images = stateDir.resolve("images");
        try (Stream<Path> left = Files.exists(images) ? Files.list(images) : Stream.empty()) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".upload-") || n.equals(id)), names.toString());
        }
        assertEquals(204, api.get("/v2/images/" + id + "/file", DEMO).status());

        // and it takes a complete upload afterwards
        assertEquals(204, api.call("PUT", "/v2/images/" + id + "/file", DEMO, "application/octet-stream",
                new byte[] {1}).status());
    }
}
