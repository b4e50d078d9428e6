package org.jnova.api.openstack.wsgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.fixtures.WidgetsController;
import org.jnova.api.openstack.fixtures.bad.BadControllers;
import org.junit.jupiter.api.Test;

class ControllerMethodsTest {
    private final ControllerMethods introspector = new ControllerMethods(new ObjectMapper());

    @Test
    void readsTheAnnotationsOnce() {
        List<MethodDescriptor> methods = introspector.describe(new WidgetsController());
        MethodDescriptor create = methods.stream().filter(m -> m.action().equals("create")).findFirst().orElseThrow();
        assertThat(create.successStatus(ApiVersionRequest.of("2.1"))).isEqualTo(200);
        assertThat(create.successStatus(ApiVersionRequest.of("2.2"))).isEqualTo(201);
        assertThat(create.expectedErrors()).contains(java.util.Set.of(400, 409));
        assertThat(create.requestSchema().orElseThrow().entries()).extracting(e -> e.range().toString())
                .containsExactly("2.0..2.0", "2.1..2.4", "2.5..");
        assertThat(methods.stream().filter(m -> m.action().equals("show"))).hasSize(2);
    }

    @Test
    void refusesSchemasThatBreakNovasInvariants() {
        assertThatThrownBy(() -> introspector.describe(new BadControllers.OpenSchema()))
                .hasMessageContaining("object schemas without additionalProperties at [#/properties/thing]");
        assertThatThrownBy(() -> introspector.describe(new BadControllers.MixedSchemas()))
                .hasMessageContaining("an unversioned schema beside versioned ones");
        assertThatThrownBy(() -> introspector.describe(new BadControllers.MissingSchema()))
                .hasMessageContaining("no schema file");
    }

    @Test
    void refusesOverlappingVersionRanges() {
        assertThatThrownBy(() -> introspector.describe(new BadControllers.OverlappingVersions()))
                .hasMessageContaining("both serve show at overlapping versions");
    }
}
