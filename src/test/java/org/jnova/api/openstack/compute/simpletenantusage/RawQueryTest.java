package org.jnova.api.openstack.compute.simpletenantusage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RawQueryTest {
    @Test
    void decodesEscapesAndKeepsMalformedOnesAsSent() {
        // nova 26 (probed): ?end=% is "Invalid datetime string", not an error of the query itself
        assertThat(RawQuery.firstNonBlank("end=%&start=%ZZ&detailed=&detailed=1&name=a%20b"))
                .isEqualTo(Map.of("end", "%", "start", "%ZZ", "detailed", "1", "name", "a b"));
    }
}
