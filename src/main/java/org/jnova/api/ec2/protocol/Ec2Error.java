package org.jnova.api.ec2.protocol;

import java.util.Objects;

/**
 * An EC2 error as AWS reports it: a code such as {@code InvalidInstanceID.NotFound}, a message
 * and the HTTP status (400 for the caller's mistakes, 401 {@code AuthFailure}, 403
 * {@code UnauthorizedOperation}, 500 {@code InternalError}).
 */
public final class Ec2Error extends RuntimeException {
    private final String code;
    private final int status;

    public Ec2Error(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message is null"));
        this.code = Objects.requireNonNull(code, "code is null");
        this.status = status;
    }

    /** A 400 error: what the caller asked cannot be done as asked. */
    public static Ec2Error client(String code, String message) {
        return new Ec2Error(400, code, message);
    }

    public static Ec2Error invalidParameterValue(String message) {
        return client("InvalidParameterValue", message);
    }

    public static Ec2Error missingParameter(String name) {
        return client("MissingParameter", "The request must contain the parameter " + name);
    }

    /** The signature or the access key was not accepted. */
    public static Ec2Error authFailure(String message) {
        return new Ec2Error(401, "AuthFailure", message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
