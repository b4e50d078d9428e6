package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.VERSIONS;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.action;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.activeServer;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.admin;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.await;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.jnova;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.settled;
import static org.jnova.api.openstack.compute.servers.actions.ServerActionsTestSupport.user;

import java.util.List;
import org.jnova.compute.SeedData;
import org.jnova.compute.ServerCreate;
import org.jnova.context.RequestContext;
import org.jnova.objects.Image;
import org.jnova.objects.Instance;
import org.jnova.testing.JnovaTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the table does not cover: locks and their owners, lock reasons (2.73), console
 * output lengths, backup rotation, microversion limits, removed actions, bad bodies,
 * other projects' servers and servers still building.
 */
class ServerActionsBehaviourTest {
    static List<String> engines() {
        return org.jnova.db.TestDatabases.engines();
    }

    @AfterAll
    static void stop() throws Exception {
        ServerActionsTestSupport.closeAll();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void lockedServerRefusesOwnerActionsUntilUnlocked(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        RequestContext demo = user("demo");
        String uuid = activeServer(jnova, demo);
        for (String version : VERSIONS) {
            assertThat(action(jnova, uuid, "{\"lock\": null}", version).status()).isEqualTo(202);
            Instance locked = jnova.cloud().instances().get(uuid, false).orElseThrow();
            assertThat(locked.locked()).isTrue();
            assertThat(locked.lockedBy()).isEqualTo("admin");

            JnovaTestServer.Reply refused = action(jnova, uuid, "{\"pause\": null}", version, "demo:demo");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().at("/conflictingRequest/message").asText())
                    .isEqualTo("Instance " + uuid + " is locked");
            JnovaTestServer.Reply override = action(jnova, uuid, "{\"unlock\": null}", version, "demo:demo");
            assertThat(override.status()).isEqualTo(403);
            assertThat(override.json().at("/forbidden/message").asText()).isEqualTo(
                    "Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");

            assertThat(action(jnova, uuid, "{\"unlock\": null}", version).status()).isEqualTo(202);
            assertThat(action(jnova, uuid, "{\"lock\": null}", version, "demo:demo").status()).isEqualTo(202);
            assertThat(jnova.cloud().instances().get(uuid, false).orElseThrow().lockedBy()).isEqualTo("owner");
            assertThat(action(jnova, uuid, "{\"unlock\": null}", version, "demo:demo").status()).isEqualTo(202);
            assertThat(jnova.cloud().instances().get(uuid, false).orElseThrow().locked()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void lockReasonIsKeptFrom273(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        JnovaTestServer.Reply old = action(jnova, uuid, "{\"lock\": {\"locked_reason\": \"x\"}}", "2.72");
        assertThat(old.status()).isEqualTo(202);
        assertThat(jnova.cloud().instances().get(uuid, false).orElseThrow().lockedReason()).isNull();
        action(jnova, uuid, "{\"unlock\": null}", "2.72");

        assertThat(action(jnova, uuid, "{\"lock\": {\"locked_reason\": \"maintenance\"}}", "2.73").status())
                .isEqualTo(202);
        assertThat(jnova.cloud().instances().get(uuid, false).orElseThrow().lockedReason()).isEqualTo("maintenance");
        JnovaTestServer.Reply tooLong = action(jnova, uuid, "{\"lock\": {\"locked_reason\": \"" + "r".repeat(256)
                + "\"}}", "2.96");
        assertThat(tooLong.status()).isEqualTo(400);
        JnovaTestServer.Reply extra = action(jnova, uuid, "{\"lock\": {\"why\": \"x\"}}", "2.73");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().at("/badRequest/message").asText()).startsWith("Invalid input for field/attribute lock.");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aBackupRotationBeyondAnIntKeepsEveryBackup(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        // nova 26 (probed): 202 for any non-negative integer, as a number or a string
        JnovaTestServer.Reply r = action(jnova, uuid, "{\"createBackup\": {\"name\": \"b\", \"backup_type\": "
                + "\"daily\", \"rotation\": \"99999999999999999999999\"}}", "2.45");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(jnova.cloud().images().get(r.json().get("image_id").asText())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void consoleOutputTailsTheLogAsNova(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        for (String version : VERSIONS) {
            JnovaTestServer.Reply all = action(jnova, uuid, "{\"os-getConsoleOutput\": {}}", version);
            assertThat(all.status()).isEqualTo(200);
            String[] lines = all.json().get("output").asText().split("\n");
            assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
            assertThat(lines[lines.length - 1]).endsWith(" login:");

            JnovaTestServer.Reply one = action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": \"1\"}}", version);
            assertThat(one.json().get("output").asText()).isEqualTo(lines[lines.length - 1]);
            JnovaTestServer.Reply none = action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": 0}}", version);
            assertThat(none.json().get("output").asText()).isEmpty();
            // nova's tail of -1 is Python's lines[1:]
            JnovaTestServer.Reply minusOne = action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": -1}}",
                    version);
            assertThat(minusOne.json().get("output").asText().split("\n")).hasSize(lines.length - 1);
            JnovaTestServer.Reply bad = action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": -2}}", version);
            assertThat(bad.status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void consoleOutputIsTheGuestsBootLog(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        String all = action(jnova, uuid, "{\"os-getConsoleOutput\": {}}", "2.1").json().get("output").asText();
        String[] lines = all.split("\n", -1);
        assertThat(lines.length).isGreaterThan(60);
        assertThat(lines[0]).matches("\\[ +\\d+\\.\\d{6}\\] Linux version .*");
        assertThat(all).contains("Set hostname to <").contains("Cloud-init v.");
        // the same server boots the same way
        assertThat(action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": null}}", "2.1").json().get("output")
                .asText()).isEqualTo(all);
        for (int n : new int[] {1, 5, 50}) {
            String tail = action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": " + n + "}}", "2.1").json()
                    .get("output").asText();
            assertThat(tail.split("\n", -1)).containsExactly(java.util.Arrays.copyOfRange(lines, lines.length - n,
                    lines.length));
        }
        assertThat(action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": \"100000000000000000000\"}}", "2.1")
                .json().get("output").asText()).isEqualTo(all);
        // nova reads a string's number for the minimum too; "-1" is Python's lines[1:]
        assertThat(action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": \"-1\"}}", "2.1").json()
                .get("output").asText().split("\n", -1)).hasSize(lines.length - 1);
        for (String bad : new String[] {"\"1.5\"", "1.5", "\"abc\"", "\"\"", "true", "-2", "\"-3\""}) {
            JnovaTestServer.Reply r = action(jnova, uuid, "{\"os-getConsoleOutput\": {\"length\": " + bad + "}}",
                    "2.1");
            assertThat(r.status()).as(bad).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void backupsAreRotated(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        String body = "{\"createBackup\": {\"name\": \"nightly\", \"backup_type\": \"daily\", \"rotation\": 2}}";
        for (int n = 0; n < 4; n++) {
            JnovaTestServer.Reply r = action(jnova, uuid, body, "2.96");
            assertThat(r.status()).isEqualTo(202);
            await(jnova, uuid, settled("active"));
            Thread.sleep(20); // distinct creation times
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Image> backups;
        do {
            backups = jnova.cloud().images().list().stream()
                    .filter(i -> uuid.equals(i.properties().get("instance_uuid"))).toList();
            Thread.sleep(20);
        } while (backups.size() > 2 && System.nanoTime() < deadline);
        assertThat(backups).hasSize(2).allSatisfy(i -> {
            assertThat(i.properties()).containsEntry("backup_type", "daily").containsEntry("image_type", "backup");
            assertThat(i.status()).isEqualTo("active");
        });
        JnovaTestServer.Reply noRotation = action(jnova, uuid, "{\"createBackup\": {\"name\": \"x\", "
                + "\"backup_type\": \"weekly\", \"rotation\": 0}}", "2.1");
        assertThat(noRotation.status()).isEqualTo(202);
        assertThat(noRotation.header("Location")).isNull();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void microversionLimitsAndRemovedActions(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        JnovaTestServer.Reply early = action(jnova, uuid, "{\"trigger_crash_dump\": null}", "2.16");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.json().at("/itemNotFound/message").asText()).isEqualTo("The resource could not be found.");

        assertThat(action(jnova, uuid, "{\"addFixedIp\": {\"networkId\": \"net\"}}", "2.1").status()).isEqualTo(202);
        assertThat(action(jnova, uuid, "{\"removeFixedIp\": {\"address\": \"10.9.9.9\"}}", "2.43").status())
                .isEqualTo(202);
        JnovaTestServer.Reply floating = action(jnova, uuid, "{\"addFloatingIp\": {\"address\": \"172.24.4.10\"}}",
                "2.1");
        assertThat(floating.status()).isEqualTo(404);
        assertThat(floating.json().at("/itemNotFound/message").asText()).isEqualTo("floating IP not found");
        JnovaTestServer.Reply remove = action(jnova, uuid, "{\"removeFloatingIp\": {\"address\": \"172.24.4.10\"}}",
                "2.1");
        assertThat(remove.json().at("/itemNotFound/message").asText())
                .isEqualTo("Floating IP not found for address 172.24.4.10.");
        for (String removed : List.of("{\"addFixedIp\": {\"networkId\": \"n\"}}",
                "{\"removeFixedIp\": {\"address\": \"10.0.0.9\"}}", "{\"addFloatingIp\": {\"address\": \"1.2.3.4\"}}",
                "{\"removeFloatingIp\": {\"address\": \"1.2.3.4\"}}")) {
            JnovaTestServer.Reply gone = action(jnova, uuid, removed, "2.44");
            assertThat(gone.status()).as(removed).isEqualTo(404);
            assertThat(gone.json().at("/itemNotFound/message").asText()).isEqualTo("The resource could not be found.");
        }
        for (String version : VERSIONS) {
            JnovaTestServer.Reply resetNetwork = action(jnova, uuid, "{\"resetNetwork\": null}", version);
            assertThat(resetNetwork.status()).isEqualTo(410);
            assertThat(resetNetwork.json().at("/computeFault/message").asText())
                    .isEqualTo("This resource is no longer available.  No forwarding address is given.");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void badRequestsAndOtherProjects(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, user("demo"));
        for (String version : VERSIONS) {
            JnovaTestServer.Reply unknown = action(jnova, uuid, "{\"foo\": null}", version);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().at("/badRequest/message").asText()).isEqualTo("There is no such action: foo");
            JnovaTestServer.Reply badType = action(jnova, uuid, "{\"reboot\": {\"type\": \"WARM\"}}", version);
            assertThat(badType.status()).isEqualTo(400);
            assertThat(badType.json().at("/badRequest/message").asText())
                    .startsWith("Invalid input for field/attribute type. Value: WARM.");
            JnovaTestServer.Reply badState = action(jnova, uuid, "{\"os-resetState\": {\"state\": \"paused\"}}",
                    version);
            assertThat(badState.status()).isEqualTo(400);
            JnovaTestServer.Reply other = action(jnova, uuid, "{\"pause\": null}", version, "other:other");
            assertThat(other.status()).isEqualTo(404);
            assertThat(other.json().at("/itemNotFound/message").asText())
                    .isEqualTo("Instance " + uuid + " could not be found.");
            JnovaTestServer.Reply missing = action(jnova, "0b7e2a7c-7f39-4a3e-9f0e-123456789abc",
                    "{\"os-stop\": null}", version);
            assertThat(missing.status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void buildingServerRefusesActions(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = jnova.cloud().servers().create(admin(), ServerCreate.of("b", SeedData.CIRROS_IMAGE_ID, "1"))
                .instances().get(0).uuid();
        JnovaTestServer.Reply r = action(jnova, uuid, "{\"pause\": null}", "2.96");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/conflictingRequest/message").asText())
                .isEqualTo("Cannot 'pause' instance " + uuid + " while it is in vm_state building");
        await(jnova, uuid, settled("active"));
        // a second action while the first still runs: nova's task_state conflict
        assertThat(action(jnova, uuid, "{\"os-stop\": null}", "2.1").status()).isEqualTo(202);
        JnovaTestServer.Reply busy = action(jnova, uuid, "{\"reboot\": {\"type\": \"HARD\"}}", "2.1");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().at("/conflictingRequest/message").asText())
                .isEqualTo("Cannot 'reboot' instance " + uuid + " while it is in task_state powering-off");
        await(jnova, uuid, settled("stopped"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void securityGroupsOfAServer(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        for (String version : VERSIONS) {
            assertThat(action(jnova, uuid, "{\"removeSecurityGroup\": {\"name\": \"default\"}}", version).status())
                    .isEqualTo(202);
            assertThat(org.jnova.compute.ServerSecurityGroupsApi.groups(jnova.cloud().instances().get(uuid, false)
                    .orElseThrow())).isEmpty();
            JnovaTestServer.Reply again = action(jnova, uuid, "{\"removeSecurityGroup\": {\"name\": \"default\"}}",
                    version);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.json().at("/itemNotFound/message").asText())
                    .isEqualTo("Security group default not associated with the instance " + uuid);
            assertThat(action(jnova, uuid, "{\"addSecurityGroup\": {\"name\": \"default\"}}", version).status())
                    .isEqualTo(202);
            assertThat(org.jnova.compute.ServerSecurityGroupsApi.groups(jnova.cloud().instances().get(uuid, false)
                    .orElseThrow())).containsExactly("default");
            JnovaTestServer.Reply unknown = action(jnova, uuid, "{\"addSecurityGroup\": {\"name\": \"web\"}}",
                    version);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().at("/itemNotFound/message").asText())
                    .isEqualTo("Security group web is not found for project admin");
            assertThat(action(jnova, uuid, "{\"addSecurityGroup\": null}", version).json()
                    .at("/badRequest/message").asText()).isEqualTo("Missing parameter dict");
            assertThat(action(jnova, uuid, "{\"addSecurityGroup\": {}}", version).json()
                    .at("/badRequest/message").asText()).isEqualTo("Security group not specified");
            assertThat(action(jnova, uuid, "{\"removeSecurityGroup\": {\"name\": \" \"}}", version).json()
                    .at("/badRequest/message").asText()).isEqualTo("Security group name cannot be empty");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void rebuildChangesWhatTheVersionAllows(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        String image = SeedData.CIRROS_IMAGE_ID;
        JnovaTestServer.Reply missing = action(jnova, uuid, "{\"rebuild\": {\"imageRef\": "
                + "\"0b7e2a7c-7f39-4a3e-9f0e-123456789abc\"}}", "2.1");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/badRequest/message").asText()).isEqualTo("Cannot find image for rebuild");
        JnovaTestServer.Reply badKey = action(jnova, uuid, "{\"rebuild\": {\"imageRef\": \"" + image
                + "\", \"key_name\": \"nokey\"}}", "2.54");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().at("/badRequest/message").asText()).isEqualTo("Invalid key_name provided.");
        JnovaTestServer.Reply tooEarly = action(jnova, uuid, "{\"rebuild\": {\"imageRef\": \"" + image
                + "\", \"user_data\": \"eA==\"}}", "2.56");
        assertThat(tooEarly.status()).isEqualTo(400);

        JnovaTestServer.Reply r = action(jnova, uuid, "{\"rebuild\": {\"imageRef\": \"" + image
                + "\", \"adminPass\": \"p4ss\", \"user_data\": \"ZWNobw==\", \"hostname\": \"web-1\", "
                + "\"description\": \"rebuilt\", \"key_name\": null}}", "2.96");
        assertThat(r.status()).isEqualTo(202);
        var server = r.json().get("server");
        assertThat(server.get("adminPass").asText()).isEqualTo("p4ss");
        assertThat(server.get("user_data").asText()).isEqualTo("ZWNobw==");
        assertThat(server.get("OS-EXT-SRV-ATTR:hostname").asText()).isEqualTo("web-1");
        assertThat(server.get("description").asText()).isEqualTo("rebuilt");
        assertThat(server.get("OS-EXT-STS:task_state").asText()).isEqualTo("rebuilding");
        Instance done = await(jnova, uuid, settled("active")).last();
        assertThat(done.hostname()).isEqualTo("web-1");
        assertThat(done.userData()).isEqualTo("ZWNobw==");
        JnovaTestServer.Reply stopped = action(jnova, uuid, "{\"os-stop\": null}", "2.96");
        assertThat(stopped.status()).isEqualTo(202);
        await(jnova, uuid, settled("stopped"));
        assertThat(action(jnova, uuid, "{\"rebuild\": {\"imageRef\": \"" + image + "\"}}", "2.75").status())
                .isEqualTo(202);
        // a stopped server stays stopped after its rebuild, as nova
        assertThat(await(jnova, uuid, settled("stopped")).taskStates()).contains("rebuild_spawning");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void resizeIsRecordedAsAMigration(String engine) throws Exception {
        JnovaTestServer jnova = jnova(engine);
        String uuid = activeServer(jnova, admin());
        assertThat(action(jnova, uuid, "{\"resize\": {\"flavorRef\": \"2\"}}", "2.96").status()).isEqualTo(202);
        Instance resized = await(jnova, uuid, settled("resized")).last();
        assertThat(resized.flavor().flavorId()).isEqualTo("2");
        assertThat(jnova.cloud().migrations().latest(uuid)).get().satisfies(m -> {
            assertThat(m.status()).isEqualTo("finished");
            assertThat(m.migrationType()).isEqualTo("resize");
            assertThat(m.destCompute()).isEqualTo(resized.host());
            assertThat(m.oldInstanceTypeId()).isNotEqualTo(m.newInstanceTypeId());
            assertThat(m.userId()).isEqualTo("admin");
        });
        assertThat(action(jnova, uuid, "{\"revertResize\": null}", "2.96").status()).isEqualTo(202);
        Instance reverted = await(jnova, uuid, settled("active")).last();
        assertThat(reverted.flavor().flavorId()).isEqualTo("1");
        assertThat(jnova.cloud().migrations().latest(uuid)).get().extracting(m -> m.status()).isEqualTo("reverted");
        assertThat(action(jnova, uuid, "{\"migrate\": null}", "2.1").status()).isEqualTo(202);
        await(jnova, uuid, settled("resized"));
        assertThat(action(jnova, uuid, "{\"confirmResize\": null}", "2.1").status()).isEqualTo(204);
        await(jnova, uuid, settled("active"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!"confirmed".equals(jnova.cloud().migrations().latest(uuid).orElseThrow().status())
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(jnova.cloud().migrations().list(uuid)).extracting(m -> m.migrationType() + ":" + m.status())
                .containsExactly("migration:confirmed", "resize:reverted");
    }
}
