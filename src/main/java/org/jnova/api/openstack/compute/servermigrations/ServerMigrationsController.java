package org.jnova.api.openstack.compute.servermigrations;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.api.openstack.ApiRequest;
import org.jnova.api.openstack.QueryValues;
import org.jnova.api.openstack.compute.migrations.MigrationView;
import org.jnova.api.openstack.compute.servers.ServerTimes;
import org.jnova.api.openstack.wsgi.QuerySchema;
import org.jnova.api.openstack.wsgi.Action;
import org.jnova.api.openstack.wsgi.ApiVersion;
import org.jnova.api.openstack.wsgi.ExpectedErrors;
import org.jnova.api.openstack.wsgi.RequestSchema;
import org.jnova.api.openstack.wsgi.Response;
import org.jnova.compute.ComputeErrors;
import org.jnova.compute.MigrationsApi;
import org.jnova.compute.MoveApi;
import org.jnova.compute.ServersApi;
import org.jnova.context.RequestContext;
import org.jnova.exception.Conflict;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.InstanceIsLocked;
import org.jnova.exception.Invalid;
import org.jnova.exception.NotFound;
import org.jnova.objects.Instance;
import org.jnova.objects.Migration;
import org.jnova.objects.TaskStates;
import org.jnova.objects.VmStates;

/**
 * /servers/{server_id}/migrations (nova's server_migrations.py): in-progress live migrations
 * (index, show from 2.23), force_complete (2.22) and abort (delete, 2.24; queued or preparing
 * migrations from 2.65). Both are recorded as instance actions and carried out by the
 * compute host running the migration.
 */
public final class ServerMigrationsController {
    private static final String RULE = "os_compute_api:servers:migrations:";
    private final ServersApi servers;
    private final MigrationsApi migrations;
    private final MoveApi moves;

    public ServerMigrationsController(ServersApi servers, MigrationsApi migrations, MoveApi moves) {
        this.servers = requireNonNull(servers, "servers is null");
        this.migrations = requireNonNull(migrations, "migrations is null");
        this.moves = requireNonNull(moves, "moves is null");
    }

