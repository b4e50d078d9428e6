package org.jnova.utils;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configuration of Jackson for JSON that is not an API body (those go through
 * {@code NovaJson}): stored columns, RPC messages, Keystone answers, policy files. Each call
 * builds a new mapper, so no holder can change another's.
 */
public final class JsonMappers {
    private JsonMappers() {
    }

    /** Jackson's defaults. */
    public static ObjectMapper standard() {
        return JsonMapper.builder().build();
    }

    /** As {@link #standard()}, refusing anything after the first JSON value. */
    public static ObjectMapper rejectingTrailingText() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }
}
