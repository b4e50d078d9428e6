package org.jnova.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.api.ec2.auth.SignatureV2;
import org.jnova.api.ec2.auth.SignatureV4;

/**
 * Hostile EC2 Query requests: every action jnova answers and bogus ones in turn, as a member of
 * project A, of project B or the admin (noauth2 access keys {@code user:project}), signed as
 * the SDKs sign (SigV4 in the header or the query, SigV2), by GET or by a POST form, with one
 * hostile change: an id (junk or another project's), filters ({@code Filter.N.Name},
 * {@code Filter.N.Value.M}), paging ({@code MaxResults}, {@code NextToken}), list numbers far
 * out of range, odd text, repeated parameters, the signature, the headers or the path.
 */
final class Ec2Generator extends ServiceGenerator<String> {
    static final String SECRET = "fuzz-ec2-secret-key";
    static final String BOGUS = "(bogus action)";
    /** Each action and its parameters as {@code Name=kind}; {@code .N} numbers a list, {@code Filter} filters, ... */
    static final Map<String, String> ACTIONS = actions();
    private static final List<String> FILTER_NAMES = List.of("instance-id", "instance-state-name",
            "instance-state-code", "private-ip-address", "availability-zone", "key-name", "instance-type",
            "reservation-id", "tag:Name", "tag-key", "tag-value", "root-device-type", "block-device-mapping.volume-id",
            "volume-id", "status", "size", "create-time", "attachment.instance-id", "snapshot-id", "owner-id",
            "group-name", "group-id", "ip-permission.from-port", "ip-permission.cidr", "public-ip", "domain",
            "resource-id", "resource-type", "key", "value", "image-id", "name", "state", "is-public", "fingerprint",
            "system-status.status", "description", "progress", "start-time", "junk", "", "tag:", "tag:\u00e9");
    /** Ids that name nothing, or nothing of the caller's; none names the seed image the compute fixtures boot. */
    private static final List<String> JUNK_IDS = List.of("", "i-", "i-zzzzzzzz", "i-00000000", "i-ffffffffffffffff",
            "i-" + "0".repeat(100), "ami-00000000", "ami-%00", "vol-", "vol-ffffffff", "snap-00000000", "sg-1",
            "i-1234567", "I-00000001", "i-00000001 ", " i-00000001", "i-0000000g", "i-7fffffff", "i-100000000",
            "vol-0000000000000000000000001", "aki-7ffffffe", "ari-7ffffffd", "99999999999999999999", "-1",
            "00000000-0000-0000-0000-000000000000", "x".repeat(300), "\u00e9", "i-\u0661\u0662", "*", "i-*", "%");
    private static final List<String> BOGUS_ACTIONS = List.of("", "describeinstances", "DescribeInstances ",
            "Describe%00", "x".repeat(300), "\u00e9", "../DescribeInstances", "DescribeFoo", "Action", "__init__",
            "DescribeInstances;RunInstances", "getClass", "CreateVpc", "DescribeRegions\n", "%ZZ", "toString");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What the generator aims at. */
    interface Targets {
        /** {@code host:port} as the client sends it in {@code Host}, which SigV4 signs. */
        String host();

        /** A real value of a kind (instance, volume, snapshot, image, keypair, group-id, group-name, ip) of A or B. */
        String id(String kind, boolean other);

        /** What a member of project A must never be shown. */
        List<String> unseen();
    }

    private enum Persona {
        MEMBER_A("alice:" + FuzzFixtures.PROJECT_A), MEMBER_B("bob:" + FuzzFixtures.PROJECT_B), ADMIN("admin:admin");

        final String key;

        Persona(String key) {
            this.key = key;
        }
    }

    private final Targets ids;
    private final Clock clock;
    private int names;

    Ec2Generator(Targets ids, Clock clock, long seed) {
        super(seed, sortedTargets());
        this.ids = ids;
        this.clock = clock;
    }

    /** The actions and a bogus one, sorted, so that the shuffle starts from a fixed order. */
    private static List<String> sortedTargets() {
        List<String> actions = new ArrayList<>(ACTIONS.keySet());
        actions.add(BOGUS);
        actions.sort(null);
        return actions;
    }

