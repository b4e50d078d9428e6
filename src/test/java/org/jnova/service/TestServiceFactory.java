package org.jnova.service;

import java.util.ArrayList;
import java.util.List;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.WsgiOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;
import org.jnova.wsgi.Response;

/**
 * The services the launcher tests run: an app answering "{pid} {greeting}" where the greeting
 * is {@code [test] greeting}; {@code /slow?ms=N} waits first; {@code /oom} fills the heap
 * until the JVM runs out of memory. {@code [test] fail_on_start} makes every worker die at
 * start-up.
 */
public final class TestServiceFactory implements ServiceFactory {
    static final Opt<String> GREETING = Opt.string("test", "greeting").defaultValue("hello").build();
    static final Opt<Boolean> FAIL_ON_START = Opt.bool("test", "fail_on_start").defaultValue(false).build();

    public TestServiceFactory() {
    }

    static List<Opt<?>> options() {
        List<Opt<?>> options = new ArrayList<>(ServiceOpts.all());
        options.addAll(WsgiOpts.all());
        options.add(GREETING);
        options.add(FAIL_ON_START);
        return options;
    }

    @Override
    public ConfigOpts loadConfig(List<String> configArgs) {
        return TestConfigFile.load(options(), configArgs);
    }

    @Override
    public ApiService create(ConfigOpts conf, String serviceName) {
        if (conf.get(FAIL_ON_START)) {
            throw new ConfigError("told to fail on start");
        }
        String greeting = conf.get(GREETING);
        return new ApiService(serviceName, conf, name -> request -> {
            if (request.pathInfo().equals("/oom")) {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 17]);
                }
            }
            List<String> ms = request.queryParams().get("ms");
            if (ms != null) {
                Thread.sleep(Long.parseLong(ms.get(0)));
            }
            return Response.text(200, "text/plain", ProcessHandle.current().pid() + " " + greeting);
        });
    }
}
