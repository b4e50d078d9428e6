package org.jnova.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The Identity, Image and EC2 generators without a server: what they cover, and that a seed fixes the sequence. */
class ServiceGeneratorsTest {
    private static final ApiOperations IDENTITY = ApiOperations.load(FuzzRun.IDENTITY_API);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final IdentityGenerator.Targets IDENTITY_IDS = new IdentityGenerator.Targets() {
        @Override
        public String token(boolean admin) {
            return admin ? "admin-token" : "member-token";
        }

        @Override
        public List<String> badTokens() {
            return List.of("junk", "");
        }

        @Override
        public String id(String parameter, boolean admin, boolean other) {
            return parameter + (admin ? "-admin" : "-member") + (other ? "-other" : "");
        }

        @Override
        public JsonNode memberAuthentication() {
            return JSON.createObjectNode().set("auth", JSON.createObjectNode().put("x", 1));
        }

        @Override
        public List<String> unseen() {
            return List.of("secret");
        }

        @Override
        public String hint(String field) {
            return null;
        }
    };

    private static final ImageGenerator.Targets IMAGE_IDS = new ImageGenerator.Targets() {
        @Override
        public String image(String which) {
            return "image-" + which;
        }

        @Override
        public JsonNode imageSchema() {
            return JSON.createObjectNode().put("type", "object").set("properties", JSON.createObjectNode()
                    .set("name", JSON.createObjectNode().put("type", "string")));
        }

        @Override
        public List<String> unseen() {
            return List.of("secret");
        }
    };

    private static final Ec2Generator.Targets EC2_IDS = new Ec2Generator.Targets() {
        @Override
        public String host() {
            return "127.0.0.1:8773";
        }

        @Override
        public String id(String kind, boolean other) {
            return kind + (other ? "-B" : "-A");
        }

        @Override
        public List<String> unseen() {
            return List.of("secret");
        }
    };

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    private static List<String> sequence(Supplier<ServiceGenerator<?>> make, int n) {
        return FuzzRequest.describeNext(make.get()::next, n);
    }

    @Test
    void theSameSeedMakesTheSameRequests() {
        for (long seed : new long[] {7, 8}) {
            assertThat(sequence(() -> new IdentityGenerator(IDENTITY, IDENTITY_IDS, seed), 600))
                    .isEqualTo(sequence(() -> new IdentityGenerator(IDENTITY, IDENTITY_IDS, seed), 600));
            assertThat(sequence(() -> new ImageGenerator(IMAGE_IDS, seed), 600))
                    .isEqualTo(sequence(() -> new ImageGenerator(IMAGE_IDS, seed), 600));
            assertThat(sequence(() -> new Ec2Generator(EC2_IDS, CLOCK, seed), 600))
                    .isEqualTo(sequence(() -> new Ec2Generator(EC2_IDS, CLOCK, seed), 600));
        }
        assertThat(sequence(() -> new Ec2Generator(EC2_IDS, CLOCK, 1), 300))
                .isNotEqualTo(sequence(() -> new Ec2Generator(EC2_IDS, CLOCK, 2), 300));
    }

    @Test
    void oneRoundAimsAtEveryOperationRouteAndAction() {
        IdentityGenerator identity = new IdentityGenerator(IDENTITY, IDENTITY_IDS, 1);
        Set<String> expected = new HashSet<>();
        IDENTITY.operations().forEach(op -> expected.add(op.label()));
        assertThat(expected).contains("POST /v3/auth/tokens", "GET /v3/users/{user_id}", "PATCH /v3/projects/{project_id}");
        assertThat(targets(identity, identity.targetCount())).isEqualTo(expected);

        ImageGenerator image = new ImageGenerator(IMAGE_IDS, 1);
        assertThat(targets(image, image.targetCount())).isEqualTo(new HashSet<>(ImageGenerator.ROUTES));

        Ec2Generator ec2 = new Ec2Generator(EC2_IDS, CLOCK, 1);
        Set<String> actions = new HashSet<>(Ec2Generator.ACTIONS.keySet());
        actions.add(Ec2Generator.BOGUS);
        assertThat(actions).hasSize(47);
        assertThat(targets(ec2, ec2.targetCount())).isEqualTo(actions);
    }

    @Test
    void everyKindOfHostilityIsMade() {
        assertThat(kinds(new IdentityGenerator(IDENTITY, IDENTITY_IDS, 5))).contains("body:wrong-type",
                "body:invalid-utf8", "body:deep-nesting", "query:param", "query:repeat", "header:auth-token",
                "header:subject-token", "header:chunked", "header:method", "path:junk-id", "path:other");
        assertThat(kinds(new ImageGenerator(IMAGE_IDS, 5))).contains("body:patch", "body:duplicate-key",
                "body:non-data", "query:filter", "query:sort", "query:paging", "data:range", "data:size",
                "path:junk-id", "path:junk-member", "path:junk-tag", "header:content-type");
        assertThat(kinds(new Ec2Generator(EC2_IDS, CLOCK, 5))).contains("action:bogus", "param:id",
                "param:other-project", "param:filter", "param:paging", "param:huge-n", "param:text",
                "param:duplicate", "signature:malformed-authorization", "signature:odd-key", "transport:both",
                "header:method", "path:odd");
    }

    @Test
    void ec2RequestsAreSignedForTheirAccessKeyByGetAndPost() {
        Ec2Generator ec2 = new Ec2Generator(EC2_IDS, CLOCK, 9);
        Set<String> forms = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            FuzzRequest r = ec2.next();
            if (!r.kind().startsWith("param:")) {
                continue;
            }
            String auth = r.headers().stream().filter(x -> x[0].equals("Authorization")).map(x -> x[1]).findFirst()
                    .orElse("");
            String form = auth.startsWith("AWS4-HMAC-SHA256 Credential=") ? "v4-header"
                    : r.uri().contains("X-Amz-Signature=") ? "v4-query"
                    : r.uri().contains("Signature=") && r.uri().contains("AWSAccessKeyId=") ? "v2" : "none";
            forms.add(r.method() + " " + form);
        }
        assertThat(forms).containsExactlyInAnyOrder("GET v4-header", "GET v4-query", "GET v2", "POST v4-header",
                "POST v4-query", "POST v2");
    }

    private static Set<String> targets(ServiceGenerator<?> g, int n) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(g.next().target().replaceFirst(" as .*", ""));
        }
        return out;
    }

    private static Set<String> kinds(ServiceGenerator g) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            out.add(g.next().kind());
        }
        return out;
    }
}