    @Override
    FuzzRequest next() {
        String action = target();
        Persona persona = weighted(Persona.MEMBER_A, 50, Persona.MEMBER_B, 25, Persona.ADMIN, 25);
        Owner owner = persona == Persona.MEMBER_B ? Owner.B : Owner.A;
        List<String[]> params = new ArrayList<>();
        String kind;
        if (action.equals(BOGUS)) {
            String bogus = pick(BOGUS_ACTIONS);
            params.add(h("Action", bogus));
            kind = "action:bogus";
        } else {
            params.add(h("Action", action));
            params.add(h("Version", "2016-11-15"));
            plausible(ACTIONS.get(action), owner, params);
            kind = null;
        }
        String method = random.nextBoolean() ? "GET" : "POST";
        String path = "/";
        List<String[]> headers = new ArrayList<>();
        String signing = weighted("v4-header", 50, "v4-query", 20, "v2", 30);
        String axis = kind != null ? "none" : weighted("param", 60, "signature", 12, "header", 14, "path", 6,
                "transport", 8);
        String bodyType = null;
        boolean chunked = false;
        boolean shortBody = false;
        String override = null;
        switch (axis) {
            case "param" -> kind = "param:" + hostileParam(ACTIONS.get(action), owner, params);
            case "path" -> {
                path = pick(List.of("/services/Cloud/", "//", "/" + "a/".repeat(random.nextInt(1, 200)), "/%00",
                        "/..", "/?", "/\u00e9", "/x".repeat(3000)));
                kind = "path:odd";
            }
            case "transport" -> {
                String choice = pick(List.of("both", "form-as-get", "no-form-type", "raw-query"));
                kind = "transport:" + choice;
                switch (choice) {
                    case "both" -> method = "POST";
                    case "form-as-get" -> {
                        method = "GET";
                        bodyType = "form";
                    }
                    case "no-form-type" -> {
                        method = "POST";
                        bodyType = pick(List.of("text/plain", "", "application/json", "multipart/form-data"));
                    }
                    default -> override = pick(List.of("Action=DescribeRegions&%ZZ=1", "Action=%E9", "&&&=&",
                            "Action=DescribeRegions&Filter.1.Name=%", "Action", "=DescribeRegions",
                            "Action=DescribeInstances&InstanceId.1=%C0%80"));
                }
            }
            default -> {
            }
        }
        // the request as signed: GET carries everything in the query, POST in a form body
        String encoded = override != null ? override : encodeAll(params, axis.equals("param") && random.nextInt(5) == 0);
        String query = "";
        byte[] body = null;
        if (method.equals("GET") && bodyType == null) {
            query = encoded;
        } else if (axis.equals("transport") && kind.equals("transport:both")) {
            query = "Action=DescribeRegions&Version=2010-08-31";
            body = utf8(encoded);
            headers.add(h("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
        } else {
            body = utf8(encoded);
            headers.add(h("Content-Type", bodyType == null || bodyType.equals("form")
                    ? "application/x-www-form-urlencoded; charset=utf-8" : bodyType));
        }
        String signed = sign(persona.key, signing, method, path, params, query, body, headers);
        if (!signed.isEmpty()) {
            query = query.isEmpty() ? signed : query + "&" + signed;
        }
        switch (axis) {
            case "signature" -> kind = "signature:" + forge(headers, persona.key);
            case "header" -> {
                HeaderEffect effect = HeaderEffect.of(header(headers, body != null), method, body,
                        utf8("Action=DescribeRegions"));
                kind = effect.kind();
                method = effect.method();
                body = effect.body();
                chunked = effect.chunked();
                shortBody = effect.shortBody();
            }
            default -> {
            }
        }
        if (kind.equals("signature:query-sigv2-junk")) {
            query = query + "&Timestamp=" + pick(List.of("yesterday", "2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
                    "%00", "2020-13-45T99:99:99Z", ""));
        }
        String uri = path + (query.isEmpty() ? "" : "?" + query);
        FuzzRequest r = new FuzzRequest(index, FuzzRequest.Api.EC2, action + " as " + persona + " (" + method + ")",
                kind, method, uri, headers, body, chunked, shortBody,
                persona == Persona.MEMBER_A ? ids.unseen() : List.of());
        index++;
        return r;
    }

    private enum Owner { A, B }

    /** The action's parameters with real values (lists with one member), each present or not. */
    private void plausible(String spec, Owner owner, List<String[]> params) {
        for (String entry : spec.split(" ")) {
            if (entry.isEmpty() || random.nextInt(3) == 0) {
                continue;
            }
            if (entry.equals("Filter")) {
                params.add(h("Filter.1.Name", pick(FILTER_NAMES)));
                params.add(h("Filter.1.Value.1", pick(List.of("*", "running", "1", "a*", "?"))));
                continue;
            }
            if (entry.equals("MaxResults")) {
                params.add(h("MaxResults", pick(List.of("5", "10", "1000"))));
                continue;
            }
            if (entry.equals("NextToken")) {
                continue;
            }
            int eq = entry.indexOf('=');
            params.add(h(entry.substring(0, eq).replace(".N", ".1").replace(".M", ".1"), value(entry.substring(eq + 1),
                    owner == Owner.B)));
        }
    }

    /** A real or plausible value of a parameter kind. */
    private String value(String kind, boolean other) {
        return switch (kind) {
            case "instance", "volume", "snapshot", "image", "keypair", "group-id", "group-name", "ip" ->
                    ids.id(kind, other);
            case "resource" -> ids.id(pick(List.of("instance", "volume", "snapshot")), other);
            case "count" -> "1";
            case "int" -> "1";
            case "port" -> "22";
            case "bool" -> random.nextBoolean() ? "true" : "false";
            case "base64" -> "aGVsbG8=";
            case "cidr" -> "10.0.0.0/24";
            case "protocol" -> pick(List.of("tcp", "udp", "icmp", "-1"));
            case "device" -> "/dev/vdb";
            case "zone" -> "nova";
            case "region" -> "nova";
            case "flavor" -> "m1.tiny";
            case "attribute" -> pick(List.of("instanceType", "userData", "launchPermission", "description",
                    "disableApiTermination", "blockDeviceMapping"));
            case "group" -> "all";
            case "domain" -> "standard";
            case "owner" -> "self";
            case "key" -> Base64.getEncoder().encodeToString(utf8(FuzzFixtures.PUBLIC_KEY));
            case "name" -> "fuzz-" + names++;
            default -> "fuzz";
        };
    }

    /** One hostile change to the parameters; returns what it was. */
    private String hostileParam(String spec, Owner owner, List<String[]> params) {
        List<String> idParams = new ArrayList<>();
        for (String entry : spec.split(" ")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && List.of("instance", "volume", "snapshot", "image", "keypair", "group-id", "group-name",
                    "ip", "resource").contains(entry.substring(eq + 1))) {
                idParams.add(entry);
            }
        }
        String choice = weighted("id", idParams.isEmpty() ? 0 : 25, "other-project", idParams.isEmpty() ? 0 : 15,
                "filter", 20, "paging", 12, "huge-n", 10, "text", 10, "duplicate", 8, "missing", 5, "version", 3,
                "number", 8);
        switch (choice) {
            case "id", "other-project" -> {
                String entry = pick(idParams);
                int eq = entry.indexOf('=');
                String name = entry.substring(0, eq).replace(".N", ".1").replace(".M", ".1");
                String kind = entry.substring(eq + 1);
                String value = choice.equals("id") ? Hostile.wire(pick(JUNK_IDS)) : value(kind, owner == Owner.A);
                params.removeIf(p -> p[0].equals(name));
                params.add(h(name, value));
            }
            case "filter" -> {
                params.removeIf(p -> p[0].startsWith("Filter."));
                String n = pick(List.of("1", "1", "2", "0", "-1", "01", "999999999", "1234567890", "x", "",
                        "99999999999999999999"));
                if (random.nextInt(6) != 0) {
                    params.add(h("Filter." + n + ".Name", Hostile.wire(random.nextInt(3) == 0 ? pick(Hostile.STRINGS)
                            : pick(FILTER_NAMES))));
                }
                int values = weighted(1, 60, 0, 10, 3, 15, 500, 5, 2, 10);
                for (int i = 1; i <= values; i++) {
                    String m = values == 1 && random.nextInt(3) == 0 ? pick(List.of("0", "999999999", "1234567890",
                            "-1", "x")) : Integer.toString(i);
                    params.add(h("Filter." + n + ".Value." + m, Hostile.wire(pick(List.of("*", "?", "*".repeat(1000),
                            "?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*x", "[a-z]", "\\", "(a+)+$", "%", "_", "", "running",
                            "\u00e9*", "a".repeat(256), "16", "-1", "99999999999999999999", "true", "2020-*",
                            "i-*", "\u0000")))));
                }
            }
            case "paging" -> {
                params.removeIf(p -> p[0].equals("MaxResults") || p[0].equals("NextToken"));
                if (random.nextBoolean()) {
                    params.add(h("MaxResults", pick(Hostile.QUERY_INTS)));
                }
                if (random.nextInt(3) != 0) {
                    params.add(h("NextToken", pick(List.of("junk", "", "%00", "x".repeat(5000),
                            Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(pick(List.of("instance:",
                                    "volume:vol-00000001", "instance:" + ids.id("instance", owner == Owner.A),
                                    "tags:i-00000001\u0000k", "securitygroup:", ":", "instance:99999999999999999999",
                                    "snapshot:" + "x".repeat(300), "\u00e9:\u00e9")))), "====", "a.b.c"))));
                }
            }
            case "huge-n" -> {
                String entry = pick(List.of(spec.split(" ")));
                int eq = entry.indexOf('=');
                String name = eq < 0 ? "InstanceId.N" : entry.substring(0, eq);
                String base = name.contains(".N") ? name : name + ".N";
                if (random.nextBoolean()) {
                    int n = pick(List.of(100, 1000, 3000));
                    for (int i = 1; i <= n; i++) {
                        params.add(h(base.replace(".N", "." + i).replace(".M", ".1"), "x" + i));
                    }
                } else {
                    params.add(h(base.replace(".N", "." + pick(List.of("999999999", "1234567890", "0", "-1",
                            "99999999999999999999", "1e3", "0x10", "\u0661"))).replace(".M", ".1"), "x"));
                }
            }
            case "text" -> {
                if (params.size() > 2) {
                    int at = random.nextInt(2, params.size());
                    params.set(at, h(params.get(at)[0], Hostile.wire(pick(Hostile.STRINGS))));
                } else {
                    params.add(h(pick(List.of("Name", "KeyName", "GroupName", "Description", "\u00e9", "")),
                            Hostile.wire(pick(Hostile.STRINGS))));
                }
            }
            case "duplicate" -> {
                String[] first = params.get(random.nextInt(params.size()));
                params.add(h(first[0], Hostile.wire(pick(JUNK_IDS))));
            }
            case "missing" -> params.removeIf(p -> !p[0].equals("Action") && !p[0].equals("Version"));
            case "version" -> {
                params.removeIf(p -> p[0].equals("Version"));
                params.add(h("Version", pick(List.of("", "junk", "2008-12-01", "9999-99-99", "x".repeat(300),
                        "\u00e9", "../.."))));
            }
            default -> {
                String name = pick(List.of("MinCount", "MaxCount", "Size", "MaxResults", "FromPort", "ToPort",
                        "IpPermissions.1.FromPort", "BlockDeviceMapping.1.Ebs.VolumeSize", "NoReboot",
                        "IncludeAllInstances", "DisableApiTermination.Value"));
                params.removeIf(p -> p[0].equals(name));
                params.add(h(name, pick(List.of("-1", "0", "99999999999", "2147483648", "abc", "", "1.5", "1e3",
                        "TRUE", "yes", "\u0661", " 1", "0x10"))));
            }
        }
        return choice;
    }

