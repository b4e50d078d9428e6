package org.jnova.exception;

/** A quota would be exceeded; nova's API answers 403 "Quota exceeded for ...". */
public class OverQuota extends Forbidden {
    public OverQuota(String message) {
        super(message);
    }
}
