package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class LegacyV2CompatibleTest {
    @Test
    void dropsMicroversionHeadersBothWaysAndMarksTheRequest() throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        Request request = Request.of("GET", "/flavors", null);
        request.headers().add("OpenStack-API-Version", "compute 2.50").add("X-OpenStack-Nova-API-Version", "2.50");
        Response response = new LegacyV2Compatible().wrap(r -> {
            seen.set(r);
            Response answer = Response.empty(200);
            answer.headers().add("OpenStack-API-Version", "compute 2.1").add("X-OpenStack-Nova-API-Version", "2.1")
                    .add("Vary", "OpenStack-API-Version").add("Vary", "X-OpenStack-Nova-API-Version");
            return answer;
        }).handle(request);
        assertThat(seen.get().headers().size()).isZero();
        assertThat(seen.get().attribute(LegacyV2Compatible.LEGACY_V2)).contains(Boolean.TRUE);
        assertThat(response.headers().size()).isZero();
    }
}
