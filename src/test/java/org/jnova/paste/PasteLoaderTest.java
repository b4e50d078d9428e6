package org.jnova.paste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.exception.ConfigError;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasteLoaderTest {
    @TempDir
    Path dir;

    private final ConfigOpts conf = new ConfigOpts(MiddlewareOpts.all());
    private FactoryRegistry registry;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void registerTestFactories() {
        registry = FactoryRegistry.withUrlMaps(conf);
        registry.registerApp("test:echo", (global, local) -> request -> Response.text(200, "text/plain",
                local.getOrDefault("name", "echo") + "|" + request.scriptName() + "|" + request.pathInfo()
                        + "|" + global.getOrDefault("shared", "") + "|" + local.keySet()));
        registry.registerFilter("test:mark", (global, local) -> next -> request -> {
            seen.add(local.get("label"));
            return next.handle(request);
        });
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String get(App app, String path) throws Exception {
        return app.handle(Request.of("GET", path, null)).bodyText();
    }

    @Test
    void pipelineAppliesFiltersInOrderAroundTheApp() throws Exception {
        Path file = write("p.ini", """
                [pipeline:main]
                pipeline = first second  app

                [filter:first]
                paste.filter_factory = test:mark
                label = one

                [filter:second]
                paste.filter_factory = test:mark
                label = two

                [app:app]
                paste.app_factory = test:echo
                """);
        App app = new PasteLoader(file, registry).loadApp("main");
        assertThat(get(app, "/x")).startsWith("echo||/x|");
        assertThat(seen).containsExactly("one", "two");
    }

    @Test
    void defaultsAreGlobalConfAndSectionKeysAreLocalConf() throws Exception {
        Path file = write("d.ini", """
                [DEFAULT]
                shared = from-default
                # a comment
                ; another comment

                [app:main]
                paste.app_factory = test:echo
                name: Named
                Mixed_Case = %(shared)s and %%
                long = first
                  second
                """);
        String body = get(new PasteLoader(file, registry).loadApp("main"), "/");
        assertThat(body).isEqualTo("Named||/|from-default|[name, Mixed_Case, long]");
    }

    @Test
    void useOfAnotherSectionMergesItsKeysUnderTheUsersOwn() throws Exception {
        Path file = write("u.ini", """
                [app:main]
                use = base
                name = override

                [app:base]
                paste.app_factory = test:echo
                name = base
                """);
        assertThat(get(new PasteLoader(file, registry).loadApp("main"), "/")).startsWith("override|");
    }

    @Test
    void filterWithAndFilterAppWrapTheirApplication() throws Exception {
        Path file = write("f.ini", """
                [app:main]
                paste.app_factory = test:echo
                filter-with = outer

                [filter-app:wrapped]
                use = call:test:mark
                label = fa
                next = main

                [filter:outer]
                paste.filter_factory = test:mark
                label = fw
                """);
        PasteLoader loader = new PasteLoader(file, registry);
        get(loader.loadApp("main"), "/");
        assertThat(seen).containsExactly("fw");
        get(loader.loadApp("wrapped"), "/");
        assertThat(seen).containsExactly("fw", "fa", "fw");
    }

    @Test
    void javaClassNamesWorkAsFactories() throws Exception {
        Path file = write("j.ini", """
                [pipeline:main]
                pipeline = header app

                [filter:header]
                paste.filter_factory = org.jnova.paste.PasteLoaderTest$HeaderFilterFactory
                value = added

                [app:app]
                paste.app_factory = test:echo
                """);
        Response response = new PasteLoader(file, registry).loadApp("main").handle(Request.of("GET", "/", null));
        assertThat(response.headers().first("X-Test")).contains("added");
    }

    /** A Java factory named by class in a paste file. */
    public static final class HeaderFilterFactory implements FilterFactory {
        @Override
        public Middleware create(Map<String, String> globalConf, Map<String, String> localConf) {
            return next -> request -> {
                Response response = next.handle(request);
                response.headers().set("X-Test", localConf.get("value"));
                return response;
            };
        }
    }

    @Test
    void missingSectionIsPasteAppNotFoundNamingAppAndFile() throws Exception {
        Path file = write("m.ini", "[app:main]\npaste.app_factory = test:echo\n");
        PasteLoader loader = new PasteLoader(file, registry);
        assertThatThrownBy(() -> loader.loadApp("osapi_compute"))
                .isInstanceOf(PasteAppNotFound.class)
                .hasMessage("Could not load paste app 'osapi_compute' from " + file.toAbsolutePath().normalize());
    }

    @Test
    void sectionWithoutLoaderOrPipelineSettingIsPasteAppNotFound() throws Exception {
        Path file = write("n.ini", """
                [app:main]
                key = value

                [pipeline:p]
                other = x
                """);
        PasteLoader loader = new PasteLoader(file, registry);
        assertThatThrownBy(() -> loader.loadApp("main")).isInstanceOf(PasteAppNotFound.class)
                .cause().hasMessageContaining("No loader given in section [app:main]");
        assertThatThrownBy(() -> loader.loadApp("p")).isInstanceOf(PasteAppNotFound.class)
                .cause().hasMessageContaining("missing a 'pipeline' setting");
    }

    @Test
    void unknownFactoryIsAConfigError() throws Exception {
        Path file = write("x.ini", "[app:main]\npaste.app_factory = some.module:Thing.factory\n");
        assertThatThrownBy(() -> new PasteLoader(file, registry).loadApp("main"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("some.module:Thing.factory");
    }

    @Test
    void relativeConfigNameIsFoundByTheFinderElseConfigNotFound() throws Exception {
        Path file = write("api-paste.ini", "[app:main]\npaste.app_factory = test:echo\n");
        PasteLoader found = PasteLoader.fromConfig(conf, name -> Optional.of(dir.resolve(name)), registry);
        assertThat(found.configPath()).isEqualTo(file.toAbsolutePath().normalize());

        assertThatThrownBy(() -> PasteLoader.fromConfig(conf, name -> Optional.empty(), registry))
                .isInstanceOf(ConfigNotFound.class)
                .hasMessage("Could not find config at api-paste.ini");
        String missing = dir.resolve("nowhere.ini").toString();
        conf.set(MiddlewareOpts.API_PASTE_CONFIG, missing);
        assertThatThrownBy(() -> PasteLoader.fromConfig(conf, name -> Optional.of(file), registry))
                .isInstanceOf(ConfigNotFound.class)
                .hasMessage("Could not find config at " + missing);
    }

    @Test
    void malformedLineIsAConfigError() throws Exception {
        Path file = write("bad.ini", "[app:main]\nthis line has no delimiter\n");
        assertThatThrownBy(() -> new PasteLoader(file, registry)).isInstanceOf(ConfigError.class)
                .hasMessageContaining("line 2");
    }
}
