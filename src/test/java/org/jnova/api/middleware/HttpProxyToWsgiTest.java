package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import org.jnova.api.RequestAttributes;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class HttpProxyToWsgiTest {
    /** Answers with the URL links would use and the caller's address, and sets the microversion. */
    private static final App LINKS = request -> {
        request.setAttribute(RequestAttributes.API_VERSION, "2.1");
        return Response.text(200, "text/plain", request.applicationUrl() + " " + request.remoteAddr());
    };

    private static Request request() {
        return new Request("GET", "http", "10.0.0.5:8774", "/v2.1", "/servers", "", new Headers(), null, "10.0.0.1");
    }

    @Test
    void xForwardedHeadersChangeTheApplicationUrl() throws Exception {
        Request request = request();
        request.headers().add("X-Forwarded-Proto", "https");
        request.headers().add("X-Forwarded-Host", "cloud.example.com");
        request.headers().add("X-Forwarded-Prefix", "/compute");
        request.headers().add("X-Forwarded-For", "198.51.100.4");
        Response response = new HttpProxyToWsgi(true, true).wrap(LINKS).handle(request);
        assertThat(response.bodyText()).isEqualTo("https://cloud.example.com/compute/v2.1 198.51.100.4");
        assertThat(request.<String>attribute(RequestAttributes.API_VERSION)).contains("2.1");
    }

    @Test
    void forwardedHeaderWinsAndItsFirstProxyCounts() throws Exception {
        Request request = request();
        request.headers().add("Forwarded", "for=192.0.2.60;proto=https;host=api.example.org, for=192.0.2.61;proto=http");
        request.headers().add("X-Forwarded-Host", "ignored.example.com");
        assertThat(new HttpProxyToWsgi(true, true).wrap(LINKS).handle(request).bodyText())
                .isEqualTo("https://api.example.org/v2.1 192.0.2.60");
    }

    @Test
    void withoutUseForwardedForTheCallersAddressStaysTheSocketsWhateverTheHeadersSay() throws Exception {
        Request xff = request();
        xff.headers().add("X-Forwarded-Proto", "https");
        xff.headers().add("X-Forwarded-For", "198.51.100.4");
        assertThat(new HttpProxyToWsgi(true, false).wrap(LINKS).handle(xff).bodyText())
                .isEqualTo("https://10.0.0.5:8774/v2.1 10.0.0.1");

        Request forwarded = request();
        forwarded.headers().add("Forwarded", "for=192.0.2.60;host=api.example.org");
        assertThat(new HttpProxyToWsgi(true, false).wrap(LINKS).handle(forwarded).bodyText())
                .isEqualTo("http://api.example.org/v2.1 10.0.0.1");
    }

    @Test
    void headersAreIgnoredUnlessParsingIsEnabled() throws Exception {
        Request request = request();
        request.headers().add("X-Forwarded-Proto", "https");
        assertThat(new HttpProxyToWsgi(false, true).wrap(LINKS).handle(request).bodyText())
                .isEqualTo("http://10.0.0.5:8774/v2.1 10.0.0.1");
    }
}
