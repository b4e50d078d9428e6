package org.jnova.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Pools of hostile values the generator draws from. */
final class Hostile {
    private Hostile() {
    }

    /** Numbers as JSON text: huge, negative, fractional, overflowing, exotic spellings that are still JSON. */
    static final List<String> JSON_NUMBERS = List.of("-1", "0", "-0", "1.5", "-1.5", "0.0000001", "2147483647",
            "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999999999999999", "1e308", "1e309", "-1e309", "1E400",
            "1e-400", "123456789012345678901234567890.5", "1.0", "3.0e2", "-0.0");

    /** Values of another type than a schema asks for. */
    static final List<String> JSON_OTHER_TYPES = List.of("null", "true", "false", "\"\"", "\"1\"", "\"-1\"",
            "\"1.5\"", "\"true\"", "[]", "{}", "[1,2,3]", "{\"a\":1}", "[null]", "[[]]", "[{}]", "0", "1.5",
            "\"00000000-0000-0000-0000-000000000000\"");

    /** Whole bodies that are empty, not JSON, or JSON of the wrong shape. */
    static final List<String> BODIES = List.of("", " ", "\n", "null", "[]", "{}", "\"x\"", "1", "-1", "true",
            "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "{'a': 1}", "{\"a\":1,}", "[1,]", "{}{}", "{} garbage",
            "/* c */ {}", "// c\n{}", "NaN", "Infinity", "-Infinity", "{\"a\": NaN}", "{\"a\": 01}",
            "{\"a\": .5}", "{\"a\": 0x10}", "\ufeff{}", "<?xml version=\"1.0\"?><server name=\"x\"/>",
            "a=b&c=d", "[{}]", "{\"\": {}}", "{\"a\": \"\\u\"}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\x41\"}",
            "{\"a\": \"tab\there\"}", "\"\\u0000\"", "{\"a\": 1e99999}", "{\"a\":\"b\"}\u0000",
            "{\"a\": tru}", "{\"a\": nul}", "[1, 2", "{\"a\": [1, 2}", "{{}}", "[[[[[[[[[[");

    /** Strings with control characters, NUL, odd Unicode, injection attempts. */
    static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0003\u001f",
            "\t\r\n", "\u007f", "\u2028\u2029", "\ufeff", "\u202eevil", "\ud83d\ude00", "\u00e9\u00e8",
            "\uffff", "\ufffe", "..", "../../etc/passwd", "%00", "%s%s%s%n", "{0}{1}", "${jndi:ldap://x/a}",
            "' OR '1'='1", "'; DROP TABLE instances; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
            "\\", "\\u0000", "*", "%", "_", "(a+)+$", "[", "x".repeat(256), "-1", "null", "true", "NaN",
            "0x41", "1e309", "  padded  ", "\u0085");

    /** Path segments for ids: not uuids, very long, percent-encoded junk, traversal. */
    static final List<String> IDS = List.of("0", "-1", "1.5", "99999999999999999999", "2147483648", "null",
            "None", "true", "%00", "%2e%2e", "..", ".", "%2F", "a%2Fb", "%ZZ", "%", "%C0%AE", "%FF%FE", "%E2%80%AE",
            "%C3%A9", "%F0%9F%98%80", "%0D%0AX-Injected:%201", "%09", "%20", "+", "*", "'%20OR%201=1--",
            "%3Cscript%3E", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "00000000000000000000000000000000", "{00000000-0000-0000-0000-000000000000}",
            "00000000-0000-0000-0000-00000000000g", "a".repeat(255), "a".repeat(256), "a".repeat(1000),
            "a".repeat(5000), "a".repeat(9000), "%41".repeat(2000), "%25", "%%", "~", ";", ";a=b", "a;b",
            "action", "detail", "os-", "$", "@", "!", "%u0041", "%c0%80");

    /** Query values that are numbers out of range, negative, fractional, not numbers. */
    static final List<String> QUERY_INTS = List.of("-1", "0", "1.5", "abc", "", "2147483648", "99999999999",
            "-99999999999", "9223372036854775808", "99999999999999999999999999", "1e3", "0x10", "%201",
            "1%20", "%EF%BC%91", "+1", "1_000", "%00", "NaN", "-0", "00000000000000000001");

    static final List<String> QUERY_BOOLS = List.of("maybe", "", "2", "-1", "yes", "True%20", "%00", "tRuE",
            "off", "1.0", "null");

