package org.jnova.cmd;

/** {@code bin/nova-api}: the API services of {@code enabled_apis}, CPU-count workers each by default. */
public final class NovaApiMain {
    private NovaApiMain() {
    }

    public static void main(String[] args) {
        System.exit(ApiCommand.run("nova-api", args, new ApiServiceFactory()));
    }
}
