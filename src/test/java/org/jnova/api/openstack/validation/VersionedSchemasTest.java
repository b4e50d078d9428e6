package org.jnova.api.openstack.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.compute.servers.ServersController;
import org.jnova.api.openstack.compute.servers.actions.ServerRebuildController;
import org.junit.jupiter.api.Test;

/**
 * Versions written as JSON Patches against their predecessor: the loader's rules (fixtures in
 * this package's schemas/ folder), every compute schema family resolving, and facts of the
 * resolved server schemas that a wrong patch would break.
 */
class VersionedSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode at(VersionedSchemas schemas, int minor) {
        return schemas.forVersion(new ApiVersionRequest(2, minor), false).orElseThrow();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void eachPatchAppliesToTheVersionBeforeIt() {
        VersionedSchemas chain = VersionedSchemas.load(VersionedSchemasTest.class, "chain", JSON);

        assertThat(chain.entries()).extracting(entry -> entry.range().toString())
                .containsExactly("2.1..2.2", "2.3..2.4", "2.5..");
        assertThat(names(at(chain, 1).get("properties"))).containsExactly("a");
        assertThat(names(at(chain, 4).get("properties"))).containsExactly("a", "b");
        assertThat(names(at(chain, 5).get("properties"))).containsExactly("b");
        assertThat(at(chain, 5).get("required").toString()).isEqualTo("[\"b\"]");
        assertThat(at(chain, 1).has("required")).isFalse();
    }

