package org.jnova.compute.rpcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jnova.compute.rpcapi.ComputeMessage.AllowShare;
import org.jnova.compute.rpcapi.ComputeMessage.AttachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.DenyShare;
import org.jnova.compute.rpcapi.ComputeMessage.BackupInstance;
import org.jnova.compute.rpcapi.ComputeMessage.BuildAndRunInstance;
import org.jnova.compute.rpcapi.ComputeMessage.GetHostUptime;
import org.jnova.compute.rpcapi.ComputeMessage.ConfirmResize;
import org.jnova.compute.rpcapi.ComputeMessage.DetachVolume;
import org.jnova.compute.rpcapi.ComputeMessage.GetConsoleOutput;
import org.jnova.compute.rpcapi.ComputeMessage.InjectNetworkInfo;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationAbort;
import org.jnova.compute.rpcapi.ComputeMessage.LiveMigrationForceComplete;
import org.jnova.compute.rpcapi.ComputeMessage.PauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.PostLiveMigrationAtDestination;
import org.jnova.compute.rpcapi.ComputeMessage.PreLiveMigration;
import org.jnova.compute.rpcapi.ComputeMessage.RebootInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildEvacuatedInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RebuildInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RescueInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ReserveBlockDeviceName;
import org.jnova.compute.rpcapi.ComputeMessage.ReservedDevice;
import org.jnova.compute.rpcapi.ComputeMessage.ResizeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RestoreInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ResumeInstance;
import org.jnova.compute.rpcapi.ComputeMessage.RevertResize;
import org.jnova.compute.rpcapi.ComputeMessage.RollbackLiveMigrationAtDestination;
import org.jnova.compute.rpcapi.ComputeMessage.SetAdminPassword;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveInstance;
import org.jnova.compute.rpcapi.ComputeMessage.ShelveOffloadInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SnapshotInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SoftDeleteInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StartInstance;
import org.jnova.compute.rpcapi.ComputeMessage.StopInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SuspendInstance;
import org.jnova.compute.rpcapi.ComputeMessage.SwapVolume;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotCreate;
import org.jnova.compute.rpcapi.ComputeMessage.VolumeSnapshotDelete;
import org.jnova.compute.rpcapi.ComputeMessage.TerminateInstance;
import org.jnova.compute.rpcapi.ComputeMessage.TriggerCrashDump;
import org.jnova.compute.rpcapi.ComputeMessage.UnpauseInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnrescueInstance;
import org.jnova.compute.rpcapi.ComputeMessage.UnshelveInstance;
import org.jnova.conductor.rpcapi.ConductorMessage;
import org.jnova.conductor.rpcapi.ConductorMessage.BuildInstances;
import org.jnova.conductor.rpcapi.ConductorMessage.EvacuateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.LiveMigrateInstance;
import org.jnova.conductor.rpcapi.ConductorMessage.MigrateServer;
import org.jnova.conductor.rpcapi.ConductorMessageCodec;
import org.jnova.context.RequestContext;
import org.jnova.objects.Flavor;
import org.jnova.rpc.FakeTransport;
import org.jnova.rpc.MalformedMessage;
import org.jnova.rpc.Transport;
import org.jnova.rpc.WireMessage;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final String UUID = "6f3c1a4e-3b1d-4c55-9a51-2d2f0f4b8a11";
    private static final String REQ = "req-0d1e";
    private static final Flavor FLAVOR = new Flavor(7, "2", "m1.small", 2048, 1, 20, 0, 0, 1.0, true, false, null,
            Map.of("hw:cpu_policy", "shared"), null, null);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Keystone caller with token and catalog, as the receiver needs it to call the image service. */
    private static final RequestContext CALLER = new RequestContext("user-1", Optional.of("project-1"),
            List.of("member", "reader"), false, REQ, Optional.of("req-global"), Optional.empty(),
            Optional.of("gAAAAA-token"), Optional.of("default"), Optional.of("default"), false,
            Optional.of("[{\"type\": \"image\", \"endpoints\": []}]"));
    private static final RequestContext SYSTEM_CALLER = new RequestContext("admin-1", Optional.empty(),
            List.of("admin"), true, REQ, Optional.empty(), Optional.of("all"), Optional.empty(), Optional.empty(),
            Optional.empty());

    private static final List<ComputeMessage> COMPUTE = List.of(
            new BuildAndRunInstance(UUID, REQ),
            new TerminateInstance(UUID, REQ),
            new SoftDeleteInstance(UUID, REQ),
            new RestoreInstance(UUID, REQ),
            new StopInstance(UUID, REQ),
            new StartInstance(UUID, REQ),
            new RebootInstance(UUID, REQ, true),
            new RebootInstance(UUID, REQ, false),
            new PauseInstance(UUID, REQ),
            new UnpauseInstance(UUID, REQ),
            new SuspendInstance(UUID, REQ),
            new ResumeInstance(UUID, REQ),
            new RescueInstance(UUID, REQ, "img-1", "secret"),
            new RescueInstance(UUID, REQ, null, null),
            new UnrescueInstance(UUID, REQ),
            new SetAdminPassword(UUID, REQ, "pw"),
            new TriggerCrashDump(UUID, REQ),
            new SnapshotInstance(UUID, REQ, "img-2"),
            new BackupInstance(UUID, REQ, "img-3", "daily", 3, CALLER),
            new RebuildInstance(UUID, REQ, true),
            new RebuildInstance(UUID, REQ, false, "new-pass"),
            new GetConsoleOutput(UUID, REQ, 50),
            new GetConsoleOutput(UUID, REQ, null),
            new GetHostUptime(REQ),
            new InjectNetworkInfo(UUID, REQ),
            new ShelveInstance(UUID, REQ, "img-4", true),
            new ShelveOffloadInstance(UUID, REQ),
            new UnshelveInstance(UUID, REQ, CALLER),
            new UnshelveInstance(UUID, REQ, SYSTEM_CALLER),
            new ResizeInstance(UUID, REQ, FLAVOR),
            new ConfirmResize(UUID, REQ),
            new RevertResize(UUID, REQ),
            new ReserveBlockDeviceName(UUID, REQ, "vol-1", "/dev/vdb", "data", true),
            new ReserveBlockDeviceName(UUID, REQ, "vol-1", null, null, false),
            new AttachVolume(UUID, REQ, "bdm-1"),
            new DetachVolume(UUID, REQ, "vol-1", "att-1"),
            new DetachVolume(UUID, REQ, "vol-1", null),
            new SwapVolume(UUID, REQ, "vol-1", "vol-2", "att-2"),
            new AllowShare(UUID, REQ, "mapping-1"),
            new DenyShare(UUID, REQ, "mapping-1"),
            new VolumeSnapshotCreate(UUID, REQ, "vol-1", java.util.Map.of("snapshot_id", "s-1", "type", "qcow2",
                    "new_file", "f")),
            new VolumeSnapshotDelete(UUID, REQ, "vol-1", "s-1", java.util.Map.of("volume_id", "vol-1")),
            new LiveMigration(UUID, REQ, "host-2", "node-2", "mig-1"),
            new LiveMigrationForceComplete(UUID, REQ),
            new LiveMigrationAbort(UUID, REQ, 12),
            new PreLiveMigration(UUID, REQ),
            new PostLiveMigrationAtDestination(UUID, REQ, "node-2", 1),
            new RollbackLiveMigrationAtDestination(UUID, REQ, "node-2"),
            new RebuildEvacuatedInstance(UUID, REQ, "node-3", "mig-2", "stopped"),
            new RebuildEvacuatedInstance(UUID, REQ, "node-3", "mig-2", "active", "new-pass"));

    private static final List<ConductorMessage> CONDUCTOR = List.of(
            new BuildInstances(List.of(UUID, "second"), REQ),
            new MigrateServer(UUID, REQ, FLAVOR, "resize", "user-1", "project-1", "host-2"),
            new MigrateServer(UUID, REQ, FLAVOR, "migrate", null, "project-1", null),
            new LiveMigrateInstance(UUID, REQ, "user-1", "project-1", "host-2"),
            new LiveMigrateInstance(UUID, REQ, "user-1", "project-1", null),
            new EvacuateInstance(UUID, REQ, "user-1", "project-1", null, "mig-3", "active"),
            new EvacuateInstance(UUID, REQ, "user-1", "project-1", "host-2", "mig-3", "stopped", "new-pass"),
            new ConductorMessage.UnshelveInstance(UUID, REQ, "host-2", CALLER),
            new ConductorMessage.UnshelveInstance(UUID, REQ, null, SYSTEM_CALLER));

    @Test
    void everyComputeMessageRoundTripsThroughTheCodecAndJson() throws Exception {
        ComputeMessageCodec codec = new ComputeMessageCodec();
        for (ComputeMessage m : COMPUTE) {
            WireMessage wire = codec.encode(m);
            assertThat(codec.decode(wire.method(), overJson(wire.args()))).isEqualTo(m);
        }
        assertThat(COMPUTE.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(recordsOf(ComputeMessage.class));
    }

    @Test
    void everyConductorMessageRoundTripsThroughTheCodecAndJson() throws Exception {
        ConductorMessageCodec codec = new ConductorMessageCodec();
        for (ConductorMessage m : CONDUCTOR) {
            WireMessage wire = codec.encode(m);
            assertThat(codec.decode(wire.method(), overJson(wire.args()))).isEqualTo(m);
        }
        assertThat(CONDUCTOR.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(recordsOf(ConductorMessage.class));
    }

    @Test
    void theWireKeepsNovasMethodNamesAndArguments() {
        ComputeMessageCodec codec = new ComputeMessageCodec();
        assertThat(codec.encode(new RebootInstance(UUID, REQ, true))).isEqualTo(new WireMessage("reboot_instance",
                Map.of("instance_uuid", UUID, "request_id", REQ, "reboot_type", "HARD")));
        assertThat(codec.encode(new RebuildEvacuatedInstance(UUID, REQ, "n", "m", "active")).args())
                .containsEntry("recreate", true);
        assertThat(new ConductorMessageCodec().encode(new BuildInstances(List.of(UUID), REQ)))
                .isEqualTo(new WireMessage("build_instances", Map.of("instance_uuids", List.of(UUID), "request_id",
                        REQ)));
    }

    @Test
    void theCallersContextTravelsWithTheMessagesThatCallTheImageServiceOnItsBehalf() {
        Map<String, Object> args = new ComputeMessageCodec().encode(new UnshelveInstance(UUID, REQ, CALLER)).args();
        assertThat(args.get("context")).isInstanceOfSatisfying(Map.class, context -> assertThat(context)
                .containsEntry("auth_token", "gAAAAA-token").containsEntry("project_id", "project-1")
                .containsEntry("roles", List.of("member", "reader")));
        Map<String, Object> older = new HashMap<>(args);
        older.remove("context");
        assertThat(new ComputeMessageCodec().decode("unshelve_instance", older))
                .isEqualTo(new UnshelveInstance(UUID, REQ, RequestContext.admin(REQ)));
    }

    @Test
    void aMissingArgumentIsAClearError() {
        assertThatThrownBy(() -> new ComputeMessageCodec().decode("stop_instance", Map.of("request_id", REQ)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessage("Message stop_instance lacks its required argument instance_uuid");
        assertThatThrownBy(() -> new ComputeMessageCodec().decode("snapshot_instance",
                Map.of("instance_uuid", UUID, "request_id", REQ)))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("image_id");
        assertThatThrownBy(() -> new ConductorMessageCodec().decode("build_instances", Map.of("request_id", REQ)))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("instance_uuids");
    }

    @Test
    void aMistypedArgumentIsAClearError() {
        assertThatThrownBy(() -> new ComputeMessageCodec().decode("backup_instance", Map.of("instance_uuid", UUID,
                "request_id", REQ, "image_id", "i", "backup_type", "daily", "rotation", "three")))
                .isInstanceOf(MalformedMessage.class)
                .hasMessage("Argument rotation of message backup_instance should be an integer, not String");
        assertThatThrownBy(() -> new ConductorMessageCodec().decode("build_instances", Map.of("request_id", REQ,
                "instance_uuids", List.of(1, 2))))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("list of strings");
        assertThatThrownBy(() -> new ComputeMessageCodec().decode("no_such_method", Map.of("instance_uuid", UUID,
                "request_id", REQ)))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("no_such_method");
    }

    @Test
    void anUnknownExtraArgumentIsIgnored() {
        Map<String, Object> args = new HashMap<>(new ComputeMessageCodec().encode(new StopInstance(UUID, REQ)).args());
        args.put("clean_shutdown", true);
        assertThat(new ComputeMessageCodec().decode("stop_instance", args)).isEqualTo(new StopInstance(UUID, REQ));
    }

    @Test
    void aReceiverTakesANewerMinorVersionAndRefusesAnotherMajorOne() throws Exception {
        List<ComputeMessage> received = new ArrayList<>();
        try (Transport transport = new FakeTransport()) {
            transport.listen("compute", "h", ComputeRpcApi.endpoint(m -> {
                received.add(m);
                return null;
            }));
            Map<String, Object> args = Map.of("instance_uuid", UUID, "request_id", REQ, "added_in_6_9", "x");
            transport.call("compute", "h", "stop_instance", "6.9", args).get();
            transport.call("compute", "h", "stop_instance", args).get();
            assertThatThrownBy(() -> transport.call("compute", "h", "stop_instance", "7.0", args).get())
                    .hasCauseInstanceOf(MalformedMessage.class).hasMessageContaining("7.0");
        }
        assertThat(received).containsExactly(new StopInstance(UUID, REQ), new StopInstance(UUID, REQ));
    }

    @Test
    void callsAnswerWithTypedReplies() throws Exception {
        try (Transport transport = new FakeTransport()) {
            transport.listen("compute", "h", ComputeRpcApi.endpoint(m -> switch (m) {
                case GetConsoleOutput g -> "line " + g.tailLength();
                case ReserveBlockDeviceName r -> new ReservedDevice("bdm-9", "/dev/vdc");
                default -> null;
            }));
            ComputeRpcApi api = new ComputeRpcApi(transport);
            assertThat(api.call("h", new GetConsoleOutput(UUID, REQ, 5)).get()).isEqualTo("line 5");
            assertThat(api.call("h", new ReserveBlockDeviceName(UUID, REQ, "v", null, null, false)).get())
                    .isEqualTo(new ReservedDevice("bdm-9", "/dev/vdc"));
        }
    }

    private static Map<String, Object> overJson(Map<String, Object> args) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(args), new TypeReference<Map<String, Object>>() {
        });
    }

    private static Set<Class<?>> recordsOf(Class<?> sealed) {
        Set<Class<?>> out = new HashSet<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isRecord()) {
                out.add(sub);
            } else {
                out.addAll(recordsOf(sub));
            }
        }
        return out;
    }
}
