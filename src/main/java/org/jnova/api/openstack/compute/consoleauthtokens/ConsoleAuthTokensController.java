package org.jnova.api.openstack.compute.consoleauthtokens;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.objects.ConsoleAuthToken;
import org.jnova.console.ConsolesApi;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.exception.NovaException;

/**
 * GET /os-console-auth-tokens/{token} (nova's console_auth_tokens module): the connection
 * details behind a console token. Before 2.31 only RDP tokens were shown (401 for others),
 * and jnova has no RDP consoles. From 2.99 a spice-direct token shows its TLS port too, and
 * unknown query parameters are refused.
 */
public final class ConsoleAuthTokensController {
    private final ConsolesApi consoles;

    public ConsoleAuthTokensController(ConsolesApi consoles) {
        this.consoles = requireNonNull(consoles, "consoles is null");
    }

    @ExpectedErrors({400, 401, 404})
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        req.authorize("os_compute_api:os-console-auth-tokens", Map.of());
        String token = req.pathParam("id");
        if (token == null || token.isEmpty()) {
            throw new Invalid("token not provided");
        }
        ConsoleAuthToken info = consoles.validate(token).orElseThrow(() -> new NotFound("Token not found"));
        if (!req.isSupported("2.31")) {
            throw new NovaException(401, "The requested console type details are not accessible");
        }
        Map<String, Object> console = new LinkedHashMap<>();
        console.put("instance_uuid", info.instanceUuid());
        console.put("host", info.host());
        console.put("port", info.port());
        console.put("internal_access_path", info.internalAccessPath());
        if (req.isSupported("2.99") && "spice-direct".equals(info.consoleType())) {
            console.put("tls_port", info.tlsPort());
        }
        return Map.of("console", console);
    }
}
