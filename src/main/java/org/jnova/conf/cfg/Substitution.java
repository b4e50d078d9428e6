package org.jnova.conf.cfg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * oslo.config's value interpolation: {@code $name} and {@code ${name}} name an option of the
 * same group, falling back to DEFAULT; {@code ${group.name}} names any option; {@code $$} is a
 * literal {@code $}. A reference to an unknown option is left as written, with a warning.
 */
final class Substitution {
    private final Map<String, Opt<?>> byKey;
    private final Function<Opt<?>, String> textOf;
    private final Consumer<String> warn;
    private final Deque<Opt<?>> resolving = new ArrayDeque<>();

    Substitution(Map<String, Opt<?>> byKey, Function<Opt<?>, String> textOf, Consumer<String> warn) {
        this.byKey = byKey;
        this.textOf = textOf;
        this.warn = warn;
    }

    String apply(Opt<?> owner, String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            int end;
            String ref;
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            } else if (next == '{') {
                end = text.indexOf('}', i + 2);
                if (end < 0) {
                    out.append(text.substring(i));
                    break;
                }
                ref = text.substring(i + 2, end);
                end++;
            } else {
                end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                ref = text.substring(i + 1, end);
            }
            Opt<?> target = find(owner, ref);
            if (target == null || resolving.contains(target)) {
                warn.accept("Cannot substitute $" + ref + " in option [" + owner.group() + "] " + owner.name()
                        + (target == null ? ": no such option" : ": circular reference"));
                out.append(text, i, end);
            } else {
                resolving.push(target);
                try {
                    out.append(apply(target, textOf.apply(target)));
                } finally {
                    resolving.pop();
                }
            }
            i = end;
        }
        return out.toString();
    }

    private Opt<?> find(Opt<?> owner, String ref) {
        if (ref.isEmpty()) {
            return null;
        }
        int dot = ref.indexOf('.');
        if (dot > 0) {
            return byKey.get(ConfigOpts.key(ref.substring(0, dot), ref.substring(dot + 1)));
        }
        Opt<?> sameGroup = byKey.get(ConfigOpts.key(owner.group(), ref));
        return sameGroup != null ? sameGroup : byKey.get(ConfigOpts.key(Opt.DEFAULT_GROUP, ref));
    }
}
