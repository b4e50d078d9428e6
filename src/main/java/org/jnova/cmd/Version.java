package org.jnova.cmd;

/** jnova's release, printed by {@code --version} and in the guru-meditation report. */
public final class Version {
    public static final String STRING = "0.1.0";

    private Version() {
    }
}
