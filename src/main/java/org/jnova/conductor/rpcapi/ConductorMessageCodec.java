package org.jnova.conductor.rpcapi;

import java.util.HashMap;
import java.util.Map;
import org.jnova.conductor.rpcapi.ConductorMessage.BuildInstances;
import org.jnova.conductor.rpcapi.ConductorMessage.EvacuateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.LiveMigrateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.MigrateServer;
import org.jnova.conductor.rpcapi.ConductorMessage.UnshelveInstance;
import org.jnova.db.InstanceStore;
import org.jnova.rpc.MalformedMessage;
import org.jnova.rpc.MessageCodec;
import org.jnova.rpc.MessageVersion;
import org.jnova.rpc.WireArgs;
import org.jnova.rpc.WireContext;
import org.jnova.rpc.WireMessage;

/** The one place conductor messages meet the wire: each record to nova's method name and arguments, and back. */
public final class ConductorMessageCodec implements MessageCodec<ConductorMessage> {
    /** The version of the conductor interface this side sends and receives. */
    public static final MessageVersion VERSION = new MessageVersion(1, 0);

    @Override
    public MessageVersion version() {
        return VERSION;
    }

    @Override
    public WireMessage encode(ConductorMessage message) {
        Map<String, Object> args = new HashMap<>();
        args.put("request_id", message.requestId());
        String method = switch (message) {
            case BuildInstances m -> {
                args.put("instance_uuids", m.instanceUuids());
                yield "build_instances";
            }
            case MigrateServer m -> {
                args.put("instance_uuid", m.instanceUuid());
                args.put("flavor", InstanceStore.flavorJson(m.flavor()));
                args.put("migration_type", m.migrationType());
                putRequester(args, m.userId(), m.projectId(), m.host());
                yield "migrate_server";
            }
            case LiveMigrateInstance m -> {
                args.put("instance_uuid", m.instanceUuid());
                putRequester(args, m.userId(), m.projectId(), m.host());
                yield "live_migrate_instance";
            }
            case EvacuateInstance m -> {
                args.put("instance_uuid", m.instanceUuid());
                putRequester(args, m.userId(), m.projectId(), m.host());
                args.put("migration_uuid", m.migrationUuid());
                args.put("target_state", m.targetState());
                args.put("new_pass", m.newPass());
                yield "evacuate_instance";
            }
            case UnshelveInstance m -> {
                args.put("instance_uuid", m.instanceUuid());
                if (m.host() != null) {
                    args.put("host", m.host());
                }
                args.put(WireContext.KEY, WireContext.encode(m.context()));
                yield "unshelve_instance";
            }
        };
        return new WireMessage(method, args);
    }

    private static void putRequester(Map<String, Object> args, String userId, String projectId, String host) {
        args.put("user_id", userId);
        args.put("project_id", projectId);
        if (host != null) {
            args.put("host", host);
        }
    }

    @Override
    public ConductorMessage decode(String method, Map<String, Object> args) {
        WireArgs a = new WireArgs(method, args);
        String req = a.string("request_id");
        return switch (method) {
            case "build_instances" -> new BuildInstances(a.strings("instance_uuids"), req);
            case "migrate_server" -> new MigrateServer(a.string("instance_uuid"), req,
                    InstanceStore.parseFlavor(a.string("flavor")), a.optionalString("migration_type"),
                    a.optionalString("user_id"), a.optionalString("project_id"), a.optionalString("host"));
            case "live_migrate_instance" -> new LiveMigrateInstance(a.string("instance_uuid"), req,
                    a.optionalString("user_id"), a.optionalString("project_id"), a.optionalString("host"));
            case "evacuate_instance" -> new EvacuateInstance(a.string("instance_uuid"), req,
                    a.optionalString("user_id"), a.optionalString("project_id"), a.optionalString("host"),
                    a.string("migration_uuid"), a.string("target_state"), a.optionalString("new_pass"));
            case "unshelve_instance" -> new UnshelveInstance(a.string("instance_uuid"), req,
                    a.optionalString("host"), WireContext.decode(a, req));
            default -> throw new MalformedMessage("Unknown conductor method " + method);
        };
    }

    @Override
    public Object encodeReply(Object reply) {
        return reply;
    }

    /** The answer to {@code call} read from the wire as its type. */
    @SuppressWarnings("unchecked")
    public <R> R decodeReply(ConductorMessage.Call<R> call, Object reply) {
        Object typed = switch (call) {
            case LiveMigrateInstance m -> {
                if (reply != null && !(reply instanceof String)) {
                    throw new MalformedMessage("The answer to live_migrate_instance is not a string");
                }
                yield reply;
            }
        };
        return (R) typed;
    }
}
