package org.jnova.api.ec2.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jnova.api.RequestAttributes;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;

/**
 * nova's EC2 {@code Requestify} ({@code cloudrequest}): reads {@code Action} and
 * {@code Version} and keeps the action's own parameters, without those of the signature, as
 * the request's {@link Ec2Request}. Without an action: 400 {@code MissingAction}.
 */
public final class Ec2Requestify implements Middleware {
    /** The version answered when a caller names none. */
    public static final String DEFAULT_VERSION = "2016-11-15";

    private static final Set<String> NOT_ARGUMENTS = Set.of("Action", "Version", "Signature", "AWSAccessKeyId",
            "SignatureMethod", "SignatureVersion", "Timestamp", "Expires", "X-Amz-Algorithm", "X-Amz-Credential",
            "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token");

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Map<String, String> params = Ec2Params.of(request);
            String action = params.get("Action");
            if (action == null || action.isEmpty()) {
                throw Ec2Error.client("MissingAction", "The request must contain the parameter Action");
            }
            String version = params.getOrDefault("Version", DEFAULT_VERSION);
            if (!version.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw Ec2Error.client("InvalidParameterValue", "Invalid Version: " + version);
            }
            Map<String, String> arguments = new LinkedHashMap<>(params);
            arguments.keySet().removeAll(NOT_ARGUMENTS);
            RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT)
                    .orElseThrow(() -> Ec2Error.authFailure("The request was not authenticated."));
            request.setAttribute(Ec2Request.ATTRIBUTE, new Ec2Request(context, action, version, arguments,
                    request.hostUrl() + request.scriptName() + "/"));
            return next.handle(request);
        };
    }
}
