package org.jnova.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jnova.utils.PythonText;

/**
 * One node of a parsed policy rule, as oslo.policy's check classes. {@link #toString()}
 * writes the node as oslo.policy does ({@code (a or b)}, {@code not a}, {@code kind:match},
 * {@code @}, {@code !}), which is what the policy generator prints.
 */
public sealed interface Check {
    /** Whether the caller passes this check in the given evaluation. */
    boolean passes(Evaluation evaluation);

    /** What a check sees: the target, the caller's credentials and the other rules by name. */
    interface Evaluation {
        Map<String, Object> target();

        Map<String, Object> credentials();

        /** Evaluates the rule of this name; false when there is no such rule. */
        boolean rule(String name);
    }

    /** {@code @}, and the empty rule: always passes. */
    record Always() implements Check {
        @Override
        public boolean passes(Evaluation evaluation) {
            return true;
        }

        @Override
        public String toString() {
            return "@";
        }
    }

    /** {@code !}: never passes. */
    record Never() implements Check {
        @Override
        public boolean passes(Evaluation evaluation) {
            return false;
        }

        @Override
        public String toString() {
            return "!";
        }
    }

    record And(List<Check> checks) implements Check {
        public And {
            checks = List.copyOf(checks);
        }

        @Override
        public boolean passes(Evaluation evaluation) {
            for (Check check : checks) {
                if (!check.passes(evaluation)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return checks.stream().map(Check::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Or(List<Check> checks) implements Check {
        public Or {
            checks = List.copyOf(checks);
        }

        @Override
        public boolean passes(Evaluation evaluation) {
            for (Check check : checks) {
                if (check.passes(evaluation)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return checks.stream().map(Check::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(Check check) implements Check {
        public Not {
            Objects.requireNonNull(check, "check is null");
        }

        @Override
        public boolean passes(Evaluation evaluation) {
            return !check.passes(evaluation);
        }

        @Override
        public String toString() {
            return "not " + check;
        }
    }

    /** {@code rule:name}: the named rule passes. */
    record Rule(String name) implements Check {
        public Rule {
            Objects.requireNonNull(name, "name is null");
        }

        @Override
        public boolean passes(Evaluation evaluation) {
            return evaluation.rule(name);
        }

        @Override
        public String toString() {
            return "rule:" + name;
        }
    }

    /** {@code role:name}: the caller has the role (the name may use {@code %(key)s} from the target). */
    record Role(String match) implements Check {
        public Role {
            Objects.requireNonNull(match, "match is null");
        }

        @Override
        public boolean passes(Evaluation evaluation) {
            Optional<String> role = TargetFormat.format(match, evaluation.target());
            if (role.isEmpty() || !(evaluation.credentials().get("roles") instanceof List<?> roles)) {
                return false;
            }
            return roles.stream().anyMatch(r -> String.valueOf(r).equalsIgnoreCase(role.get()));
        }

        @Override
        public String toString() {
            return "role:" + match;
        }
    }

    /**
     * {@code kind:match}: the match (formatted with the target) equals the credential named by
     * {@code kind} (a dotted path; lists match if any element does), or equals the literal
     * when {@code kind} is one ({@code True}, {@code 'text'}, {@code 42}).
     */
    record Generic(String kind, String match) implements Check {
        public Generic {
            Objects.requireNonNull(kind, "kind is null");
            Objects.requireNonNull(match, "match is null");
        }

        @Override
        public boolean passes(Evaluation evaluation) {
            Optional<String> expected = TargetFormat.format(match, evaluation.target());
            if (expected.isEmpty()) {
                return false;
            }
            Optional<String> literal = TargetFormat.literal(kind);
            if (literal.isPresent()) {
                return expected.get().equals(literal.get());
            }
            return find(evaluation.credentials(), List.of(kind.split("\\.", -1)), expected.get());
        }

        private static boolean find(Object value, List<String> path, String expected) {
            if (path.isEmpty()) {
                return expected.equals(PythonText.str(value));
            }
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(path.get(0))) {
                return false;
            }
            Object next = map.get(path.get(0));
            List<String> rest = path.subList(1, path.size());
            if (next instanceof List<?> list) {
                return list.stream().anyMatch(element -> find(element, rest, expected));
            }
            return find(next, rest, expected);
        }

        @Override
        public String toString() {
            return kind + ":" + match;
        }
    }
}
