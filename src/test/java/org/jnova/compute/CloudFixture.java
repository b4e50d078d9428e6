package org.jnova.compute;

import org.jnova.conductor.ComputeTaskManager;
import org.jnova.compute.manager.ComputeManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jnova.cmd.CompositionRoot;
import org.jnova.conf.ComputeOpts;
import org.jnova.conf.DatabaseOpts;
import org.jnova.conf.QuotaOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.context.RequestContext;
import org.jnova.db.Databases;
import org.jnova.db.TestDatabases;
import org.jnova.objects.Instance;
import org.jnova.rpc.FakeTransport;
import org.jnova.virt.fake.FakeDriver;

/** A whole cloud on a fresh database: conductor, compute hosts with the fake driver, fake transport. */
final class CloudFixture implements AutoCloseable {
    final String url;
    final ConfigOpts conf;
    final Databases dbs;
    final FakeTransport transport = new FakeTransport();
    final CompositionRoot cloud;
    final ComputeTaskManager conductor;
    final List<ComputeManager> computes = new ArrayList<>();
    final List<FakeDriver> drivers = new ArrayList<>();

    CloudFixture(String engine, String... settings) throws Exception {
        url = TestDatabases.create(engine);
        List<Opt<?>> all = new ArrayList<>(DatabaseOpts.all());
        all.addAll(ComputeOpts.all());
        all.addAll(QuotaOpts.all());
        all.addAll(org.jnova.conf.SchedulerOpts.all());
        all.addAll(org.jnova.conf.ServersOpts.all());
        all.addAll(org.jnova.conf.OutboxOpts.all());
        conf = new ConfigOpts(all);
        conf.set(DatabaseOpts.CONNECTION, url);
        for (int i = 0; i < settings.length; i += 2) {
            String name = settings[i];
            for (Opt<?> opt : all) {
                if (opt.qualifiedName().equals(name)) {
                    conf.set(opt, settings[i + 1]);
                }
            }
        }
        dbs = Databases.open(conf);
        dbs.syncAll();
        cloud = new CompositionRoot(conf, dbs, transport);
        cloud.seed();
        conductor = cloud.conductor("conductor-1");
        conductor.start();
    }

    FakeDriver addCompute(String host) {
        FakeDriver driver = cloud.fakeDriver();
        ComputeManager manager = cloud.computeManager(host, driver);
        manager.start();
        computes.add(manager);
        drivers.add(driver);
        return driver;
    }

    static RequestContext user(String project) {
        return RequestContext.project("user-" + project, project, List.of("member"), false, "req-" + java.util.UUID
                .randomUUID());
    }

    static RequestContext admin() {
        return RequestContext.project("admin", "admin", List.of("admin"), true, "req-" + java.util.UUID.randomUUID());
    }

    /** Waits until every instance satisfies the condition; returns them as they are then. */
    List<Instance> await(RequestContext ctx, List<String> uuids, Predicate<Instance> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<Instance> now = new ArrayList<>();
            for (String uuid : uuids) {
                now.add(cloud.servers().get(ctx, uuid, true));
            }
            if (now.stream().allMatch(condition) || Instant.now().isAfter(deadline)) {
                return now;
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        computes.forEach(ComputeManager::stop);
        conductor.stop();
        transport.close();
        dbs.close();
        TestDatabases.drop(url);
    }
}
