package org.jnova.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What the generators of the Identity, Image and EC2 requests share: the seeded random
 * source, picks by weight, and the hostile changes to headers and paths that do not depend
 * on the service.
 */
abstract class ServiceGenerator<T> {
    static final List<String> METHODS = List.of("PATCH", "TRACE", "OPTIONS", "FUZZ", "get", "CONNECT", "PROPFIND",
            "HEAD", "PUT", "DELETE", "POST", "GET");

    final SplittableRandom random;
    int index;
    private final List<T> targets;

    /** A generator of requests for each of {@code targets} in turn, in an order fixed by the seed. */
    ServiceGenerator(long seed, List<T> targets) {
        this.random = new SplittableRandom(seed);
        this.targets = new ArrayList<>(targets);
        shuffle(this.targets);
    }

    abstract FuzzRequest next();

    /** How many operations one round of the generator covers. */
    final int targetCount() {
        return targets.size();
    }

    /** What the request being made is for. */
    final T target() {
        return targets.get(index % targets.size());
    }

    /** Shuffles {@code targets} in an order fixed by the seed. */
    <E> void shuffle(List<E> targets) {
        Draws.shuffle(random, targets);
    }

    /** A change to the headers that any HTTP service must bear; returns its name and, for "method", the method. */
    String[] header(List<String[]> headers, boolean hasBody) {
        String choice = weighted("content-type", hasBody ? 14 : 3, "accept", 10, "huge", 8, "chunked", hasBody ? 8 : 2,
                "short-body", hasBody ? 6 : 1, "request-id", 4, "cors", 4, "forwarded", 4, "method", 10);
        switch (choice) {
            case "content-type" -> set(headers, "Content-Type", pick(Hostile.CONTENT_TYPES));
            case "accept" -> set(headers, "Accept", pick(Hostile.ACCEPTS));
            case "huge" -> addHuge(random, headers);
            case "request-id" -> headers.add(h("X-Openstack-Request-Id", pick(List.of("req-junk", "x".repeat(5000), "",
                    "req-%00", "req-" + "0".repeat(36)))));
            case "cors" -> {
                headers.add(h("Origin", pick(List.of("http://evil.example", "null", "*", "x".repeat(3000)))));
                headers.add(h("Access-Control-Request-Method", pick(List.of("DELETE", "FUZZ", ""))));
                if (random.nextBoolean()) {
                    return new String[] {"method", "OPTIONS"};
                }
            }
            case "forwarded" -> headers.add(h(pick(List.of("X-Forwarded-Proto", "Forwarded", "X-Forwarded-Host",
                    "X-Forwarded-For")), pick(List.of("gopher", "proto=https;host=evil.example", "a".repeat(5000),
                    "x:99999", "for=\"[::1", "", "999.999.999.999"))));
            case "method" -> {
                return new String[] {"method", pick(METHODS)};
            }
            default -> {
            }
        }
        return new String[] {choice, null};
    }

    /**
     * What a header change from {@link #header} does to the rest of the request: its kind, its method,
     * its body ({@code stub} where a body-related change needs one and there is none), and how it is sent.
     */
    record HeaderEffect(String kind, String method, byte[] body, boolean chunked, boolean shortBody) {
        static HeaderEffect of(String[] changed, String method, byte[] body, byte[] stub) {
            String kind = "header:" + changed[0];
            return switch (changed[0]) {
                case "chunked" -> new HeaderEffect(kind, method, body == null ? stub : body, true, false);
                case "short-body" -> new HeaderEffect(kind, method, body == null ? stub : body, false, true);
                case "method" -> new HeaderEffect(kind, changed[1], body, false, false);
                default -> new HeaderEffect(kind, method, body, false, false);
            };
        }
    }

    /** The path made odd in one of several ways. */
    String shape(String path) {
        return Draws.oddPath(random, path);
    }

    /** A query string that is odd whatever the parameters are. */
    String oddQuery() {
        return pick(List.of("fuzz=1", "%ZZ=%ZZ", "=", "&&&", "a[]=1&a[b]=2", "a=%00", "x".repeat(3000) + "=1",
                "limit", "limit=", "=limit", "%=%", "a=%C0%80", "a=%FF", "__proto__=1", "a=1;b=2", "%3D=%26", "a==1"));
    }

    /** A hostile value for a query parameter of this name. */
    String queryValue(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("limit") || lower.contains("min") || lower.contains("max") || lower.contains("size")) {
            return pick(Hostile.QUERY_INTS);
        }
        if (lower.contains("enabled") || lower.contains("is_") || lower.startsWith("include") || lower.contains("protected")
                || lower.contains("hidden") || lower.contains("effective") || lower.contains("nocatalog")
                || lower.contains("allow_expired")) {
            return pick(Hostile.QUERY_BOOLS);
        }
        if (lower.contains("_at") || lower.contains("time") || lower.contains("expires")) {
            return pick(Hostile.QUERY_DATES);
        }
        if (lower.contains("sort")) {
            return random.nextBoolean() ? pick(Hostile.QUERY_SORT_KEYS) : pick(Hostile.QUERY_SORT_DIRS);
        }
        return random.nextBoolean() ? encode(pick(Hostile.STRINGS)) : pick(Hostile.IDS);
    }

    /** Adds a header too long, or too many headers, or one with too long a name. */
    static void addHuge(RandomGenerator random, List<String[]> headers) {
        switch (random.nextInt(3)) {
            case 0 -> headers.add(h("X-Fuzz", "x".repeat(Draws.pick(random, List.of(8000, 16000, 17000, 70000)))));
            case 1 -> {
                for (int i = 0; i < random.nextInt(50, 300); i++) {
                    headers.add(h("X-Fuzz-" + i, "v" + i));
                }
            }
            default -> headers.add(h("X-" + "N".repeat(5000), "v"));
        }
    }

    static String[] h(String name, String value) {
        return new String[] {name, value};
    }

    static void set(List<String[]> headers, String name, String value) {
        headers.removeIf(x -> x[0].equalsIgnoreCase(name));
        headers.add(h(name, value));
    }

    static boolean has(List<String[]> headers, String name) {
        return headers.stream().anyMatch(x -> x[0].equalsIgnoreCase(name));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    <T> T pick(List<T> from) {
        return Draws.pick(random, from);
    }

    /** One of the values, with the weights given after each (value, weight, value, weight...). */
    <T> T weighted(Object... pairs) {
        return Draws.weighted(random, pairs);
    }
}
