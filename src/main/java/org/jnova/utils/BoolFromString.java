package org.jnova.utils;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * oslo's {@code strutils.bool_from_string}: the words nova reads as true or false, compared
 * without regard to case. Surrounding whitespace is the caller's choice (oslo strips it; some
 * of nova's call sites never see any because a schema enumerated the values first).
 */
public final class BoolFromString {
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");
    /** oslo.config's boolean words: no single letters. */
    private static final Set<String> CONFIG_TRUE = Set.of("true", "1", "on", "yes");
    private static final Set<String> CONFIG_FALSE = Set.of("false", "0", "off", "no");

    private BoolFromString() {
    }

    /** Lenient: true for a true word, false for anything else. */
    public static boolean isTrue(String text) {
        return TRUE.contains(lower(text));
    }

    /** oslo's lenient form for a JSON value: a JSON boolean is itself, other text is stripped first. */
    public static boolean isTrue(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : isTrue(value.asText().strip());
    }

    /** Strict: the value of a true or false word, empty for any other text. */
    public static Optional<Boolean> parseStrict(String text) {
        String word = lower(text);
        if (TRUE.contains(word)) {
            return Optional.of(true);
        }
        return FALSE.contains(word) ? Optional.of(false) : Optional.empty();
    }

    /** Whether the text is one of the true or false words. */
    public static boolean isBoolean(String text) {
        return parseStrict(text).isPresent();
    }

    /**
     * Lenient with oslo.config's narrower words ({@code true 1 on yes}): {@code t} and {@code y}
     * are false here. A JSON boolean is itself.
     */
    public static boolean isConfigTrue(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : CONFIG_TRUE.contains(lower(value.asText()));
    }

    /** Strict with oslo.config's narrower words: empty for any other text. */
    public static Optional<Boolean> parseConfigStrict(String text) {
        String word = lower(text);
        if (CONFIG_TRUE.contains(word)) {
            return Optional.of(true);
        }
        return CONFIG_FALSE.contains(word) ? Optional.of(false) : Optional.empty();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
