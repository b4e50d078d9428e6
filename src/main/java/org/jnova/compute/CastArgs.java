package org.jnova.compute;

import java.util.HashMap;
import java.util.Map;
import org.jnova.context.RequestContext;
import org.jnova.objects.Instance;

/** The arguments every message to a compute host about one server carries: the server and the request that asked. */
final class CastArgs {
    private CastArgs() {
    }

    /** {@code instance_uuid} and {@code request_id} with {@code extra} (a new map the caller may add to). */
    static Map<String, Object> of(RequestContext ctx, Instance server, Map<String, Object> extra) {
        Map<String, Object> args = new HashMap<>(extra);
        args.put("instance_uuid", server.uuid());
        args.put("request_id", ctx.requestId());
        return args;
    }
}
