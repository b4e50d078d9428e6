package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jnova.api.RequestAttributes;
import org.jnova.testing.LogCapture;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestLogTest {
    @RegisterExtension
    final LogCapture logs = new LogCapture(RequestLog.class);

    private static Request request(String method, String scriptName, String pathInfo, String query) {
        return new Request(method, "http", "localhost:8774", scriptName, pathInfo, query, new Headers(), null,
                "192.0.2.7");
    }

    @Test
    void logsNovasLineWithTheServedMicroversion() throws Exception {
        Request request = request("GET", "/v2.1", "/flavors", "limit=2");
        new RequestLog(false).wrap(r -> {
            r.setAttribute(RequestAttributes.API_VERSION, "2.93");
            return Response.text(200, "application/json", "{\"flavors\": []}");
        }).handle(request);
        assertThat(logs.events()).hasSize(1);
        ILoggingEvent event = logs.events().get(0);
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage()).matches(
                "192\\.0\\.2\\.7 \"GET /v2\\.1/flavors\\?limit=2\" status: 200 len: 15 microversion: 2\\.93 "
                        + "time: \\d+\\.\\d{6}");
    }

    @Test
    void microversionIsADashWhenNoneWasServedAndForwardedForIsHonouredWhenAsked() throws Exception {
        Request request = request("DELETE", "", "/", "");
        request.headers().add("X-Forwarded-For", "203.0.113.9");
        new RequestLog(true).wrap(r -> Response.empty(204)).handle(request);
        assertThat(logs.events().get(0).getFormattedMessage())
                .startsWith("203.0.113.9 \"DELETE /\" status: 204 len: 0 microversion: - time: ");
    }

    @Test
    void aFailingRequestIsLoggedAs500AndTheErrorPropagates() {
        Request request = request("POST", "/v2.1", "/servers", "");
        assertThatThrownBy(() -> new RequestLog(false).wrap(r -> {
            throw new IllegalStateException("boom");
        }).handle(request)).hasMessage("boom");
        assertThat(logs.events().get(0).getFormattedMessage())
                .startsWith("192.0.2.7 \"POST /v2.1/servers\" status: 500 len: 0 microversion: - time: ");
    }

    @Test
    void secondsHaveSixDecimalsRoundedLikePythonsFormat() {
        assertThat(RequestLog.seconds(0)).isEqualTo("0.000000");
        assertThat(RequestLog.seconds(1_234_567_890L)).isEqualTo("1.234568");
        assertThat(RequestLog.seconds(999_999_600L)).isEqualTo("1.000000");
        assertThat(RequestLog.seconds(42_000L)).isEqualTo("0.000042");
    }
}
