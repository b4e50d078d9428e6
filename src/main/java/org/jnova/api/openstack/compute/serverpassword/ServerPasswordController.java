package org.jnova.api.openstack.compute.serverpassword;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ServerPasswordApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/**
 * /servers/{server_id}/os-server-password (nova's server_password.py): the encrypted password
 * the guest posted to the metadata service, kept in system metadata as password_0..password_3.
 */
public final class ServerPasswordController {
    static final int CHUNKS = 4;
    private static final String RULE = "os_compute_api:os-server-password:";
    private final ServersApi servers;
    private final ServerPasswordApi passwords;

    public ServerPasswordController(ServersApi servers, ServerPasswordApi passwords) {
        this.servers = requireNonNull(servers, "servers is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
    }

    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = server(req, "show");
        StringBuilder password = new StringBuilder();
        for (int n = 0; n < CHUNKS; n++) {
            password.append(i.systemMetadata().getOrDefault("password_" + n, ""));
        }
        return Map.of("password", password.toString());
    }

    /** Clears the password: nova stores empty chunks rather than removing them. */
    @Response(204)
    @ExpectedErrors(404)
    public void clear(ApiRequest req) {
        Instance i = server(req, "clear");
        Map<String, String> empty = new LinkedHashMap<>();
        for (int n = 0; n < CHUNKS; n++) {
            empty.put("password_" + n, "");
        }
        passwords.setChunks(i.uuid(), empty);
    }

    private Instance server(ApiRequest req, String action) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize(RULE + action, Map.of("project_id", i.projectId()));
        return i;
    }
}