    @ApiVersion(min = "2.23")
    @ExpectedErrors(404)
    @QuerySchema("index.query")
    public Object index(ApiRequest req) {
        Instance i = servers.get(req.context(), req.pathParam("server_id"));
        req.authorize(RULE + "index", Map.of("project_id", i.projectId()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Migration m : migrations.inProgress(i.uuid(), "live-migration", MigrationView.LIVE_IN_PROGRESS)) {
            out.add(output(req, m));
        }
        return Map.of("migrations", out);
    }

    @ApiVersion(min = "2.23")
    @ExpectedErrors(404)
    @QuerySchema("show.query")
    public Object show(ApiRequest req) {
        String serverId = req.pathParam("server_id");
        Instance i = servers.get(req.context(), serverId);
        req.authorize(RULE + "show", Map.of("project_id", i.projectId()));
        String id = req.pathParam("id");
        Migration m = find(i, id).orElseThrow(() -> new NotFound("In-progress live migration " + id
                + " is not found for server " + serverId + "."));
        if (!"live-migration".equals(m.migrationType())) {
            throw new NotFound("Migration " + id + " for server " + serverId + " is not live-migration.");
        }
        if (!MigrationView.LIVE_IN_PROGRESS.contains(m.status())) {
            throw new NotFound("Live migration " + id + " for server " + serverId + " is not in progress.");
        }
        return Map.of("migration", output(req, m));
    }

    @ApiVersion(min = "2.22")
    @Response(202)
    @ExpectedErrors({400, 404, 409})
    @Action("force_complete")
    @RequestSchema("force_complete")
    public void forceComplete(ApiRequest req) {
        String serverId = req.pathParam("server_id");
        Instance i = servers.get(req.context(), serverId);
        req.authorize(RULE + "force_complete", Map.of("project_id", i.projectId()));
        checkUnlocked(req.context(), i);
        if (!VmStates.ACTIVE.equals(i.vmState())) {
            throw new InstanceInvalidState("vm_state", i.vmState(), "force_complete", serverId);
        }
        if (!TaskStates.MIGRATING.equals(i.taskState())) {
            throw invalidServerState("task_state", i.taskState(), "force_complete", serverId);
        }
        String id = req.pathParam("id");
        Migration m = find(i, id).orElseThrow(() -> new Invalid("Migration " + id + " not found for instance "
                + i.uuid()));
        if (!"running".equals(m.status())) {
            throw invalidState(id, i, m, "force complete");
        }
        moves.forceCompleteLiveMigration(req.context(), i, m);
    }

    @ApiVersion(min = "2.24")
    @Response(202)
    @ExpectedErrors({400, 404, 409})
    public void delete(ApiRequest req) {
        String serverId = req.pathParam("server_id");
        Instance i = servers.get(req.context(), serverId);
        req.authorize(RULE + "delete", Map.of("project_id", i.projectId()));
        checkUnlocked(req.context(), i);
        if (!TaskStates.MIGRATING.equals(i.taskState())) {
            throw invalidServerState("task_state", i.taskState(), "abort live migration", serverId);
        }
        String id = req.pathParam("id");
        Migration m = find(i, id).orElseThrow(() -> new NotFound("Migration " + id + " not found for instance "
                + i.uuid()));
        Set<String> allowed = req.isSupported("2.65") ? Set.of("running", "queued", "preparing") : Set.of("running");
        if (!allowed.contains(m.status())) {
            throw invalidState(id, i, m, "abort live migration");
        }
        moves.abortLiveMigration(req.context(), i, m);
    }

    /** nova's raise_http_conflict_for_instance_invalid_state: a state of None has the short form. */
    private static Conflict invalidServerState(String attr, String state, String action, String serverId) {
        if (state == null) {
            return new Conflict("Instance " + serverId + " is in an invalid state for '" + action + "'");
        }
        return new InstanceInvalidState(attr, state, action, serverId);
    }

    private static Invalid invalidState(String id, Instance i, Migration m, String method) {
        return new Invalid("Migration " + id + " state of instance " + i.uuid() + " is " + m.status() + ". Cannot "
                + method + " while the migration is in this state.");
    }

    private static void checkUnlocked(RequestContext ctx, Instance i) {
        if (i.locked() && !ctx.isAdmin()) {
            throw new InstanceIsLocked(i.uuid());
        }
    }

    private Optional<Migration> find(Instance i, String id) {
        Optional<java.math.BigInteger> number = QueryValues.pythonInt(id).filter(n -> n.bitLength() < Integer.SIZE);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return migrations.byId(number.get().intValue()).filter(m -> m.instanceUuid().equals(i.uuid()));
    }

    private static Map<String, Object> output(ApiRequest req, Migration m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created_at", ServerTimes.naive(m.createdAt()));
        out.put("dest_compute", m.destCompute());
        out.put("dest_host", m.destHost());
        out.put("dest_node", m.destNode());
        out.put("disk_processed_bytes", null);
        out.put("disk_remaining_bytes", null);
        out.put("disk_total_bytes", null);
        out.put("id", m.id());
        out.put("memory_processed_bytes", null);
        out.put("memory_remaining_bytes", null);
        out.put("memory_total_bytes", null);
        out.put("server_uuid", m.instanceUuid());
        out.put("source_compute", m.sourceCompute());
        out.put("source_node", m.sourceNode());
        out.put("status", m.status());
        out.put("updated_at", ServerTimes.naive(m.updatedAt()));
        if (req.isSupported("2.59")) {
            out.put("uuid", m.uuid());
        }
        if (req.isSupported("2.80")) {
            out.put("user_id", m.userId());
            out.put("project_id", m.projectId());
        }
        return out;
    }
}
