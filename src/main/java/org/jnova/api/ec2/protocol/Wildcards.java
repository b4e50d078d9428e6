package org.jnova.api.ec2.protocol;

/**
 * EC2's filter values: {@code *} any run of characters, {@code ?} one, {@code \} escapes the next.
 * Matched with one backtracking point (the last star), so no pattern takes more than
 * pattern-length times text-length steps.
 */
public final class Wildcards {
    private Wildcards() {
    }

    public static boolean matches(String pattern, String text) {
        int pi = 0;
        int ti = 0;
        int star = -1;
        int starText = 0;
        while (ti < text.length()) {
            if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                star = pi++;
                starText = ti;
            } else if (pi < pattern.length() && single(pattern, pi, text.charAt(ti))) {
                pi += pattern.charAt(pi) == '\\' && pi + 1 < pattern.length() ? 2 : 1;
                ti++;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++starText;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }

    private static boolean single(String pattern, int pi, char c) {
        char p = pattern.charAt(pi);
        if (p == '\\' && pi + 1 < pattern.length()) {
            return pattern.charAt(pi + 1) == c;
        }
        return p == '?' || p == c;
    }
}
