package org.jnova.api.metadata;

import java.nio.charset.StandardCharsets;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * openstack/VERSION/password (nova's password.handle_password): GET answers the password
 * the guest posted (empty until then); POST stores one, once. Both read the instance as
 * cached, so a second POST within the cache window still succeeds, as in nova.
 */
final class PasswordHandler {
    static final int CHUNKS = 4;
    static final int CHUNK_LENGTH = 255;
    static final int MAX_SIZE = CHUNKS * CHUNK_LENGTH;

    private final MetadataSource source;
    private final WebobErrors errors;

    PasswordHandler(MetadataSource source, WebobErrors errors) {
        this.source = source;
        this.errors = errors;
    }

    Response handle(Request request, InstanceMetadata md) {
        String current = md.password();
        switch (request.method()) {
            case "GET" -> {
                return Response.text(200, InstanceMetadata.HTML, current == null ? "" : current);
            }
            case "POST" -> {
                if (current != null) {
                    return errors.error(409, WebobErrors.CONFLICT, request);
                }
                long declared = request.headers().first("Content-Length").map(PasswordHandler::parseLength)
                        .orElse(0L);
                if (declared > MAX_SIZE || request.body().length > MAX_SIZE) {
                    return errors.error(400, "Request is too large.", request);
                }
                source.savePassword(md.instance().uuid(), new String(request.body(), StandardCharsets.UTF_8));
                return Response.text(200, InstanceMetadata.HTML, "");
            }
            default -> {
                return errors.error(400, "GET and POST only are supported.", request);
            }
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
