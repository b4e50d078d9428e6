package org.jnova.api.openstack.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jnova.testing.TestRequests.v21;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jnova.api.openstack.Microversions;
import org.jnova.api.openstack.PolicyCheck;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.ComputeRoutes.RouteSpec;
import org.jnova.api.openstack.fixtures.WidgetsController;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.testing.LogCapture;
import org.jnova.testing.OpenApiConformance;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor extension compiled at test time into its own jar (with a META-INF/services entry),
 * loaded through a URLClassLoader: it adds a resource, a nested resource and a server action.
 */
class ExtensionManagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGE = "com.example.vendor";

    private static final String EXTENSION = """
            package com.example.vendor;

            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import org.jnova.api.openstack.ApiRequest;
            import org.jnova.api.openstack.extensions.*;
            import org.jnova.api.openstack.routing.ParentResource;
            import org.jnova.api.openstack.wsgi.Action;
            import org.jnova.api.openstack.wsgi.Response;

            public class GizmosExtension implements Extension {
                public String name() { return "Gizmos"; }
                public String alias() { return "os-gizmos"; }
                public String description() { return "Gizmo support."; }
                public List<ResourceExtension> resources() {
                    return List.of(
                        new ResourceExtension("os-gizmos", new GizmosController(), Map.of("detail", "GET"),
                            Map.of("spin", "POST"), Optional.empty()),
                        new ResourceExtension("os-gadgets", new GadgetsController(), Map.of(), Map.of(),
                            Optional.of(new ParentResource("widget", "widgets"))));
                }
                public List<ControllerExtension> controllerExtensions() {
                    return List.of(new ControllerExtension("widgets", new PolishController()),
                        new ControllerExtension("os-nothing", new PolishController()));
                }

                public static class GizmosController {
                    public Object index(ApiRequest r) { return Map.of("gizmos", List.of(Map.of("id", "g1"))); }
                    public Object detail(ApiRequest r) { return Map.of("gizmos", List.of()); }
                    public Object show(ApiRequest r) { return Map.of("gizmo", Map.of("id", r.pathParam("id"))); }
                    @Response(202) public void spin(ApiRequest r) { }
                }
                public static class GadgetsController {
                    public Object index(ApiRequest r) { return Map.of("widget", r.pathParam("widget_id")); }
                }
                public static class PolishController {
                    @Action("polish") @Response(202)
                    public void polish(ApiRequest r) { }
                }
            }
            """;

    private static final String BROKEN = """
            package com.example.vendor;

            public class BrokenExtension implements org.jnova.api.openstack.extensions.Extension {
                public BrokenExtension() { throw new IllegalStateException("no licence"); }
                public String name() { return "Broken"; }
                public String alias() { return "os-broken"; }
                public String description() { return ""; }
            }
            """;

    @TempDir
    Path temp;

    @RegisterExtension
    final LogCapture logs = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private URLClassLoader vendorJar() throws Exception {
        Path sources = Files.createDirectories(temp.resolve("src/com/example/vendor"));
        Files.writeString(sources.resolve("GizmosExtension.java"), EXTENSION);
        Files.writeString(sources.resolve("BrokenExtension.java"), BROKEN);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        String classpath = Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classpath, "--release", "21",
                sources.resolve("GizmosExtension.java").toString(), sources.resolve("BrokenExtension.java").toString());
        assertThat(status).isZero();
        Path jar = temp.resolve("vendor.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + Extension.class.getName()));
            write(out, PACKAGE + ".GizmosExtension\n");
            out.closeEntry();
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, Extension.class.getClassLoader());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> messages() {
        return logs.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void vendorJarAddsResourcesAndAServerActionAndBrokenOnesAreSkipped() throws Exception {
        try (URLClassLoader loader = vendorJar()) {
            ExtensionManager manager = new ExtensionManager(
                    List.of(PACKAGE + ".BrokenExtension", "com.example.NoSuchExtension", PACKAGE + ".GizmosExtension"), loader);
            assertThat(manager.extensions()).extracting(Extension::alias).containsExactly("os-gizmos");
            assertThat(messages()).anyMatch(m -> m.startsWith("Failed to load extension com.example.vendor.BrokenExtension"))
                    .anyMatch(m -> m.startsWith("Failed to load extension com.example.NoSuchExtension"))
                    .anyMatch(m -> m.startsWith("Failed to load extension com.example.vendor.GizmosExtension: "
                            + "java.lang.IllegalStateException: Found duplicate extension: os-gizmos"));

            WidgetsController widgets = new WidgetsController();
            ApiRouterV21 router = ApiRouterV21.builder(ResourceSupport.create(Microversions.defaults(), PolicyCheck.ALLOW_ALL))
                    .routeList(List.of(new RouteSpec("/extensions", "GET", "extensions", "index"),
                            new RouteSpec("/extensions/{id}", "GET", "extensions", "show"),
                            new RouteSpec("/widgets/{id}", "GET", "widgets", "show"),
                            new RouteSpec("/widgets/{id}/action", "POST", "widgets", "action")))
                    .controller("widgets", widgets)
                    .extensions(manager)
                    .build();
            assertThat(messages()).contains("Extension Gizmos: Cannot extend resource os-nothing: No such resource");

            assertThat(JSON.readTree(router.handle(v21("GET", "/os-gizmos", null)).body()).at("/gizmos/0/id").asText())
                    .isEqualTo("g1");
            assertThat(router.handle(v21("GET", "/os-gizmos/detail", null)).bodyText()).isEqualTo("{\"gizmos\": []}");
            assertThat(router.handle(v21("GET", "/os-gizmos/g7", null)).bodyText()).isEqualTo("{\"gizmo\": {\"id\": \"g7\"}}");
            assertThat(router.handle(v21("POST", "/os-gizmos/g7/spin", "{}")).status()).isEqualTo(202);
            assertThat(router.handle(v21("DELETE", "/os-gizmos/g7", null)).status()).isEqualTo(404);
            assertThat(router.handle(v21("GET", "/" + org.jnova.testing.TestRequests.PROJECT + "/os-gizmos", null)).status())
                    .isEqualTo(200);
            assertThat(router.handle(v21("GET", "/widgets/w1/os-gadgets", null)).bodyText()).isEqualTo("{\"widget\": \"w1\"}");
            Response polish = router.handle(v21("POST", "/widgets/w1/action", "{\"polish\": {}}"));
            assertThat(polish.status()).isEqualTo(202);

            Response listed = router.handle(v21("GET", "/extensions", null));
            JsonNode extensions = JSON.readTree(listed.body()).get("extensions");
            assertThat(extensions).hasSize(100);
            Response shown = router.handle(v21("GET", "/extensions/os-gizmos", null));
            assertThat(shown.bodyText()).isEqualTo("{\"extension\": {\"alias\": \"os-gizmos\", \"description\": \"Gizmo support.\", "
                    + "\"links\": [], \"name\": \"Gizmos\", \"namespace\": \"http://docs.openstack.org/compute/ext/fake_xml\", "
                    + "\"updated\": \"2014-12-03T00:00:00Z\"}}");
            OpenApiConformance.get().assertConforms("GET", "/v2.1/extensions", "2.1", listed);
            OpenApiConformance.get().assertConforms("GET", "/v2.1/extensions/{id}", "2.1", shown);
        }
    }

    @Test
    void extensionListMatchesNovasSample() throws Exception {
        ApiRouterV21 router = ApiRouterV21.builder(ResourceSupport.create(Microversions.defaults(), PolicyCheck.ALLOW_ALL))
                .build();
        Path samples = Path.of("..", "shared", "reference", "nova-api-samples", "extension-info");
        assertThat(JSON.readTree(router.handle(v21("GET", "/extensions", null)).body()))
                .isEqualTo(JSON.readTree(samples.resolve("extensions-list-resp.json").toFile()));
        assertThat(JSON.readTree(router.handle(v21("GET", "/extensions/os-agents", null)).body()))
                .isEqualTo(JSON.readTree(samples.resolve("extensions-get-resp.json").toFile()));
        assertThat(router.handle(v21("GET", "/extensions/nope", null)).status()).isEqualTo(404);
    }
}
