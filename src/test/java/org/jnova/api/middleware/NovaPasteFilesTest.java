package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jnova.api.RequestAttributes;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.context.RequestContext;
import org.jnova.exception.ConfigError;
import org.jnova.paste.FactoryRegistry;
import org.jnova.paste.NovaFactoryNames;
import org.jnova.paste.PasteAppNotFound;
import org.jnova.paste.PasteLoader;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** nova's stock paste files (Zed, master) and jnova's own, loaded with the real filters and stand-in apps. */
class NovaPasteFilesTest {
    private static final Path ZED = Path.of("../shared/reference/nova-api-paste-zed.ini");
    private static final Path MASTER = Path.of("../shared/reference/nova-api-paste-master.ini");
    private static final Path JNOVA = Path.of("etc/nova/api-paste.ini");

    private final ConfigOpts conf = new ConfigOpts(MiddlewareOpts.all());

    /** Each stand-in app answers with its name, where it is mounted, and what the filters left behind. */
    private static App standIn(String name) {
        return request -> {
            String user = request.<RequestContext>attribute(RequestAttributes.CONTEXT)
                    .map(RequestContext::userId).orElse("-");
            boolean legacy = request.attribute(LegacyV2Compatible.LEGACY_V2).isPresent();
            return Response.text(200, "text/plain", name + " " + request.scriptName() + " " + request.pathInfo()
                    + " user=" + user + " legacy=" + legacy);
        };
    }

    private FactoryRegistry registry() {
        FactoryRegistry registry = NovaMiddleware.register(FactoryRegistry.withUrlMaps(conf), conf);
        registry.registerApp(NovaFactoryNames.API_ROUTER_V21, (g, l) -> standIn("router"));
        registry.registerApp(NovaFactoryNames.VERSIONS, (g, l) -> standIn("versions"));
        registry.registerApp(NovaFactoryNames.VERSIONS_V2, (g, l) -> standIn("version-v2"));
        registry.registerApp(NovaFactoryNames.METADATA, (g, l) -> standIn("metadata"));
        return registry;
    }

    private static Response get(App app, String path, String token) throws Exception {
        Request request = Request.of("GET", path, null);
        if (token != null) {
            request.headers().add("X-Auth-Token", token);
        }
        return app.handle(request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../shared/reference/nova-api-paste-zed.ini", "etc/nova/api-paste.ini"})
    void noauth2PipelinesServeEveryMountPoint(String file) throws Exception {
        conf.set(MiddlewareOpts.AUTH_STRATEGY, "noauth2");
        App app = new PasteLoader(Path.of(file), registry()).loadApp("osapi_compute");

        Response servers = get(app, "/v2.1/servers", "demo:demo");
        assertThat(servers.bodyText()).isEqualTo("router /v2.1 /servers user=demo legacy=false");
        assertThat(servers.headers().first("X-Openstack-Request-Id")).get().asString().startsWith("req-");
        assertThat(servers.headers().first("X-Compute-Request-Id"))
                .isEqualTo(servers.headers().first("X-Openstack-Request-Id"));

        assertThat(get(app, "/v2/servers", "demo:demo").bodyText())
                .isEqualTo("router /v2 /servers user=demo legacy=true");
        assertThat(get(app, "/v2.1", null).bodyText()).isEqualTo("version-v2 /v2.1  user=- legacy=false");
        assertThat(get(app, "/v2", null).bodyText()).isEqualTo("version-v2 /v2  user=- legacy=true");

        Response root = get(app, "/", null);
        assertThat(root.bodyText()).isEqualTo("versions  / user=- legacy=false");
        assertThat(root.headers().contains("X-Openstack-Request-Id")).isFalse();

        Response login = get(app, "/v2.1/flavors", null);
        assertThat(login.status()).isEqualTo(204);
        assertThat(login.headers().first("X-Auth-Token")).contains("admin:admin");
        assertThat(login.headers().first("X-Server-Management-Url")).contains("http://localhost/v2.1/flavors/admin");
        assertThat(login.headers().contains("X-Compute-Request-Id")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../shared/reference/nova-api-paste-zed.ini",
            "../shared/reference/nova-api-paste-master.ini", "etc/nova/api-paste.ini"})
    void metadataServesEverythingUnderRoot(String file) throws Exception {
        App app = new PasteLoader(Path.of(file), registry()).loadApp("metadata");
        assertThat(get(app, "/openstack/latest/meta_data.json", null).bodyText())
                .isEqualTo("metadata  /openstack/latest/meta_data.json user=- legacy=false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../shared/reference/nova-api-paste-zed.ini",
            "../shared/reference/nova-api-paste-master.ini", "etc/nova/api-paste.ini"})
    void keystonePipelineStopsStartUpWithoutKeystoneAuthTokenSettings(String file) {
        conf.set(MiddlewareOpts.AUTH_STRATEGY, "keystone");
        PasteLoader loader = new PasteLoader(Path.of(file), registry());
        assertThatThrownBy(() -> loader.loadApp("osapi_compute"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("[keystone_authtoken] auth_type is not set");
    }

    @Test
    void masterFileLoadsItsKeystonePipelineWhenKeystoneFiltersExist() throws Exception {
        conf.set(MiddlewareOpts.AUTH_STRATEGY, "keystone");
        FactoryRegistry registry = registry();
        registry.registerFilter(NovaFactoryNames.KEYSTONE_AUTH_TOKEN, (g, l) -> next -> next);
        registry.registerFilter(NovaFactoryNames.KEYSTONE_CONTEXT, (g, l) -> next -> next);
        App app = new PasteLoader(MASTER, registry).loadApp("osapi_compute");
        assertThat(get(app, "/v2.1/servers", null).bodyText()).isEqualTo("router /v2.1 /servers user=- legacy=false");
    }

    @Test
    void masterFileHasNoNoauth2PipelineSoTheAppCannotBeLoaded() {
        conf.set(MiddlewareOpts.AUTH_STRATEGY, "noauth2");
        PasteLoader loader = new PasteLoader(MASTER, registry());
        assertThatThrownBy(() -> loader.loadApp("osapi_compute"))
                .isInstanceOf(PasteAppNotFound.class)
                .hasMessage("Could not load paste app 'osapi_compute' from " + MASTER.toAbsolutePath().normalize())
                .cause().hasMessageContaining("auth_strategy 'noauth2'");
    }

    @Test
    void everyFactoryNameInNovasFilesIsKnown() {
        FactoryRegistry registry = registry();
        for (String name : new String[] {NovaFactoryNames.CORS, NovaFactoryNames.HTTP_PROXY_TO_WSGI,
                NovaFactoryNames.COMPUTE_REQUEST_ID, NovaFactoryNames.FAULT_WRAPPER, NovaFactoryNames.REQUEST_LOG,
                NovaFactoryNames.SIZE_LIMIT, NovaFactoryNames.OSPROFILER, NovaFactoryNames.NOAUTH2,
                NovaFactoryNames.LEGACY_V2_COMPATIBLE, NovaFactoryNames.KEYSTONE_AUTH_TOKEN,
                NovaFactoryNames.KEYSTONE_CONTEXT, NovaFactoryNames.REQUEST_ID}) {
            assertThat(registry.filter(name)).as(name).isPresent();
        }
        assertThat(registry.composite("egg:paste#urlmap")).isPresent();
        assertThat(registry.composite(NovaFactoryNames.NOVA_URLMAP)).isPresent();
        assertThat(registry.composite(NovaFactoryNames.PIPELINE_FACTORY_V21)).isPresent();
        assertThat(ZED).exists();
        assertThat(JNOVA).exists();
    }
}
