package org.jnova.api.ec2.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code MaxResults} and {@code NextToken} of a Describe call, as AWS pages them. A token is
 * opaque to the client: the kind of listing and the key of the last item shown, base64url
 * encoded; a listing continues strictly after that key. A token that does not decode to a key of
 * this listing's kind is {@code InvalidParameterValue}.
 *
 * @param maxResults the page size asked for (null: none)
 * @param after the key the page starts after (null: from the start)
 */
public record Ec2Paging(String kind, Integer maxResults, String after) {
    /** AWS's least page size. */
    public static final int MIN_RESULTS = 5;

    /**
     * Reads the paging of a call. {@code idsParameter} (e.g. {@code InstanceId}) may not be
     * given with {@code MaxResults}: AWS's {@code InvalidParameterCombination} naming
     * {@code idsSet} (e.g. {@code instancesSet}). With {@code strictCeiling} a MaxResults above
     * {@code ceiling} is refused, otherwise it is lowered to it (as AWS does for volumes and
     * snapshots).
     */
    public static Ec2Paging read(Ec2Request call, String kind, int ceiling, boolean strictCeiling,
            String idsParameter, String idsSet) {
        Integer max = call.integer("MaxResults").orElse(null);
        if (max != null) {
            if (idsParameter != null && !call.list(idsParameter).isEmpty()) {
                throw Ec2Error.client("InvalidParameterCombination", "The parameter " + idsSet
                        + " cannot be used with the parameter maxResults");
            }
            if (max < MIN_RESULTS) {
                throw Ec2Error.invalidParameterValue("Value ( " + max + " ) for parameter maxResults is invalid. "
                        + "Expecting a value greater than " + MIN_RESULTS + ".");
            }
            if (max > ceiling) {
                if (strictCeiling) {
                    throw Ec2Error.invalidParameterValue("Value ( " + max + " ) for parameter maxResults is "
                            + "invalid. Expecting a value less than or equal to " + ceiling + ".");
                }
                max = ceiling;
            }
        }
        String after = call.param("NextToken").filter(t -> !t.isEmpty()).map(t -> decode(kind, t)).orElse(null);
        if (after != null && idsParameter != null && !call.list(idsParameter).isEmpty()) {
            throw Ec2Error.client("InvalidParameterCombination", "The parameter " + idsSet
                    + " cannot be used with the parameter nextToken");
        }
        return new Ec2Paging(kind, max, after);
    }

    /** Whether the caller pages at all (MaxResults or NextToken given). */
    public boolean paging() {
        return maxResults != null || after != null;
    }

    /** The page size: MaxResults, or {@code otherwise} when not given. */
    public int size(int otherwise) {
        return maxResults != null ? maxResults : otherwise;
    }

    /** The token that continues after the item with {@code key}. */
    public String token(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String kind, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":") && text.length() > kind.length() + 1) {
                return text.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below
        }
        throw invalidToken(token);
    }

    public static Ec2Error invalidToken(String token) {
        return Ec2Error.invalidParameterValue("Invalid value '" + token + "' for parameter nextToken");
    }

    /**
     * Pages a listing held in memory: without paging the items as they are; with it, the items
     * in their key order after the token's key, at most MaxResults, and {@code nextToken} in
     * the answer when more follow. The answer's set is named {@code setName}.
     */
    public <T> Map<String, Object> page(String setName, List<T> items, Function<T, String> key) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!paging()) {
            out.put(setName, new ArrayList<Object>(items));
            return out;
        }
        List<T> sorted = items.stream().sorted(Comparator.comparing(key)).filter(item -> after == null
                || key.apply(item).compareTo(after) > 0).toList();
        int size = size(Integer.MAX_VALUE);
        List<Object> shown = new ArrayList<>(sorted.subList(0, Math.min(size, sorted.size())));
        out.put(setName, shown);
        if (sorted.size() > size) {
            out.put("nextToken", token(key.apply(sorted.get(size - 1))));
        }
        return out;
    }

    /** The key of {@code view}'s element {@code name}, for {@link #page}. */
    public static String element(Object view, String name) {
        return view instanceof Map<?, ?> map ? String.valueOf(Optional.ofNullable(map.get(name)).orElse("")) : "";
    }
}
