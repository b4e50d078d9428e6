package org.jnova.wsgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jnova.api.fault.Faults;
import org.junit.jupiter.api.Test;

class LastResortFaultTest {
    @Test
    void theServersOwn500IsTheApisFaultBody() {
        byte[] api = Faults.response(500, "Unexpected API Error. Please report this at "
                + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.").body();
        assertThat(new String(api, StandardCharsets.UTF_8)).isEqualTo(AppHandler.UNEXPECTED_FAULT);
    }
}
