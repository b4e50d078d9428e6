package org.jnova.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses oslo.policy's rule language: checks {@code kind:match} ({@code rule:}, {@code role:},
 * anything else as a generic or literal check), {@code @} and {@code !}, joined by
 * {@code not}, {@code and}, {@code or} (binding in that order) and parentheses. The empty
 * rule always passes. Tokens split on white space; parentheses may stick to a check, as
 * oslo.policy allows ({@code (role:a or role:b)}).
 *
 * <p>{@code http:} and {@code https:} checks (a remote server decides) are not offered by
 * jnova and are rejected with a {@link PolicySyntaxError}, as is anything malformed.
 */
public final class CheckParser {
    private final List<String> tokens;
    private final String rule;
    private int position;

    private CheckParser(String rule) {
        this.rule = rule;
        this.tokens = tokenize(rule);
    }

    /** The check for this rule text. */
    public static Check parse(String rule) {
        CheckParser parser = new CheckParser(rule);
        if (parser.tokens.isEmpty()) {
            return new Check.Always();
        }
        Check check = parser.orExpression();
        if (parser.position < parser.tokens.size()) {
            throw parser.error("unexpected '" + parser.tokens.get(parser.position) + "'");
        }
        return check;
    }

    /** oslo.policy's list form: a list of lists of rule texts, OR of ANDs; an empty list always passes. */
    public static Check parseList(List<?> alternatives) {
        if (alternatives.isEmpty()) {
            return new Check.Always();
        }
        List<Check> ors = new ArrayList<>();
        for (Object alternative : alternatives) {
            List<?> all = alternative instanceof List<?> list ? list : List.of(alternative);
            List<Check> ands = new ArrayList<>();
            for (Object item : all) {
                if (!(item instanceof String text)) {
                    throw new PolicySyntaxError("Policy rule lists hold strings, not " + item);
                }
                ands.add(parse(text));
            }
            if (!ands.isEmpty()) {
                ors.add(ands.size() == 1 ? ands.get(0) : new Check.And(ands));
            }
        }
        return ors.size() == 1 ? ors.get(0) : new Check.Or(ors);
    }

    private Check orExpression() {
        List<Check> checks = new ArrayList<>(List.of(andExpression()));
        while (accept("or")) {
            checks.add(andExpression());
        }
        return checks.size() == 1 ? checks.get(0) : new Check.Or(checks);
    }

    private Check andExpression() {
        List<Check> checks = new ArrayList<>(List.of(notExpression()));
        while (accept("and")) {
            checks.add(notExpression());
        }
        return checks.size() == 1 ? checks.get(0) : new Check.And(checks);
    }

    private Check notExpression() {
        if (accept("not")) {
            return new Check.Not(notExpression());
        }
        if (accept("(")) {
            Check inner = orExpression();
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        if (position >= tokens.size()) {
            throw error("a check is missing at the end");
        }
        String token = tokens.get(position);
        if (token.equals(")") || isKeyword(token)) {
            throw error("a check is missing before '" + token + "'");
        }
        position++;
        return check(token);
    }

    private Check check(String token) {
        if (token.equals("@")) {
            return new Check.Always();
        }
        if (token.equals("!")) {
            return new Check.Never();
        }
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw error("'" + token + "' is not a check (kind:match)");
        }
        String kind = token.substring(0, colon);
        String match = token.substring(colon + 1);
        return switch (kind) {
            case "rule" -> new Check.Rule(match);
            case "role" -> new Check.Role(match);
            case "http", "https" -> throw error("'" + token + "': http and https checks (a remote server deciding) "
                    + "are not supported by jnova");
            default -> new Check.Generic(kind, match);
        };
    }

    private boolean accept(String expected) {
        if (position < tokens.size() && tokens.get(position).equals(expected)) {
            position++;
            return true;
        }
        return false;
    }

    private static boolean isKeyword(String token) {
        return token.equals("and") || token.equals("or") || token.equals("not");
    }

    private PolicySyntaxError error(String problem) {
        return new PolicySyntaxError("Failed to understand rule \"" + rule + "\": " + problem);
    }

    /** White-space separated tokens, leading and trailing parentheses split off, keywords lower case. */
    private static List<String> tokenize(String rule) {
        List<String> out = new ArrayList<>();
        for (String word : rule.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int start = 0;
            while (start < word.length() && word.charAt(start) == '(') {
                out.add("(");
                start++;
            }
            int end = word.length();
            while (end > start && word.charAt(end - 1) == ')') {
                end--;
            }
            if (end > start) {
                String clean = word.substring(start, end);
                String lowered = clean.toLowerCase(Locale.ROOT);
                out.add(isKeyword(lowered) ? lowered : clean);
            }
            for (int i = end; i < word.length(); i++) {
                out.add(")");
            }
        }
        return out;
    }
}
