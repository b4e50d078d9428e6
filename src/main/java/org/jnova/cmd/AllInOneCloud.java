package org.jnova.cmd;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jnova.conf.AllInOneOpts;
import org.jnova.conf.ServiceOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.identity.IdentityApi;
import org.jnova.identity.IdentityBootstrap;
import org.jnova.identity.IdentityError;
import org.jnova.identity.NameOrId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud {@code bin/jnova} sets up for itself at every start (idempotent): what
 * {@code nova-manage identity bootstrap} creates, the users {@code admin} (role admin on
 * project admin) and {@code demo} (role member on project demo) in domain {@code default},
 * the catalog's identity, compute and image endpoints in RegionOne, and a {@code clouds.yaml}
 * in {@code state_path} with the clouds {@code jnova} (admin) and {@code jnova-demo} (demo).
 * A password comes from {@code [jnova_all_in_one]}; else the one the existing clouds.yaml
 * holds is kept while it still authenticates; else a new one is generated.
 */
final class AllInOneCloud {
    static final String CLOUDS_FILE = "clouds.yaml";
    static final String ADMIN_CLOUD = "jnova";
    static final String DEMO_CLOUD = "jnova-demo";
    private static final String REGION = "RegionOne";
    private static final String DOMAIN = "default";
    private static final List<String> INTERFACES = List.of("public", "internal", "admin");
    private static final Logger LOG = LoggerFactory.getLogger(AllInOneCloud.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final ConfigOpts conf;
    private final IdentityBootstrap bootstrap;
    private final IdentityApi identity;
    private final Path statePath;
    private final SecureRandom random = new SecureRandom();

    AllInOneCloud(ConfigOpts conf, IdentityBootstrap bootstrap, IdentityApi identity, Path statePath) {
        this.conf = requireNonNull(conf, "conf is null");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.statePath = requireNonNull(statePath, "statePath is null");
    }

    /** Creates what is missing, brings URLs and passwords up to date, writes clouds.yaml. */
    void setUp() {
        LocalEndpoints urls = new LocalEndpoints(conf);
        Path file = statePath.resolve(CLOUDS_FILE);
        ObjectNode clouds = readClouds(file);
        String adminPassword = password(conf.get(AllInOneOpts.ADMIN_PASSWORD), clouds, ADMIN_CLOUD, "admin");
        String demoPassword = password(conf.get(AllInOneOpts.DEMO_PASSWORD), clouds, DEMO_CLOUD, "demo");

        List<String> apis = conf.get(ServiceOpts.ENABLED_APIS);
        Map<String, IdentityBootstrap.ServiceEndpoints> services = new LinkedHashMap<>();
        services.put("identity", endpoints("keystone", urls.identity()));
        if (apis.contains("osapi_compute")) {
            services.put("compute", endpoints("nova", urls.compute()));
        }
        if (apis.contains("image")) {
            services.put("image", endpoints("glance", urls.image()));
        }
        bootstrap.run(new IdentityBootstrap.Settings("admin", adminPassword, "admin", "admin", REGION, services));
        bootstrap.run(new IdentityBootstrap.Settings("demo", demoPassword, "demo", "member", REGION, Map.of(),
                false));

        if (!conf.get(AllInOneOpts.WRITE_CLOUDS_YAML)) {
            return;
        }
        ObjectNode entries = clouds.with("clouds");
        entries.set(ADMIN_CLOUD, cloud(urls.identity(), "admin", adminPassword, "admin"));
        entries.set(DEMO_CLOUD, cloud(urls.identity(), "demo", demoPassword, "demo"));
        write(file, clouds);
        LOG.info("The clouds {} (admin) and {} (demo) are in {}: export OS_CLIENT_CONFIG_FILE={} "
                + "OS_CLOUD={} (or, in {}, export OS_CLOUD={}) and use the openstack client",
                ADMIN_CLOUD, DEMO_CLOUD, file.toAbsolutePath(), file.toAbsolutePath(), DEMO_CLOUD,
                statePath.toAbsolutePath(), DEMO_CLOUD);
    }

    /** The configured password, else the kept one if it still authenticates, else a new one. */
    private String password(String configured, ObjectNode clouds, String cloud, String username) {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        JsonNode kept = clouds.path("clouds").path(cloud).path("auth").path("password");
        if (kept.isTextual() && !kept.asText().isEmpty() && authenticates(username, kept.asText())) {
            return kept.asText();
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private boolean authenticates(String username, String password) {
        try {
            identity.authenticateWithPassword(NameOrId.byName(username, DOMAIN), password, Optional.empty());
            return true;
        } catch (IdentityError e) {
            return false;
        }
    }

    private static IdentityBootstrap.ServiceEndpoints endpoints(String name, String url) {
        Map<String, String> byInterface = new LinkedHashMap<>();
        INTERFACES.forEach(iface -> byInterface.put(iface, url));
        return new IdentityBootstrap.ServiceEndpoints(name, byInterface);
    }

    private static ObjectNode cloud(String authUrl, String username, String password, String project) {
        ObjectNode cloud = YAML.createObjectNode();
        cloud.putObject("auth").put("auth_url", authUrl).put("username", username).put("password", password)
                .put("project_name", project).put("user_domain_name", "Default")
                .put("project_domain_name", "Default");
        cloud.put("region_name", REGION).put("identity_api_version", 3).put("interface", "public");
        return cloud;
    }

    /** The existing file's content (other clouds in it are kept), or an empty document. */
    private static ObjectNode readClouds(Path file) {
        if (!Files.isRegularFile(file)) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode read = YAML.readTree(file.toFile());
            if (read instanceof ObjectNode object && (!object.has("clouds") || object.get("clouds").isObject())) {
                return object;
            }
        } catch (IOException e) {
            LOG.warn("{} is not readable YAML ({}); writing it anew", file, e.getMessage());
        }
        return YAML.createObjectNode();
    }

    /** Written to a file of its own beside the target with mode 0600, then moved over it. */
    private static void write(Path file, ObjectNode content) {
        try {
            Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp;
            try {
                temp = Files.createTempFile(directory, "." + CLOUDS_FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                temp = Files.createTempFile(directory, "." + CLOUDS_FILE, ".tmp");
            }
            Files.writeString(temp, YAML.writeValueAsString(content));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
