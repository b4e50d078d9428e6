package org.jnova.api.openstack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnova.exception.InvalidInput;

/**
 * A microversion "X.Y", nova's {@code APIVersionRequest}: parsed once, compared as the pair
 * (major, minor). The null version 0.0 stands for "no version" (nova's legacy /v2 router and
 * open-ended bounds).
 */
public record ApiVersionRequest(int major, int minor) implements Comparable<ApiVersionRequest> {
    /** The lowest microversion the API serves. */
    public static final ApiVersionRequest MIN = new ApiVersionRequest(2, 1);
    /** The version 0.0: no version requested or no bound. */
    public static final ApiVersionRequest NULL = new ApiVersionRequest(0, 0);

    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    /**
     * Parses "X.Y" as nova does; anything else (including "2.latest" or "02.1") raises nova's
     * 400 "API Version String ... is of invalid format. Must be of format MajorNum.MinorNum.".
     */
    public static ApiVersionRequest parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidInput("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        try {
            return new ApiVersionRequest(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException tooLarge) {
            throw new InvalidInput("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
    }

    /** Whether the text has nova's "X.Y" form, whatever the size of its numbers. */
    public static boolean wellFormed(String text) {
        return FORMAT.matcher(text).matches();
    }

    /** Like {@link #parse} for trusted constants (annotations, configuration). */
    public static ApiVersionRequest of(String text) {
        int dot = text.indexOf('.');
        if (dot > 0) {
            try {
                return new ApiVersionRequest(Integer.parseInt(text, 0, dot, 10),
                        Integer.parseInt(text, dot + 1, text.length(), 10));
            } catch (NumberFormatException e) {
                // not a plain "X.Y": parse reports it
            }
        }
        return parse(text);
    }

    public boolean isNull() {
        return major == 0 && minor == 0;
    }

    @Override
    public int compareTo(ApiVersionRequest other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    public boolean isAtLeast(ApiVersionRequest other) {
        return compareTo(other) >= 0;
    }

    public boolean isAtLeast(String other) {
        return isAtLeast(of(other));
    }

    /** Whether min <= this <= max, a null bound meaning no bound (nova's {@code matches}). */
    public boolean matches(ApiVersionRequest min, ApiVersionRequest max) {
        if (isNull()) {
            throw new IllegalStateException("the null version matches nothing");
        }
        return (min.isNull() || min.compareTo(this) <= 0) && (max.isNull() || compareTo(max) <= 0);
    }

    /** "X.Y". */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
