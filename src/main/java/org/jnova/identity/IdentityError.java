package org.jnova.identity;

/** A failure Keystone answers with its error body: the status, its title and a message. */
public final class IdentityError extends RuntimeException {
    private final int code;
    private final String title;

    private IdentityError(int code, String title, String message) {
        super(message);
        this.code = code;
        this.title = title;
    }

    public static IdentityError unauthorized() {
        return new IdentityError(401, "Unauthorized", "The request you have made requires authentication.");
    }

    public static IdentityError badRequest(String message) {
        return new IdentityError(400, "Bad Request", message);
    }

    /** Keystone's 403 for a policy rule the caller does not pass. */
    public static IdentityError forbidden(String rule) {
        return new IdentityError(403, "Forbidden", "You are not authorized to perform the requested action: "
                + rule + ".");
    }

    /** Keystone's ForbiddenNotSecurity: a 403 whose message says why, not a policy refusal. */
    public static IdentityError forbiddenNotSecurity(String message) {
        return new IdentityError(403, "Forbidden", message);
    }

    public static IdentityError conflict(String message) {
        return new IdentityError(409, "Conflict", message);
    }

    public static IdentityError notFound(String message) {
        return new IdentityError(404, "Not Found", message);
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }
}