    @Test
    void aPatchNeedsAnEarlierVersion() {
        assertThatThrownBy(() -> VersionedSchemas.load(VersionedSchemasTest.class, "orphan", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orphan.v2.2.patch.json has no earlier version to patch");
    }

    @Test
    void aVersionIsEitherAFileOrAPatch() {
        assertThatThrownBy(() -> VersionedSchemas.load(VersionedSchemasTest.class, "twice", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both twice.v2.2.json and twice.v2.2.patch.json");
    }

    @Test
    void aPatchThatDoesNotApplyFailsTheLoad() {
        assertThatThrownBy(() -> VersionedSchemas.load(VersionedSchemasTest.class, "broken", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.v2.2.patch.json");
        assertThatThrownBy(() -> VersionedSchemas.load(VersionedSchemasTest.class, "stale", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stale.v2.2.patch.json");
    }

    @Test
    void patchedSchemasAreCheckedLikeWrittenOnes() {
        assertThatThrownBy(() -> VersionedSchemas.load(VersionedSchemasTest.class, "loose", JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2.2..: object schemas without additionalProperties at [#/properties/x]");
    }

    @Test
    void everyComputeSchemaFamilyResolves() throws Exception {
        Path root = mainClasses().resolve("org/jnova/api/openstack/compute");
        List<Path> folders;
        try (Stream<Path> paths = Files.walk(root)) {
            folders = paths.filter(path -> path.getFileName().toString().equals("schemas")).toList();
        }
        int patches = 0;
        int families = 0;
        for (Path folder : folders) {
            Class<?> owner = classBeside(folder);
            Set<String> familyNames = new TreeSet<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    patches += name.endsWith(".patch.json") ? 1 : 0;
                    familyNames.add(name.replaceFirst("(\\.v2\\.\\d+)?(\\.patch)?\\.json$", ""));
                }
            }
            for (String family : familyNames) {
                VersionedSchemas schemas = VersionedSchemas.load(owner, family, JSON);
                for (VersionedSchemas.Entry entry : schemas.entries()) {
                    // an object, or (os-floating-ips create, whose body nova lets be empty) an object or null
                    com.fasterxml.jackson.databind.JsonNode type = entry.schema().path("type");
                    String described = type.isArray() ? (type.toString().contains("\"object\"") ? "object" : type.toString())
                            : type.asText();
                    assertThat(described).as(owner.getPackageName() + " " + family + " " + entry.range())
                            .isEqualTo("object");
                }
                families++;
            }
        }
        assertThat(families).isGreaterThan(100);
        assertThat(patches).isGreaterThan(70);
    }

    private static Path mainClasses() throws Exception {
        return Path.of(ServersController.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Class<?> classBeside(Path schemasFolder) throws Exception {
        Path packageFolder = schemasFolder.getParent();
        String packageName = mainClasses().relativize(packageFolder)
                .toString().replace('/', '.');
        try (Stream<Path> files = Files.list(packageFolder)) {
            String classFile = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .sorted().findFirst().orElseThrow();
            return Class.forName(packageName + "." + classFile.replace(".class", ""), false,
                    VersionedSchemasTest.class.getClassLoader());
        }
    }

    @Test
    void serverCreateVersionsCarryTheirChanges() {
        VersionedSchemas create = VersionedSchemas.load(ServersController.class, "create", JSON);
        assertThat(create.entries()).extracting(entry -> entry.range().min().minor())
                .containsExactly(0, 1, 19, 32, 33, 37, 42, 52, 57, 63, 67, 74, 90, 94);

        assertThat(create.forVersion(ApiVersionRequest.NULL, true).orElseThrow()
                .at("/properties/server/properties/user_data/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(server(create, 1).at("/user_data/type").asText()).isEqualTo("string");
        assertThat(server(create, 18).has("description")).isFalse();
        assertThat(server(create, 19).get("description").get("$ref").asText()).endsWith("/description");
        assertThat(server(create, 32).at("/networks/items/properties").has("tag")).isTrue();
        assertThat(server(create, 32).at("/block_device_mapping_v2/items/properties").has("tag")).isTrue();
        assertThat(server(create, 33).at("/block_device_mapping_v2/items/properties").has("tag")).isFalse();
        assertThat(required(create, 36)).containsExactly("name", "flavorRef");
        assertThat(required(create, 37)).containsExactly("name", "flavorRef", "networks");
        assertThat(server(create, 37).at("/networks/oneOf/1/enum").toString()).isEqualTo("[\"none\",\"auto\"]");
        assertThat(server(create, 41).at("/networks/oneOf/0/items/properties").has("tag")).isFalse();
        assertThat(server(create, 42).at("/networks/oneOf/0/items/properties").has("tag")).isTrue();
        assertThat(server(create, 52).at("/tags/maxItems").asInt()).isEqualTo(50);
        assertThat(server(create, 56).has("personality")).isTrue();
        assertThat(server(create, 57).has("personality")).isFalse();
        assertThat(server(create, 63).has("trusted_image_certificates")).isTrue();
        assertThat(server(create, 66).at("/block_device_mapping_v2/items/properties").has("volume_type")).isFalse();
        assertThat(server(create, 67).at("/block_device_mapping_v2/items/properties").has("volume_type")).isTrue();
        assertThat(server(create, 74).has("hypervisor_hostname")).isTrue();
        assertThat(server(create, 89).has("hostname")).isFalse();
        assertThat(server(create, 90).at("/hostname/$ref").asText()).endsWith("/hostname");
        assertThat(server(create, 94).at("/hostname/$ref").asText()).endsWith("/fqdn");
        assertThat(names(server(create, 100))).containsExactly("name", "imageRef", "flavorRef", "adminPass",
                "metadata", "networks", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "availability_zone",
                "block_device_mapping", "block_device_mapping_v2", "config_drive", "key_name", "min_count",
                "max_count", "return_reservation_id", "security_groups", "user_data",
                "description", "tags", "trusted_image_certificates", "host", "hypervisor_hostname", "hostname");
    }

    private static JsonNode server(VersionedSchemas create, int minor) {
        return at(create, minor).at("/properties/server/properties");
    }

    private static List<String> required(VersionedSchemas create, int minor) {
        List<String> names = new ArrayList<>();
        at(create, minor).at("/properties/server/required").forEach(name -> names.add(name.asText()));
        return names;
    }

    @Test
    void otherServerSchemasCarryTheirChanges() {
        VersionedSchemas index = VersionedSchemas.load(ServersController.class, "index.query", JSON);
        assertThat(at(index, 25).path("properties").has("tags")).isFalse();
        assertThat(at(index, 26).path("properties").has("not-tags-any")).isTrue();
        assertThat(at(index, 74).get("additionalProperties").asBoolean()).isTrue();
        assertThat(at(index, 74).at("/properties/sort_key/items/enum").size()).isEqualTo(51);
        assertThat(at(index, 75).get("additionalProperties").asBoolean()).isFalse();
        assertThat(at(index, 75).at("/properties/sort_key/items/enum").size()).isEqualTo(30);

        VersionedSchemas update = VersionedSchemas.load(ServersController.class, "update", JSON);
        assertThat(at(update, 93).at("/properties/server/properties/hostname/$ref").asText()).endsWith("/hostname");
        assertThat(at(update, 94).at("/properties/server/properties/hostname/$ref").asText()).endsWith("/fqdn");

        VersionedSchemas rebuild = VersionedSchemas.load(ServerRebuildController.class, "rebuild", JSON);
        assertThat(at(rebuild, 56).at("/properties/rebuild/properties").has("personality")).isTrue();
        assertThat(at(rebuild, 57).at("/properties/rebuild/properties").has("personality")).isFalse();
        assertThat(at(rebuild, 57).at("/properties/rebuild/properties/user_data/maxLength").asInt()).isEqualTo(65535);
    }
}
