package org.jnova.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jnova.utils.JsonMappers;

/**
 * The {@code metadata} column of the built-in volume catalog's volumes and snapshots: a JSON
 * object of strings, keys sorted. A change takes the row's lock first (an UPDATE of the row),
 * so two API nodes changing one row's items never lose each other's.
 */
final class MetadataColumn {
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final TypeReference<Map<String, String>> ITEMS = new TypeReference<>() { };

    private MetadataColumn() {
    }

    static String write(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> read(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return new TreeMap<>(JSON.readValue(text, ITEMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad metadata " + text, e);
        }
    }

    /**
     * Changes the metadata of the live row {@code id} of {@code table} (volumes or snapshots);
     * the items after the change, empty when there is no such row.
     */
    static Optional<Map<String, String>> update(Tx tx, String table, String id,
            UnaryOperator<Map<String, String>> change) throws SQLException {
        if (tx.update("UPDATE " + table + " SET updated_at = ? WHERE id = ? AND deleted = 0", Instant.now(), id) == 0) {
            return Optional.empty();
        }
        Map<String, String> current = tx.queryOne("SELECT metadata FROM " + table + " WHERE id = ?",
                r -> read(r.getString("metadata")), id).orElseThrow();
        Map<String, String> changed = Map.copyOf(change.apply(new TreeMap<>(current)));
        tx.update("UPDATE " + table + " SET metadata = ? WHERE id = ?", write(changed), id);
        return Optional.of(changed);
    }
}