    static final List<String> QUERY_DATES = List.of("yesterday", "2020-13-45T99:99:99Z", "0000-00-00",
            "9999-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "-1", "1e10", "2020-01-01T00:00:00%2B99:00",
            "2020-01-01T00:00:00.12345678901234567890Z", "2020-02-30", "2020-01-01T24:00:00", "0001-01-01",
            "1970-01-01T00:00:00Z", "2020-01-01T00:00:00%2B14:00", "99999999999999999999", "%00", "",
            "2020-01-01%20junk", "T", "2020-W01-1", "2020-001", "20200101T000000Z");

    static final List<String> QUERY_SORT_KEYS = List.of("junk", "id", "uuid", "deleted", "display_name",
            "created_at%20DESC", "name;", "%27;%20DROP%20TABLE%20instances;--", "", "x".repeat(300),
            "user_data", "(SELECT%201)", "1", "*", "instances.id", "host,id", "%00");

    static final List<String> QUERY_SORT_DIRS = List.of("sideways", "", "ASC", "DESC", "desc;%20--", "up",
            "asc,desc", "%00", "x".repeat(300));

    /** Regex filters that backtrack exponentially on a name like "fuzz-aaaa...a!" (percent-encoded). */
    static final List<String> CATASTROPHIC_REGEXES = List.of("(a%2B)%2B$", "(a|aa)%2B$", "(.*a){20}", "(a*)*b",
            "^(%5Ba-z%5D%2B)*$");

    /** Regex filters: malformed, huge, odd, and the catastrophic ones. */
    static final List<String> QUERY_REGEXES = java.util.stream.Stream.concat(CATASTROPHIC_REGEXES.stream(),
            java.util.stream.Stream.of("%5B", "(", "\\", "(%3Fi)fuzz", "*", "a{99999}", "a{1,99999}{1,99999}",
                    "%5B%5E%5D", "(%3F%3Da)", "\\d%2B\\", "(%3FP<n>a)", ".{0,99999}", "%25", "_", "%00", "\\u0000",
                    "x".repeat(2000), "(%3F%23comment)")).toList();

    /** Microversion header values: malformed, out of range, huge, for another service. */
    static final List<String> MICROVERSIONS = List.of("compute 2.9999", "compute 3.0", "compute 1.1",
            "compute 2.0", "compute 2.-1", "compute 2", "compute 2.1.1", "compute 2.latest", "compute latest",
            "compute LATEST", "compute", "compute ", "volume 3.0", "compute 99999999999999999999.1",
            "compute 2.99999999999999999999", "compute 2.1, compute 2.90", "compute 2.1,compute latest",
            "compute 0x2.1", "compute 2,1", "compute 2.1 2.2", "compute\t2.1", "compute 2.01", "compute +2.1",
            "compute " + "9".repeat(5000), "compute " + "2.1 ".repeat(1000), "", "garbage", "\u00e9");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/json; charset=latin-1", "application/json; charset=utf-16", "application/json;;;",
            "application/json; boundary=x", "multipart/form-data; boundary=----x",
            "application/x-www-form-urlencoded", "", "*/*", "application/*", "garbage", "application/jsonx",
            "APPLICATION/JSON", "application/json" + ";a=b".repeat(1000), "application/octet-stream",
            "application/vnd.openstack.compute+json;version=2.1");

    static final List<String> ACCEPTS = List.of("application/xml", "text/html", "text/plain", "*/*;q=abc",
            "application/json;q=0", "image/png", "", "garbage", "application/*", "*/*", "text/*;q=0.5, */*;q=0",
            "application/json;q=2", "application/json" + ", text/html".repeat(1000),
            "application/vnd.openstack.compute+json;version=2.1");

    static final List<String> TOKENS = List.of("", ":", "::", "a:b:c", "admin:", ":admin", "admin", "x".repeat(8000),
            "admin:" + "p".repeat(5000), "u".repeat(300) + ":p", "\u00e9:\u00e9", "admin:admin:admin",
            "%00:%00", "null:null", "admin%3Aadmin", " admin:admin ", "admin :admin", "../..:..");

    /** Bytes that are not valid UTF-8, to put inside a JSON string. */
    static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xfe,
            (byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xc0, (byte) 0x80},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80,
                    (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0x80});

    /** UTF-8 bytes of {@code s} as ISO-8859-1 chars, for writing raw bytes into a request line or header. */
    static String wire(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
