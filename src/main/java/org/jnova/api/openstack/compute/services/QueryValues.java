package org.jnova.api.openstack.compute.services;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jnova.api.openstack.ApiRequest;

/** Query values as nova's webob reads them: the last one given, integers of any size. */
public final class QueryValues {
    private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private QueryValues() {
    }

    /** {@code req.GET[name]}: the last value, if any. */
    public static Optional<String> last(ApiRequest req, String name) {
        List<String> values = req.queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** A non-negative integer the query schema accepted, capped at Integer.MAX_VALUE. */
    public static int nonNegative(String digits) {
        BigInteger value = new BigInteger(digits.strip());
        return value.compareTo(MAX) > 0 ? Integer.MAX_VALUE : value.intValue();
    }

    /** The last value of an integer parameter. */
    public static Optional<Integer> lastInt(ApiRequest req, String name) {
        return last(req, name).map(QueryValues::nonNegative);
    }
}
