package org.jnova.identity;

/** Checks on texts that come from requests before they reach the database. */
final class IdentityText {
    /** The longest id or name a lookup is worth making for (longer ones match nothing stored). */
    private static final int MAX_LOOKUP_LENGTH = 255;

    private IdentityText() {
    }

    /**
     * Whether {@code text} can name something stored: not too long, and without U+0000, which
     * PostgreSQL's text cannot hold.
     */
    static boolean storable(String text) {
        return text != null && text.length() <= MAX_LOOKUP_LENGTH && text.indexOf('\0') < 0;
    }
}
