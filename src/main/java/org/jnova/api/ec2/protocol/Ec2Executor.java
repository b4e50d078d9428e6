package org.jnova.api.ec2.protocol;

import java.util.Map;
import java.util.Objects;
import org.jnova.compute.ComputeErrors;
import org.jnova.exception.Conflict;
import org.jnova.exception.Forbidden;
import org.jnova.exception.InstanceInvalidState;
import org.jnova.exception.InstanceIsLocked;
import org.jnova.exception.Invalid;
import org.jnova.exception.InvalidInput;
import org.jnova.exception.NovaException;
import org.jnova.exception.NotFound;
import org.jnova.exception.OverQuota;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;

/**
 * nova's EC2 {@code Executor} ({@code ec2executor}), the application at the end of the
 * pipeline: runs the request's action and writes its answer, or EC2's error for what the
 * compute API refused. An action jnova does not know is 400 {@code InvalidAction}.
 */
public final class Ec2Executor implements App {
    private final Map<String, Ec2Action> actions;

    public Ec2Executor(Map<String, Ec2Action> actions) {
        this.actions = Map.copyOf(Objects.requireNonNull(actions, "actions is null"));
    }

    @Override
    public Response handle(Request request) {
        Ec2Request call = request.<Ec2Request>attribute(Ec2Request.ATTRIBUTE).orElseThrow();
        Ec2Action action = actions.get(call.action());
        if (action == null) {
            throw Ec2Error.client("InvalidAction", "The action " + call.action() + " is not valid for this web "
                    + "service.");
        }
        Map<String, ?> body;
        try {
            body = action.handle(call);
        } catch (ComputeErrors.PolicyNotAuthorized e) {
            throw new Ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
        } catch (InstanceIsLocked e) {
            throw Ec2Error.client("IncorrectInstanceState", e.getMessage());
        } catch (InstanceInvalidState e) {
            throw Ec2Error.client("IncorrectInstanceState", e.getMessage());
        } catch (OverQuota e) {
            throw Ec2Error.client("ResourceLimitExceeded", e.getMessage());
        } catch (Forbidden e) {
            throw new Ec2Error(403, "UnauthorizedOperation", e.getMessage());
        } catch (NotFound e) {
            throw Ec2Error.client("InvalidParameterValue", e.getMessage());
        } catch (Conflict e) {
            throw Ec2Error.client("IncorrectState", e.getMessage());
        } catch (Invalid | InvalidInput e) {
            throw Ec2Error.invalidParameterValue(e.getMessage());
        } catch (NovaException e) {
            if (e.code() >= 500) {
                throw e;
            }
            throw Ec2Error.client("InvalidParameterValue", e.getMessage());
        }
        Response response = new Response(200, Ec2Xml.response(call.action(), call.version(),
                Ec2FaultWrapper.requestId(request), body));
        response.headers().set("Content-Type", Ec2Xml.CONTENT_TYPE);
        return response;
    }
}
