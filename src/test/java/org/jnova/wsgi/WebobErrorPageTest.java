package org.jnova.wsgi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** webob's choice of error page format from the Accept header. */
class WebobErrorPageTest {
    @Test
    void htmlUnlessJsonIsPreferredOrNeitherIsAcceptable() {
        assertThat(WebobErrorPage.negotiate("")).isEqualTo("text/plain"); // webob: no Accept, no HTML
        assertThat(WebobErrorPage.negotiate("*/*")).isEqualTo("text/html");
        assertThat(WebobErrorPage.negotiate("application/json")).isEqualTo("application/json");
        assertThat(WebobErrorPage.negotiate("application/*")).isEqualTo("application/json");
        assertThat(WebobErrorPage.negotiate("text/html;q=0.5, application/json")).isEqualTo("application/json");
        assertThat(WebobErrorPage.negotiate("application/json;q=0.5, */*")).isEqualTo("text/html");
        assertThat(WebobErrorPage.negotiate("text/plain")).isEqualTo("text/plain");
        assertThat(WebobErrorPage.negotiate("application/json;q=0, text/html;q=0")).isEqualTo("text/plain");
    }
}
