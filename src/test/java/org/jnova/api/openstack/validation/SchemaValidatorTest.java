package org.jnova.api.openstack.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Messages compared with nova's own (nova/tests/unit/test_api_validation.py, release Zed)
 * and with the real nova's answers in behaviour-transcript.txt.
 */
class SchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withParameterTypes(JSON);
    private final SchemaValidator validator = new SchemaValidator(registry, SchemaDialect.NOVA, false);

    private String fooError(String fooSchema, String body) throws Exception {
        JsonNode schema = JSON.readTree("{\"type\": \"object\", \"properties\": {\"foo\": " + fooSchema
                + "}, \"additionalProperties\": false}");
        return message(schema, body);
    }

    private String message(JsonNode schema, String body) throws Exception {
        Optional<SchemaError> error = validator.firstError(schema, schema, JSON.readTree(body));
        return error.map(SchemaError::novaBodyMessage).orElse("valid");
    }

    private static String ref(String name) {
        return "{\"$ref\": \"parameter-types.json#/definitions/" + name + "\"}";
    }

    @Test
    void typeMessagesRenderValuesAsPython() throws Exception {
        assertThat(fooError("{\"type\": \"string\"}", "{\"foo\": 1}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 1. 1 is not of type 'string'");
        assertThat(fooError("{\"type\": \"string\"}", "{\"foo\": 1.5}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 1.5. 1.5 is not of type 'string'");
        assertThat(fooError("{\"type\": \"string\"}", "{\"foo\": true}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: True. True is not of type 'string'");
        assertThat(fooError("{\"type\": \"integer\"}", "{\"foo\": \"bar\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: bar. 'bar' is not of type 'integer'");
        assertThat(fooError("{\"type\": [\"integer\", \"string\"], \"pattern\": \"^[0-9]+$\"}", "{\"foo\": 1.0}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 1.0. 1.0 is not of type 'integer', 'string'");
    }

    @Test
    void numbersBeyondDoubleAreInfinityAsInPython() throws Exception {
        // nova 26 (probed): PUT os-quota-sets {"ram": -1e309}
        String quota = "{\"type\": [\"integer\", \"string\"], \"pattern\": \"^-?[0-9]+$\", \"minimum\": -1,"
                + " \"maximum\": 2147483647}";
        assertThat(fooError(quota, "{\"foo\": -1e309}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: -inf. -inf is not of type 'integer', 'string'");
        assertThat(fooError(quota, "{\"foo\": 1e309}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: inf. inf is not of type 'integer', 'string'");
        assertThat(fooError("{\"type\": \"number\", \"maximum\": 10}", "{\"foo\": 1e999}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: inf. inf is greater than the maximum of 10");
        assertThat(fooError("{\"enum\": [1, 2]}", "{\"foo\": -1e999}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: -inf. -inf is not one of [1, 2]");
        assertThat(fooError(quota, "{\"foo\": \"99999999999999999999999\"}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: 99999999999999999999999. 99999999999999999999999 is "
                        + "greater than the maximum of 2147483647");
    }

    @Test
    void requiredAndAdditionalPropertiesAtTheRootHaveNoPrefix() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\": \"object\", \"properties\": {\"foo\": {\"type\": \"integer\"}},"
                + " \"required\": [\"foo\"], \"additionalProperties\": false}");
        assertThat(message(schema, "{\"abc\": 1}")).isEqualTo("'foo' is a required property");
        assertThat(message(schema, "{\"foo\": 1, \"ext\": 1}"))
                .isEqualTo("Additional properties are not allowed ('ext' was unexpected)");
        assertThat(message(schema, "{\"foo\": 1, \"a\": 1, \"b\": 2}"))
                .isEqualTo("Additional properties are not allowed ('a', 'b' were unexpected)");
    }

    @Test
    void lengthsPatternsAndBounds() throws Exception {
        String lengths = "{\"type\": \"string\", \"minLength\": 1, \"maxLength\": 10}";
        assertThat(fooError(lengths, "{\"foo\": \"\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: . '' is too short");
        assertThat(fooError(lengths, "{\"foo\": \"0123456789a\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 0123456789a. '0123456789a' is too long");
        String pattern = "{\"type\": [\"integer\", \"string\"], \"pattern\": \"^[0-9]+$\"}";
        assertThat(fooError(pattern, "{\"foo\": \"0xffff\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 0xffff. '0xffff' does not match '^[0-9]+$'");
        String bounds = "{\"type\": [\"integer\", \"string\"], \"pattern\": \"^[0-9]+$\", \"minimum\": 1, \"maximum\": 10}";
        assertThat(fooError(bounds, "{\"foo\": 0}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 0. 0 is less than the minimum of 1");
        assertThat(fooError(bounds, "{\"foo\": \"11\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 11. 11 is greater than the maximum of 10");
        assertThat(fooError(ref("tcp_udp_port"), "{\"foo\": 65536}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 65536. 65536 is greater than the maximum of 65535");
        assertThat(fooError(ref("fqdn"), "{\"foo\": \"my$host\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: my$host. 'my$host' does not match '^[a-zA-Z0-9-._]*$'");
    }

    @Test
    void enumsAndSharedTypes() throws Exception {
        assertThat(fooError(ref("none"), "{\"foo\": \"\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: . '' is not one of ['None', None, {}]");
        assertThat(fooError(ref("none"), "{\"foo\": {\"key\": \"val\"}}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: {'key': 'val'}. {'key': 'val'} is not one of ['None', None, {}]");
        assertThat(fooError(ref("boolean"), "{\"foo\": \"bar\"}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: bar. 'bar' is not one of [True, 'True', 'TRUE', 'true', '1', "
                        + "'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', "
                        + "'off', 'NO', 'No', 'no']");
        assertThat(fooError(ref("boolean"), "{\"foo\": \"yes\"}")).isEqualTo("valid");
        assertThat(fooError(ref("boolean"), "{\"foo\": 1}")).startsWith(
                "Invalid input for field/attribute foo. Value: 1. 1 is not of type 'boolean', 'string'");
        assertThat(fooError(ref("positive_integer"), "{\"foo\": \"5\"}")).isEqualTo("valid");
        assertThat(fooError(ref("name_or_none"), "{\"foo\": 1234}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 1234. 1234 is not valid under any of the given schemas");
        assertThat(fooError(ref("metadata"), "{\"foo\": {\"k\": 1}}"))
                .isEqualTo("Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'");
        assertThat(fooError(ref("metadata"), "{\"foo\": {\"bad/key\": \"v\"}}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: {'bad/key': 'v'}. 'bad/key' does not match any of the regexes: "
                        + "'^[a-zA-Z0-9-_:. ]{1,255}$'");
    }

    @Test
    void formats() throws Exception {
        String cidr = "{\"type\": \"string\", \"format\": \"cidr\"}";
        assertThat(fooError(cidr, "{\"foo\": \"192.168.1.0\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 192.168.1.0. '192.168.1.0' is not a 'cidr'");
        assertThat(fooError(cidr, "{\"foo\": \"192.168.1.0/24\"}")).isEqualTo("valid");
        String dateTime = "{\"type\": \"string\", \"format\": \"date-time\"}";
        assertThat(fooError(dateTime, "{\"foo\": \"2014-13-14T01:00:00Z\"}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: 2014-13-14T01:00:00Z. '2014-13-14T01:00:00Z' is not a 'date-time'");
        assertThat(fooError(dateTime, "{\"foo\": \"1\"}"))
                .isEqualTo("Invalid input for field/attribute foo. Value: 1. '1' is not a 'date-time'");
        assertThat(fooError(dateTime, "{\"foo\": \"2014-01-14T01:00:00Z\"}")).isEqualTo("valid");
        String uuid = "{\"type\": \"string\", \"format\": \"uuid\"}";
        assertThat(fooError(uuid, "{\"foo\": \"70a599e031e749b7b260868f441e862\"}")).isEqualTo(
                "Invalid input for field/attribute foo. Value: 70a599e031e749b7b260868f441e862. "
                        + "'70a599e031e749b7b260868f441e862' is not a 'uuid'");
        assertThat(fooError(uuid, "{\"foo\": \"70a599e0-31e7-49b7-b260-868f441e862b\"}")).isEqualTo("valid");
        assertThat(fooError(ref("name"), "{\"foo\": \" lead\"}")).isEqualTo(
                "An invalid 'name' value was provided. The name must be: printable characters. "
                        + "Can not start or end with whitespace.");
        assertThat(fooError(ref("name"), "{\"foo\": \"inner space ok\"}")).isEqualTo("valid");
    }

    @Test
    void firstErrorInSchemaOrderAsTheRealNova() throws Exception {
        // the transcript: POST /servers without flavorRef, and with an extra property
        JsonNode schema = JSON.readTree("{\"type\": \"object\", \"properties\": {\"server\": {\"type\": \"object\","
                + " \"properties\": {\"name\": " + ref("name") + ", \"imageRef\": {\"type\": \"string\"},"
                + " \"flavorRef\": " + ref("flavor_ref") + "}, \"required\": [\"name\", \"flavorRef\"],"
                + " \"additionalProperties\": false}}, \"required\": [\"server\"], \"additionalProperties\": false}");
        assertThat(message(schema, "{\"server\": {\"name\": \"x\", \"imageRef\": \"155d900f-4e14-4e4c-a73d-069cbf4541e6\"}}"))
                .isEqualTo("Invalid input for field/attribute server. Value: {'name': 'x', 'imageRef': "
                        + "'155d900f-4e14-4e4c-a73d-069cbf4541e6'}. 'flavorRef' is a required property");
        assertThat(message(schema, "{\"server\": {\"name\": \"x\", \"imageRef\": \"155d900f-4e14-4e4c-a73d-069cbf4541e6\","
                + " \"flavorRef\": \"1\", \"bogus\": 1}}"))
                .isEqualTo("Invalid input for field/attribute server. Value: {'name': 'x', 'imageRef': "
                        + "'155d900f-4e14-4e4c-a73d-069cbf4541e6', 'flavorRef': '1', 'bogus': 1}. "
                        + "Additional properties are not allowed ('bogus' was unexpected)");
    }

    @Test
    void pythonReprOfAwkwardValues() throws Exception {
        assertThat(PyRepr.repr(JSON.readTree("\"it's\""))).isEqualTo("\"it's\"");
        assertThat(PyRepr.repr(JSON.readTree("\"a\\nb\""))).isEqualTo("'a\\nb'");
        assertThat(PyRepr.repr(JSON.readTree("[null, false, 1e20, 0.0001, 1e-05, {}]")))
                .isEqualTo("[None, False, 1e+20, 0.0001, 1e-05, {}]");
        assertThat(PyRepr.repr(JSON.readTree("\"caf\\u00e9\""))).isEqualTo("'caf\u00e9'");
    }
}
