package org.jnova.api.openstack.compute.volumes;

import java.util.List;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;

/** nova's common.limited: offset first, then limit (absent or 0: [api] max_limit). */
public record Paging(int maxLimit) {
    public <T> List<T> limited(List<T> all, ApiRequest req) {
        int offset = QueryValues.lastInt(req, "offset").orElse(0);
        int limit = Math.min(QueryValues.lastInt(req, "limit").filter(v -> v != 0).orElse(maxLimit), maxLimit);
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }
}
