package org.jnova.rpc;

/**
 * The version of an RPC interface a message is sent with ({@code "major.minor"}, oslo.messaging's
 * envelope {@code version}). A receiver takes messages of its own major version and any minor
 * one: a newer minor version only adds arguments, which the receiver ignores.
 */
public record MessageVersion(int major, int minor) {
    public static MessageVersion parse(String text) {
        int dot = text.indexOf('.');
        try {
            return dot < 0 ? new MessageVersion(Integer.parseInt(text), 0)
                    : new MessageVersion(Integer.parseInt(text.substring(0, dot)),
                            Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new MalformedMessage("Malformed message version " + text);
        }
    }

    /**
     * Fails unless a receiver of this version can read a message sent with {@code sent}; no
     * version at all is a sender from before versions were sent, which speaks this major version.
     */
    public void checkReceivable(String method, String sent) {
        if (sent == null) {
            return;
        }
        MessageVersion other = parse(sent);
        if (other.major != major) {
            throw new MalformedMessage("Message " + method + " of version " + sent + " is not supported by a receiver"
                    + " of version " + this);
        }
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
