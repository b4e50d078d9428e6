package org.jnova.api.openstack.compute.servers.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.compute.ServerActionsApi;
import org.jnova.compute.ServersApi;
import org.jnova.objects.Instance;

/** os-getConsoleOutput (nova's console_output module): the tail of the guest's console log. */
public final class ConsoleOutputController {
    private final ServersApi servers;
    private final ServerActionsApi actions;

    public ConsoleOutputController(ServersApi servers, ServerActionsApi actions) {
        this.servers = requireNonNull(servers, "servers is null");
        this.actions = requireNonNull(actions, "actions is null");
    }

    @ExpectedErrors({404, 409, 501})
    @Action("os-getConsoleOutput")
    @RequestSchema("get_console_output")
    public Object getConsoleOutput(ApiRequest req) {
        String id = req.pathParam("id");
        Instance server = servers.get(req.context(), id);
        req.authorize("os_compute_api:os-console-output", ActionTargets.project(server));
        JsonNode length = req.body().at("/os-getConsoleOutput/length");
        Integer tail = length.isMissingNode() || length.isNull() ? null
                : QueryValues.saturatedInt(QueryValues.pythonInt(length.asText()).orElseThrow());
        String output = actions.consoleOutput(req.context(), id, tail);
        return Map.of("output", output.replaceAll("[\\x00-\\x08\\x0B-\\x1F]", ""));
    }
}
