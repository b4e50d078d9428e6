package org.jnova.api.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.paste.FactoryRegistry;
import org.jnova.paste.NovaFactoryNames;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.Test;

class SizeLimitTest {
    private final AtomicInteger reached = new AtomicInteger();
    private final App next = request -> {
        reached.incrementAndGet();
        return Response.empty(202);
    };

    @Test
    void declaredLengthOverTheLimitIs413WithWebobsPage() throws Exception {
        Request request = Request.of("POST", "/v2.1/os-keypairs", new byte[10]);
        request.headers().add("Content-Length", "114689").add("Accept", "*/*");
        Response response = new SizeLimit(114688).wrap(next).handle(request);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().first("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(response.bodyText()).contains("<title>413 Request Entity Too Large</title>",
                "Request is too large. Larger than max_request_body_size (114688).<br /><br />");
        assertThat(response.body()).hasSize(217);
        assertThat(reached).hasValue(0);
    }

    @Test
    void withoutAcceptThePageIsPlainTextAndJsonWhenAskedFor() throws Exception {
        Request plain = Request.of("POST", "/v2.1/os-keypairs", new byte[10]);
        plain.headers().add("Content-Length", "114689");
        Response response = new SizeLimit(114688).wrap(next).handle(plain);
        assertThat(response.headers().first("Content-Type")).contains("text/plain; charset=UTF-8");
        assertThat(response.bodyText()).isEqualTo("413 Request Entity Too Large\n\nRequest is too large. Larger than "
                + "max_request_body_size (114688).\n\n   ");

        Request json = Request.of("POST", "/v2.1/os-keypairs", new byte[10]);
        json.headers().add("Content-Length", "114689").add("Accept", "application/json");
        assertThat(new SizeLimit(114688).wrap(next).handle(json).bodyText()).isEqualTo("{\"message\": \"Request is too "
                + "large. Larger than max_request_body_size (114688).<br /><br />\\n\\n\\n\", \"code\": \"413 Request "
                + "Entity Too Large\", \"title\": \"Request Entity Too Large\"}");
        assertThat(reached).hasValue(0);
    }

    @Test
    void bodyWithoutLengthIsMeasuredAndSmallBodiesPass() throws Exception {
        App limited = new SizeLimit(100).wrap(next);
        Response big = limited.handle(Request.of("POST", "/", new byte[101]));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.bodyText()).contains("Request is too large. Larger than 100.");
        Request exact = Request.of("POST", "/", new byte[100]);
        exact.headers().add("Content-Length", "100");
        assertThat(limited.handle(exact).status()).isEqualTo(202);
        assertThat(reached).hasValue(1);
    }

    @Test
    void limitComesFromTheOptionOrTheFiltersOwnPasteKey() throws Exception {
        ConfigOpts conf = new ConfigOpts(MiddlewareOpts.all());
        conf.set(MiddlewareOpts.MAX_REQUEST_BODY_SIZE, "50");
        FactoryRegistry registry = NovaMiddleware.register(FactoryRegistry.withUrlMaps(conf), conf);
        App fromOption = registry.filter(NovaFactoryNames.SIZE_LIMIT).orElseThrow()
                .create(Map.of(), Map.of()).wrap(next);
        assertThat(fromOption.handle(Request.of("POST", "/", new byte[51])).status()).isEqualTo(413);
        App fromPaste = registry.filter(NovaFactoryNames.SIZE_LIMIT).orElseThrow()
                .create(Map.of(), Map.of("max_request_body_size", "60")).wrap(next);
        assertThat(fromPaste.handle(Request.of("POST", "/", new byte[51])).status()).isEqualTo(202);
    }
}
