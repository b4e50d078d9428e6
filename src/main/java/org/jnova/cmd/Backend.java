package org.jnova.cmd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jnova.compute.ComputeCloud;
import org.jnova.compute.ComputeManager;
import org.jnova.compute.ComputeTaskManager;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.db.Databases;
import org.jnova.rpc.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud behind one API process: the database pools, the transport, the compute APIs the
 * controllers call, the conductor and, all-in-one, a compute host with the fake driver.
 * Built once per process; closed when the process stops.
 */
public final class Backend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    private final Databases databases;
    private final Transport transport;
    private final ComputeCloud cloud;
    private final List<AutoCloseable> running = new ArrayList<>();

    private Backend(Databases databases, Transport transport, ComputeCloud cloud) {
        this.databases = Objects.requireNonNull(databases, "databases is null");
        this.transport = Objects.requireNonNull(transport, "transport is null");
        this.cloud = Objects.requireNonNull(cloud, "cloud is null");
    }

    /**
     * Opens the databases and the transport and starts the conductor.
     *
     * @param embedded also migrate the schema, seed flavors and the image, and start a compute
     *     host in this process (the all-in-one default)
     */
    public static Backend start(ConfigOpts conf, boolean embedded) {
        Databases databases = Databases.open(conf);
        Transport transport;
        try {
            transport = Transports.fromConfig(conf);
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
        Backend backend = new Backend(databases, transport, new ComputeCloud(conf, databases, transport));
        try {
            if (embedded) {
                databases.syncAll();
                backend.cloud.seed();
                ComputeManager compute = backend.cloud.computeManager(null, backend.cloud.fakeDriver(
                        org.jnova.api.metadata.MetadataService.configDrive(conf, backend.cloud)));
                compute.start();
                backend.running.add(compute::stop);
            }
            ComputeTaskManager conductor = backend.cloud.conductor("nova-conductor");
            conductor.start();
            backend.running.add(conductor::stop);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return backend;
    }

    public ComputeCloud cloud() {
        return cloud;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping a service failed: {}", e.toString());
            }
        }
        running.clear();
        try {
            transport.close();
        } catch (Exception e) {
            LOG.warn("Closing the transport failed: {}", e.toString());
        }
        databases.close();
    }
}
