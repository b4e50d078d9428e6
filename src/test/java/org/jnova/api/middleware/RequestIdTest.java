package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.jnova.api.RequestAttributes;
import org.jnova.api.fault.Faults;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestIdTest {
    @Test
    void everyResponseCarriesTheRequestIdTheAppSaw() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> logged = new AtomicReference<>();
        App app = RequestId.compute().wrap(request -> {
            seen.set(request.<String>attribute(RequestAttributes.REQUEST_ID).orElseThrow());
            logged.set(MDC.get("request_id"));
            return Faults.response(404, "Instance x could not be found.");
        });
        Response response = app.handle(Request.of("GET", "/servers/x", null));
        assertThat(seen.get()).matches("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(logged.get()).isEqualTo(seen.get());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().all("X-Openstack-Request-Id")).containsExactly(seen.get());
        assertThat(response.headers().all("x-compute-request-id")).containsExactly(seen.get());
        assertThat(MDC.get("request_id")).isNull();
    }

    @Test
    void plainFilterSendsOnlyTheOpenstackHeaderAndEachRequestGetsItsOwnId() throws Exception {
        App app = RequestId.plain().wrap(request -> Response.empty(200));
        Response first = app.handle(Request.of("GET", "/", null));
        Response second = app.handle(Request.of("GET", "/", null));
        assertThat(first.headers().contains("X-Compute-Request-Id")).isFalse();
        assertThat(first.headers().first("X-Openstack-Request-Id"))
                .isNotEqualTo(second.headers().first("X-Openstack-Request-Id"));
    }

    @Test
    void wellFormedCallerIdBecomesTheGlobalRequestId() throws Exception {
        AtomicReference<Object> global = new AtomicReference<>();
        AtomicReference<String> mdc = new AtomicReference<>();
        App app = RequestId.compute().wrap(request -> {
            global.set(request.attribute(RequestId.GLOBAL_REQUEST_ID).orElse(null));
            mdc.set(MDC.get("global_request_id"));
            return Response.empty(200);
        });
        Request good = Request.of("GET", "/", null);
        good.headers().add("x-openstack-request-id", "req-11111111-2222-3333-4444-555555555555");
        Response response = app.handle(good);
        assertThat(global.get()).isEqualTo("req-11111111-2222-3333-4444-555555555555");
        assertThat(mdc.get()).isEqualTo("req-11111111-2222-3333-4444-555555555555");
        assertThat(response.headers().first("X-Openstack-Request-Id")).get()
                .isNotEqualTo("req-11111111-2222-3333-4444-555555555555");

        Request bogus = Request.of("GET", "/", null);
        bogus.headers().add("X-OpenStack-Request-ID", "req-not-a-uuid");
        app.handle(bogus);
        assertThat(global.get()).isNull();
        assertThat(MDC.get("global_request_id")).isNull();
    }
}
