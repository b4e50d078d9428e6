package org.jnova.exception;

/** PortLimitExceeded (OverQuota): "Maximum number of ports exceeded" */
public final class PortLimitExceeded extends OverQuota {
    public PortLimitExceeded() {
        super("Maximum number of ports exceeded");
    }
}