    /** The parameters as {@code a=b&c=d}, each part percent-encoded (or, when {@code raw}, the values not). */
    private static String encodeAll(List<String[]> params, boolean raw) {
        List<String> parts = new ArrayList<>();
        for (String[] p : params) {
            parts.add(pct(p[0]) + "=" + (raw ? p[1] : pct(p[1])));
        }
        return String.join("&", parts);
    }

    /** RFC 3986 encoding of the value's characters (ISO-8859-1 chars stand for raw bytes). */
    private static String pct(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * Signs the request as an SDK would: SigV4 in the headers, SigV4 in the query or SigV2;
     * returns what goes into the query string for it (and adds the headers it needs).
     */
    private String sign(String key, String how, String method, String path, List<String[]> params, String query,
            byte[] body, List<String[]> headers) {
        Map<String, String> queryParams = decode(query);
        String date = AMZ_DATE.format(clock.instant());
        String scope = date.substring(0, 8) + "/nova/ec2/aws4_request";
        String payload = sha256(body == null ? new byte[0] : body);
        switch (how) {
            case "v4-header" -> {
                headers.add(h("X-Amz-Date", date));
                String signature = SignatureV4.compute(SECRET, new SignatureV4.Signed(method, path, queryParams, date,
                        scope, "host;x-amz-date", Map.of("host", ids.host(), "x-amz-date", date), payload));
                headers.add(h("Authorization", "AWS4-HMAC-SHA256 Credential=" + key + "/" + scope
                        + ", SignedHeaders=host;x-amz-date, Signature=" + signature));
                return "";
            }
            case "v4-query" -> {
                Map<String, String> auth = new LinkedHashMap<>();
                auth.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
                auth.put("X-Amz-Credential", key + "/" + scope);
                auth.put("X-Amz-Date", date);
                auth.put("X-Amz-SignedHeaders", "host");
                Map<String, String> all = new LinkedHashMap<>(queryParams);
                auth.forEach(all::putIfAbsent);
                auth.put("X-Amz-Signature", SignatureV4.compute(SECRET, new SignatureV4.Signed(method, path, all, date,
                        scope, "host", Map.of("host", ids.host()), payload)));
                return join(auth);
            }
            default -> {
                Map<String, String> auth = new LinkedHashMap<>();
                auth.put("AWSAccessKeyId", key);
                auth.put("SignatureMethod", "HmacSHA256");
                auth.put("SignatureVersion", "2");
                auth.put("Timestamp", TIMESTAMP.format(clock.instant()));
                Map<String, String> all = new LinkedHashMap<>();
                params.forEach(p -> all.putIfAbsent(p[0], p[1]));
                auth.forEach(all::putIfAbsent);
                auth.put("Signature", SignatureV2.compute(SECRET, method, ids.host(), path, all));
                return join(auth);
            }
        }
    }

    /** Spoils the signature; returns how. */
    private String forge(List<String[]> headers, String key) {
        String how = pick(List.of("no-authorization", "malformed-authorization", "bad-scope", "other-algorithm",
                "query-sigv2-junk", "odd-key", "two-authorizations"));
        switch (how) {
            case "no-authorization" -> headers.removeIf(x -> x[0].equals("Authorization"));
            case "malformed-authorization" -> set(headers, "Authorization", pick(List.of("AWS4-HMAC-SHA256",
                    "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Signature=x",
                    "AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request", "AWS4-HMAC-SHA256 ,,,,=,=",
                    "AWS4-HMAC-SHA256 Credential=" + "k/".repeat(2000) + ", Signature=x", "AWS key:sig",
                    "Basic YWRtaW46YWRtaW4=", "AWS4-HMAC-SHA256 Credential==, Signature==")));
            case "bad-scope" -> set(headers, "Authorization", "AWS4-HMAC-SHA256 Credential=" + key + "/"
                    + pick(List.of("", "20261207", "20261207/nova/ec2", "20261207/nova/ec2/aws4_request/x", "////"))
                    + ", SignedHeaders=host, Signature=00");
            case "other-algorithm" -> set(headers, "Authorization", pick(List.of("AWS4-HMAC-SHA512 Credential=" + key
                    + "/20261207/nova/ec2/aws4_request, Signature=00", "aws4-hmac-sha256 Credential=x")));
            case "odd-key" -> set(headers, "Authorization", "AWS4-HMAC-SHA256 Credential=" + Hostile.wire(pick(
                    List.of(":", "admin:", ":" + FuzzFixtures.PROJECT_B, "\u00e9:\u00e9", "a".repeat(3000) + ":x",
                            "%00", "admin:admin:admin"))) + "/20261207/nova/ec2/aws4_request, SignedHeaders=host, "
                    + "Signature=00");
            case "two-authorizations" -> headers.add(h("Authorization", "AWS4-HMAC-SHA256 Credential=admin:admin/"
                    + "20261207/nova/ec2/aws4_request, SignedHeaders=host, Signature=00"));
            default -> {
            }
        }
        return how;
    }

    private static Map<String, String> decode(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                out.putIfAbsent(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                out.putIfAbsent(pair, "");
            }
        }
        return out;
    }

