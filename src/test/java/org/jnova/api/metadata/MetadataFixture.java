package org.jnova.api.metadata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnova.compute.SeedData;
import org.jnova.compute.ServerCreate;
import org.jnova.context.RequestContext;
import org.jnova.objects.Instance;
import org.jnova.objects.VmStates;
import org.jnova.testing.JnovaTestServer;

/**
 * An all-in-one jnova with its metadata API started, and the servers of nova's transcript
 * booted the same way (through the backend): md-oracle with key pair, user data and
 * metadata, md-plain with nothing optional.
 */
final class MetadataFixture implements AutoCloseable {
    static final String SECRET = "nova-ref-metadata-secret";
    static final String PUBKEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCuZW3mCgai/kYSCClB9+S0"
            + "C9RuWUMP2InZFDCbqU/rn3MzOG8IdBQgDe1rv4LJxcOucptKt83vtCZIhPc5"
            + "ih6zYbf6FZ2fOagJhG8zwDqY9WLKBFSyzg5LpffENrqqw+k901We7uY5adHq"
            + "JFWoEfDuKTRCY2e60udYNXRwm9CrFvIyu8gTRCDD2kLoO5G91x0IClEmReql"
            + "EITzdhlXxl1f1xJ/ixGw5H25irxvVgHuo8epZ+pBcC0CdIeYO2Ua2VGAGR7+"
            + "USge+Qh6qInx9GnlNxAcrR/jPhN1ONYOhh91f3ciM9rc13tder9a3jJbdSV/"
            + "SV/n2KVGMCS7+Py0sZkX oracle@harness";
    static final String USER_DATA = "#cloud-config\nhostname: from-user-data\n"
            + "runcmd:\n  - [echo, \"hello from user data\"]\n";
    static final String KEY_NAME = "md-oracle-key";
    static final RequestContext ADMIN = RequestContext.project("admin", "admin", List.of("admin"), true, "req-test");

    final JnovaTestServer jnova;
    final RawHttp http;
    final Path instancesPath;
    final int cacheSeconds;

    private MetadataFixture(JnovaTestServer jnova, Path instancesPath, int cacheSeconds) {
        this.jnova = jnova;
        this.http = new RawHttp(jnova.startMetadata());
        this.instancesPath = instancesPath;
        this.cacheSeconds = cacheSeconds;
    }

    /** jnova with the metadata API; {@code extra} are nova.conf lines. */
    static MetadataFixture start(String engine, int cacheSeconds, String... extra) throws Exception {
        Path instances = Files.createTempDirectory("jnova-instances");
        List<String> lines = new ArrayList<>(List.of("[DEFAULT]", "instances_path = " + instances, "[api]",
                "metadata_cache_expiration = " + cacheSeconds));
        lines.addAll(List.of(extra));
        return new MetadataFixture(JnovaTestServer.start(engine, lines.toArray(String[]::new)), instances,
                cacheSeconds);
    }

    void importKey() {
        jnova.cloud().keyPairs().create(ADMIN, "admin", KEY_NAME, "ssh", PUBKEY);
    }

    /** Boots md-oracle: key pair, user data, metadata {"role": "web", "owner": "harness", "empty": ""}. */
    Instance bootOracle(String name, String configDrive) throws InterruptedException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("role", "web");
        meta.put("owner", "harness");
        meta.put("empty", "");
        return boot(new ServerCreate(name, SeedData.CIRROS_IMAGE_ID, "1", 1, 1, KEY_NAME, null, meta,
                Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8)), null, null,
                configDrive, null, null, List.of()));
    }

    Instance bootPlain(String name) throws InterruptedException {
        return boot(ServerCreate.of(name, SeedData.CIRROS_IMAGE_ID, "1"));
    }

    Instance boot(ServerCreate request) throws InterruptedException {
        String uuid = jnova.cloud().servers().create(ADMIN, request).instances().getFirst().uuid();
        for (int i = 0; i < 400; i++) {
            Instance now = jnova.cloud().instances().get(uuid, false).orElseThrow();
            if (VmStates.ACTIVE.equals(now.vmState())) {
                return now;
            }
            if (VmStates.ERROR.equals(now.vmState())) {
                throw new AssertionError("server " + uuid + " went to ERROR");
            }
            Thread.sleep(25);
        }
        throw new AssertionError("server " + uuid + " did not become ACTIVE");
    }

    /** Deletes a server and waits until it is gone. */
    void delete(String uuid) throws InterruptedException {
        jnova.cloud().servers().delete(ADMIN, uuid);
        for (int i = 0; i < 400 && jnova.cloud().instances().get(uuid, false).isPresent(); i++) {
            Thread.sleep(25);
        }
        if (jnova.cloud().instances().get(uuid, false).isPresent()) {
            throw new AssertionError("server " + uuid + " was not deleted");
        }
    }

    Instance reload(String uuid) {
        return jnova.cloud().instances().get(uuid, false).orElseThrow();
    }

    /** Sleeps until anything cached now has expired. */
    void waitForCacheExpiry() throws InterruptedException {
        Thread.sleep(cacheSeconds * 1000L + 600);
    }

    /** The neutron proxy's headers for a server. */
    static List<String[]> proxyHeaders(Instance server) {
        return List.of(new String[] {"X-Instance-ID", server.uuid()}, new String[] {"X-Tenant-ID",
                server.projectId()}, new String[] {"X-Instance-ID-Signature",
                        MetadataRequestHandler.sign(SECRET, server.uuid())});
    }

    @Override
    public void close() throws Exception {
        jnova.close();
    }
}
