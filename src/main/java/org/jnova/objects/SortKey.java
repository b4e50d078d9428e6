package org.jnova.objects;

/** One sort key of a list: a column name the store knows, and a direction. */
public record SortKey(String key, boolean ascending) {
    public static SortKey desc(String key) {
        return new SortKey(key, false);
    }

    public static SortKey asc(String key) {
        return new SortKey(key, true);
    }
}
