package org.jnova.cmd;

/**
 * {@code bin/jnova}: the Compute API, the metadata API and one compute host with the fake
 * driver in one process, on SQLite, with noauth2 — the embedded default. Takes nova-api's flags.
 */
public final class JnovaMain {
    private JnovaMain() {
    }

    public static void main(String[] args) {
        System.exit(ApiCommand.run("jnova", args, new AllInOneServiceFactory()));
    }
}