    private static String join(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(pct(Hostile.wire(k)) + "=" + pct(Hostile.wire(v))));
        return String.join("&", parts);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> actions() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("DescribeRegions", "RegionName.N=region");
        a.put("DescribeAvailabilityZones", "ZoneName.N=zone");
        a.put("DescribeInstances", "InstanceId.N=instance Filter MaxResults NextToken");
        a.put("RunInstances", "ImageId=image MinCount=count MaxCount=count InstanceType=flavor KeyName=keypair "
                + "UserData=base64 Placement.AvailabilityZone=zone SecurityGroup.N=group-name SecurityGroupId.N=group-id");
        for (String each : List.of("StartInstances", "StopInstances", "TerminateInstances", "RebootInstances")) {
            a.put(each, "InstanceId.N=instance");
        }
        a.put("GetConsoleOutput", "InstanceId=instance");
        a.put("GetPasswordData", "InstanceId=instance");
        a.put("DescribeInstanceAttribute", "InstanceId=instance Attribute=attribute");
        a.put("ModifyInstanceAttribute", "InstanceId=instance Attribute=attribute Value=text "
                + "DisableApiTermination.Value=bool InstanceType.Value=flavor");
        a.put("DescribeInstanceStatus", "InstanceId.N=instance IncludeAllInstances=bool Filter MaxResults NextToken");
        a.put("DescribeImages", "ImageId.N=image Owner.N=owner ExecutableBy.N=owner Filter");
        a.put("RegisterImage", "Name=name RootDeviceName=device BlockDeviceMapping.N.DeviceName=device "
                + "BlockDeviceMapping.N.Ebs.SnapshotId=snapshot BlockDeviceMapping.N.Ebs.VolumeSize=int "
                + "BlockDeviceMapping.N.NoDevice=text Description=text Architecture=text ImageLocation=text");
        a.put("DeregisterImage", "ImageId=image");
        a.put("CreateImage", "InstanceId=instance Name=name Description=text NoReboot=bool");
        a.put("DescribeImageAttribute", "ImageId=image Attribute=attribute");
        a.put("ModifyImageAttribute", "ImageId=image LaunchPermission.Add.N.Group=group "
                + "LaunchPermission.Remove.N.Group=group Attribute=attribute OperationType=text UserGroup.N=group "
                + "UserId.N=text Description.Value=text");
        a.put("DescribeKeyPairs", "KeyName.N=keypair Filter");
        a.put("CreateKeyPair", "KeyName=name");
        a.put("ImportKeyPair", "KeyName=name PublicKeyMaterial=key");
        a.put("DeleteKeyPair", "KeyName=keypair");
        a.put("DescribeSecurityGroups", "GroupName.N=group-name GroupId.N=group-id Filter MaxResults NextToken");
        a.put("CreateSecurityGroup", "GroupName=name GroupDescription=text");
        a.put("DeleteSecurityGroup", "GroupId=group-id GroupName=group-name");
        String rules = "GroupId=group-id GroupName=group-name IpPermissions.N.IpProtocol=protocol "
                + "IpPermissions.N.FromPort=port IpPermissions.N.ToPort=port IpPermissions.N.IpRanges.M.CidrIp=cidr "
                + "IpPermissions.N.Groups.M.GroupId=group-id IpPermissions.N.Ipv6Ranges.M.CidrIpv6=cidr "
                + "IpProtocol=protocol FromPort=port ToPort=port CidrIp=cidr SourceSecurityGroupName=group-name";
        a.put("AuthorizeSecurityGroupIngress", rules);
        a.put("RevokeSecurityGroupIngress", rules);
        a.put("AuthorizeSecurityGroupEgress", rules);
        a.put("RevokeSecurityGroupEgress", rules);
        a.put("DescribeAddresses", "PublicIp.N=ip AllocationId.N=text Filter");
        a.put("AllocateAddress", "Domain=domain");
        a.put("AssociateAddress", "InstanceId=instance PublicIp=ip");
        a.put("DisassociateAddress", "PublicIp=ip");
        a.put("ReleaseAddress", "PublicIp=ip");
        a.put("DescribeVolumes", "VolumeId.N=volume Filter MaxResults NextToken");
        a.put("CreateVolume", "Size=int SnapshotId=snapshot AvailabilityZone=zone VolumeType=text");
        a.put("DeleteVolume", "VolumeId=volume");
        a.put("AttachVolume", "VolumeId=volume InstanceId=instance Device=device");
        a.put("DetachVolume", "VolumeId=volume InstanceId=instance Device=device Force=bool");
        a.put("DescribeSnapshots", "SnapshotId.N=snapshot OwnerId.N=owner Filter MaxResults NextToken");
        a.put("CreateSnapshot", "VolumeId=volume Description=text");
        a.put("DeleteSnapshot", "SnapshotId=snapshot");
        a.put("CreateTags", "ResourceId.N=resource Tag.N.Key=text Tag.N.Value=text");
        a.put("DeleteTags", "ResourceId.N=resource Tag.N.Key=text Tag.N.Value=text");
        a.put("DescribeTags", "Filter MaxResults NextToken");
        return Map.copyOf(a);
    }
}
