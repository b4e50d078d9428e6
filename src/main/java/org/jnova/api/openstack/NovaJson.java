package org.jnova.api.openstack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON as nova writes it (Python's {@code json.dumps}): {@code ", "} between items,
 * {@code ": "} after keys, no newlines, non-ASCII escaped as {@code \\uXXXX}, keys in the
 * order they were put. Thread-safe.
 */
public final class NovaJson {
    private static final int MAX_NUMBER_DIGITS = 4300;
    private static final int MAX_NESTING = 1000;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public NovaJson() {
        // Buffers are recycled through a shared pool: the default pool is per thread, and
        // every request runs on a new virtual thread, so it would allocate them each time.
        // Python's json reads integers of up to 4300 digits (CPython 3.11's int limit); nesting
        // deeper than 1000 is a RecursionError there (nova's 500) and "Malformed request body" here.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newLockFreePool())
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_DIGITS)
                        .maxNestingDepth(MAX_NESTING).build())
                .build();
        this.mapper = JsonMapper.builder(factory).enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        this.writer = mapper.writer(new PythonSeparators());
    }

    /** The mapper used to read bodies and build trees. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] write(Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write response body: " + e.getMessage(), e);
        }
    }

    /** Parses a request body; throws IOException for malformed JSON. */
    public JsonNode read(byte[] body) throws IOException {
        JsonNode node = mapper.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw new IOException("no JSON value");
        }
        return node;
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
            gen.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
            gen.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
            gen.writeRaw(", ");
        }
    }
}
