package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jnova.exception.NotFound;
import org.jnova.testing.LogCapture;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultWrapperTest {
    @RegisterExtension
    final LogCapture logs = new LogCapture(FaultWrapper.class);

    @Test
    void novaExceptionAnswersWithItsCodeAndMessage() throws Exception {
        App app = new FaultWrapper().wrap(request -> {
            throw new NotFound("Flavor 42 could not be found.");
        });
        Response response = app.handle(Request.of("GET", "/flavors/42", null));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("Content-Type")).contains("application/json; charset=UTF-8");
        assertThat(response.bodyText())
                .isEqualTo("{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor 42 could not be found.\"}}");
    }

    @Test
    void unexpectedExceptionIsA500WithoutStackTraceButLogged() throws Exception {
        App app = RequestId.compute().wrap(new FaultWrapper().wrap(request -> {
            throw new IllegalStateException("secret database password in here");
        }));
        Response response = app.handle(Request.of("GET", "/servers", null));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).isEqualTo("{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API Error. "
                + "Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible."
                + "\\n<class 'IllegalStateException'>\"}}");
        assertThat(response.bodyText()).doesNotContain("secret", "at org.jnova", "java.lang");
        String requestId = response.headers().first("X-Openstack-Request-Id").orElseThrow();

        ILoggingEvent error = logs.events().stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
        assertThat(error.getFormattedMessage()).contains(requestId, "secret database password");
        assertThat(error.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.getMDCPropertyMap()).containsEntry("request_id", requestId);
    }

    @Test
    void responsesPassThroughUntouched() throws Exception {
        Response ok = Response.empty(202);
        assertThat(new FaultWrapper().wrap(request -> ok).handle(Request.of("POST", "/x", null))).isSameAs(ok);
    }
}
