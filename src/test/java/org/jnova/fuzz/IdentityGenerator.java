package org.jnova.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile Identity v3 requests: every operation of Keystone's OpenAPI description in turn
 * (routed by jnova or not), with a real token of the admin or of a project member, a bad
 * token or none, and one hostile change: the body (from the schema, or a real password
 * authentication changed), the query, the headers (tokens, the subject token) or the path
 * (ids that are junk or another user's).
 */
final class IdentityGenerator extends ServiceGenerator<ApiOperations.Operation> {
    /** The API version the description's schema variants are chosen for. */
    static final String VERSION = "3.14";

    /** What the generator aims at: real tokens and ids, read when each request is made. */
    interface Targets {
        /** A valid token of the admin (project admin) or of the member (its own project). */
        String token(boolean admin);

        /** Tokens that must not authenticate: junk, altered, revoked. */
        List<String> badTokens();

        /**
         * A real value for a path parameter: for the admin the fuzzing's own entities, for the
         * member its own user and project, or (other) those of someone else.
         */
        String id(String parameter, boolean admin, boolean other);

        /** A password authentication body of the member, scoped to its project. */
        JsonNode memberAuthentication();

        /** What the member must never be shown. */
        List<String> unseen();

        String hint(String field);
    }

    private enum Persona { ADMIN, MEMBER, BAD_TOKEN, NO_TOKEN }

    private final Targets ids;
    private final BodyFuzzer bodies;

    IdentityGenerator(ApiOperations api, Targets ids, long seed) {
        super(seed, api.operations());
        this.ids = ids;
        this.bodies = new BodyFuzzer(api::resolve, random, ids::hint);
    }

    @Override
    FuzzRequest next() {
        ApiOperations.Operation op = target();
        Persona persona = weighted(Persona.ADMIN, 35, Persona.MEMBER, 35, Persona.BAD_TOKEN, 20, Persona.NO_TOKEN, 10);
        boolean admin = persona == Persona.ADMIN;
        String method = op.method();
        boolean hasParams = !op.pathParameters().isEmpty();
        boolean takesBody = op.body() != null || method.equals("POST") || method.equals("PUT")
                || method.equals("PATCH");
        String axis = weighted("body", op.body() != null ? 50 : takesBody ? 10 : 3, "query",
                method.equals("GET") ? 30 : 6, "header", 20, "path", hasParams ? 22 : 6);
        String path = fill(op, admin, false);
        String query = "";
        byte[] body = op.body() != null ? bodies.plausible(op.body(), VERSION) : takesBody ? utf8("{}") : null;
        List<String[]> headers = new ArrayList<>();
        switch (persona) {
            case ADMIN, MEMBER -> headers.add(h("X-Auth-Token", ids.token(admin)));
            case BAD_TOKEN -> headers.add(h("X-Auth-Token", Hostile.wire(pick(ids.badTokens()))));
            default -> {
            }
        }
        if (op.template().equals("/v3/auth/tokens") && !method.equals("POST")) {
            headers.add(h("X-Subject-Token", ids.token(random.nextBoolean())));
        }
        String kind = axis;
        boolean chunked = false;
        boolean shortBody = false;
        switch (axis) {
            case "body" -> {
                BodyFuzzer.Body b = op.template().equals("/v3/auth/tokens") && method.equals("POST")
                        && random.nextBoolean() ? bodies.change(ids.memberAuthentication())
                        : bodies.next(op.body(), VERSION);
                body = b.bytes();
                kind = b.mutation();
            }
            case "query" -> {
                List<String> names = new ArrayList<>(op.query().keySet());
                String choice = names.isEmpty() ? "unknown" : weighted("param", 60, "repeat", 15, "unknown", 15,
                        "many", 10);
                kind = "query:" + choice;
                query = switch (choice) {
                    case "param" -> {
                        String name = pick(names);
                        yield name + "=" + queryValue(name);
                    }
                    case "repeat" -> {
                        String name = pick(names);
                        yield name + "=" + queryValue(name) + "&" + name + "=" + queryValue(name);
                    }
                    case "many" -> {
                        StringBuilder q = new StringBuilder();
                        for (int i = 0; i < random.nextInt(50, 400); i++) {
                            q.append(i == 0 ? "" : "&").append(pick(names)).append('=').append(i);
                        }
                        yield q.toString();
                    }
                    default -> oddQuery();
                };
            }
            case "path" -> {
                String choice = hasParams ? weighted("junk-id", 50, "other", 30, "shape", 20) : "shape";
                kind = "path:" + choice;
                path = switch (choice) {
                    case "junk-id" -> junk(op, admin);
                    case "other" -> fill(op, admin, true);
                    default -> shape(path);
                };
            }
            default -> {
                String[] changed = random.nextInt(3) == 0 ? tokens(headers) : header(headers, body != null);
                HeaderEffect effect = HeaderEffect.of(changed, method, body, utf8("{}"));
                kind = effect.kind();
                method = effect.method();
                body = effect.body();
                chunked = effect.chunked();
                shortBody = effect.shortBody();
            }
        }
        if (body != null && !has(headers, "Content-Type")) {
            headers.add(h("Content-Type", "application/json"));
        }
        String uri = path + (query.isEmpty() ? "" : "?" + query);
        FuzzRequest r = new FuzzRequest(index, FuzzRequest.Api.IDENTITY, op.label() + " as " + persona, kind, method,
                uri, headers, body, chunked, shortBody, persona == Persona.MEMBER ? ids.unseen() : List.of());
        index++;
        return r;
    }

    /** Hostile tokens: the caller's, the subject's, or both given twice. */
    private String[] tokens(List<String[]> headers) {
        String choice = weighted("auth-token", 40, "subject-token", 30, "twice", 15, "version", 15);
        switch (choice) {
            case "auth-token" -> set(headers, "X-Auth-Token", Hostile.wire(pick(ids.badTokens())));
            case "subject-token" -> set(headers, "X-Subject-Token", Hostile.wire(pick(ids.badTokens())));
            case "twice" -> {
                headers.add(h("X-Auth-Token", ids.token(true)));
                headers.add(h("X-Auth-Token", ids.token(false)));
            }
            default -> headers.add(h("OpenStack-API-Version", pick(List.of("identity 3.99", "identity junk", "",
                    "compute 2.1", "identity " + "9".repeat(3000)))));
        }
        return new String[] {choice, null};
    }

    /** The template with each parameter a real value. */
    private String fill(ApiOperations.Operation op, boolean admin, boolean other) {
        String out = op.template();
        for (String name : op.pathParameters()) {
            out = out.replace("{" + name + "}", ids.id(name, admin, other));
        }
        return out;
    }

    /** The template with one parameter junk and the others real. */
    private String junk(ApiOperations.Operation op, boolean admin) {
        List<String> names = op.pathParameters();
        int at = random.nextInt(names.size());
        String out = op.template();
        for (int i = 0; i < names.size(); i++) {
            out = out.replace("{" + names.get(i) + "}", i == at ? pick(Hostile.IDS) : ids.id(names.get(i), admin,
                    false));
        }
        return out;
    }
}
