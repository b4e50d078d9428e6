package org.jnova.utils;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Caller-supplied regular expressions, as nova's filters use Python's re (the query schema's
 * "regex" format, re.search on the database side), run on RE2/J: matching takes time linear
 * in the text whatever the pattern, so no pattern can run away.
 */
public final class PythonRegex {
    /** Python's re.compile stops with RecursionError (nova's 500) at about 495 nested groups. */
    private static final int MAX_NESTING = 490;

    private PythonRegex() {
    }

    /**
     * Python's re.compile succeeding, near enough: groups nested no deeper than Python follows,
     * and RE2/J's syntax (which has Python's named groups) or java.util.regex's (backreferences,
     * lookaround). Both only parse, in time linear in the pattern.
     */
    public static boolean isValid(String pattern) {
        if (!withinNesting(pattern)) {
            return false;
        }
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            try {
                java.util.regex.Pattern.compile(pattern);
                return true;
            } catch (java.util.regex.PatternSyntaxException notJava) {
                return false;
            }
        }
    }

    /**
     * The pattern for re.search (use {@code matcher(text).find()}). What RE2 cannot run in
     * linear time (backreferences, lookaround) or nests too deep is matched as literal text.
     */
    public static Pattern searcher(String pattern) {
        if (withinNesting(pattern)) {
            try {
                return Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                // literal below
            }
        }
        return Pattern.compile(Pattern.quote(pattern));
    }

    private static boolean withinNesting(String pattern) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' && ++depth > MAX_NESTING) {
                return false;
            } else if (c == ')') {
                depth--;
            }
        }
        return true;
    }
}
