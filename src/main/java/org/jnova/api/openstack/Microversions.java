package org.jnova.api.openstack;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NovaException;
import org.jnova.wsgi.Headers;

/**
 * The microversion headers as nova reads and writes them: {@code OpenStack-API-Version:
 * compute X.Y} wins over the legacy {@code X-OpenStack-Nova-API-Version: X.Y}; "latest"
 * means the maximum; no header means 2.1; a version out of [min, max] is a 406.
 */
public final class Microversions {
    public static final String API_VERSION_HEADER = "OpenStack-API-Version";
    public static final String LEGACY_API_VERSION_HEADER = "X-OpenStack-Nova-API-Version";
    /** The placeholder maximum; the composition root passes the version jnova implements. */
    public static final String MAX = "2.100";

    private final ApiVersionRequest min;
    private final ApiVersionRequest max;

    public Microversions(ApiVersionRequest min, ApiVersionRequest max) {
        this.min = Objects.requireNonNull(min, "min is null");
        this.max = Objects.requireNonNull(max, "max is null");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("maximum microversion " + max + " is below the minimum " + min);
        }
    }

    /** 2.1 .. {@link #MAX}. */
    public static Microversions defaults() {
        return new Microversions(ApiVersionRequest.MIN, ApiVersionRequest.of(MAX));
    }

    public ApiVersionRequest min() {
        return min;
    }

    public ApiVersionRequest max() {
        return max;
    }

    /** The version the client asked for, in the form it was sent, if any (microversion_parse). */
    public static Optional<String> requested(Headers headers) {
        for (String value : headers.all(API_VERSION_HEADER)) {
            for (String item : value.split(",")) {
                String[] parts = item.trim().split("\\s+", 2);
                if (parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals("compute")) {
                    return Optional.of(parts[1].trim());
                }
            }
        }
        return headers.first(LEGACY_API_VERSION_HEADER).map(String::trim);
    }

    /**
     * The version for this request: the minimum when no header is given, the maximum for
     * "latest". Throws 400 for a malformed string and 406 for one outside [min, max]; the 406
     * carries the parsed version so the caller can echo it in the response headers.
     */
    public ApiVersionRequest select(Headers headers) {
        Optional<String> requested = requested(headers);
        if (requested.isEmpty()) {
            return min;
        }
        String text = requested.get();
        if (text.equals("latest")) {
            return max;
        }
        ApiVersionRequest version;
        try {
            version = ApiVersionRequest.parse(text);
        } catch (InvalidInput malformed) {
            if (ApiVersionRequest.wellFormed(text)) {
                // numbers too large for an int: nova reads them, and no API version is that high
                throw new UnsupportedVersion(text, min, max);
            }
            throw malformed;
        }
        if (!version.matches(min, max)) {
            throw new UnsupportedVersion(version.toString(), min, max);
        }
        return version;
    }

    /** Adds the headers nova puts on every response of the API router. */
    public static void addResponseHeaders(Headers headers, ApiVersionRequest version) {
        addResponseHeaders(headers, version.toString());
    }

    /** As above for a version as the client wrote it ("X.Y", numbers of any size). */
    public static void addResponseHeaders(Headers headers, String version) {
        headers.set(API_VERSION_HEADER, "compute " + version);
        headers.set(LEGACY_API_VERSION_HEADER, version);
        headers.add("Vary", API_VERSION_HEADER);
        headers.add("Vary", LEGACY_API_VERSION_HEADER);
    }

    /** 406: the requested version is outside what the API serves. */
    public static final class UnsupportedVersion extends NovaException {
        private final String requested;

        UnsupportedVersion(String requested, ApiVersionRequest min, ApiVersionRequest max) {
            super(406, "Version " + requested + " is not supported by the API. Minimum is " + min
                    + " and maximum is " + max + ".");
            this.requested = requested;
        }

        /** The version asked for, "X.Y" (its numbers may be beyond an int). */
        public String requested() {
            return requested;
        }
    }
}
