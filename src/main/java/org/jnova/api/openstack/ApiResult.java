package org.jnova.api.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a controller method returns when it needs more than a body: a status that overrides
 * the method's {@code @Response}, extra headers (e.g. {@code Location}). The body is a
 * Jackson tree or any object Jackson can write; none means an empty body.
 */
public final class ApiResult {
    private final Optional<Object> body;
    private final Optional<Integer> status;
    private final List<String[]> headers;

    private ApiResult(Optional<Object> body, Optional<Integer> status, List<String[]> headers) {
        this.body = body;
        this.status = status;
        this.headers = List.copyOf(headers);
    }

    /** A body with the method's status. */
    public static ApiResult of(Object body) {
        return new ApiResult(Optional.of(Objects.requireNonNull(body, "body is null")), Optional.empty(), List.of());
    }

    /** No body, with the method's status. */
    public static ApiResult empty() {
        return new ApiResult(Optional.empty(), Optional.empty(), List.of());
    }

    /** The same result with this status. */
    public ApiResult status(int code) {
        return new ApiResult(body, Optional.of(code), headers);
    }

    /** The same result with one more header. */
    public ApiResult header(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] {Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(value, "value is null")});
        return new ApiResult(body, status, more);
    }

    public Optional<Object> body() {
        return body;
    }

    public Optional<Integer> statusOverride() {
        return status;
    }

    /** Name/value pairs in order. */
    public List<String[]> headers() {
        return headers;
    }
}
