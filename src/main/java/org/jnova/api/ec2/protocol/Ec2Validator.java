package org.jnova.api.ec2.protocol;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.jnova.ec2.Ec2Ids;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;

/**
 * nova's EC2 {@code Validator} ({@code validator}): the arguments every action shares are
 * checked before any action runs: instance and image ids have EC2's shape
 * ({@code InvalidInstanceID.Malformed}, {@code InvalidAMIID.Malformed}), {@code UserData} is
 * base64, and no value but {@code UserData} and key material is longer than 255 characters.
 */
public final class Ec2Validator implements Middleware {
    static final int MAX_VALUE_LENGTH = 255;

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Ec2Request call = request.<Ec2Request>attribute(Ec2Request.ATTRIBUTE).orElseThrow();
            for (Map.Entry<String, String> param : call.params().entrySet()) {
                validate(param.getKey(), param.getValue());
            }
            return next.handle(request);
        };
    }

    private static void validate(String name, String value) {
        if (name.equals("InstanceId") || name.startsWith("InstanceId.")) {
            if (!Ec2Ids.wellFormed(value, "i")) {
                throw Ec2Error.client("InvalidInstanceID.Malformed", "Invalid id: \"" + value + "\"");
            }
        } else if (name.equals("ImageId") || name.startsWith("ImageId.")) {
            if (!Ec2Ids.wellFormed(value, "ami") && !Ec2Ids.wellFormed(value, "aki")
                    && !Ec2Ids.wellFormed(value, "ari")) {
                throw Ec2Error.client("InvalidAMIID.Malformed", "Invalid id: \"" + value + "\"");
            }
        } else if (name.equals("UserData")) {
            try {
                Base64.getMimeDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw Ec2Error.invalidParameterValue("Invalid BASE64 encoding of user data");
            }
        } else if (!name.equals("PublicKeyMaterial") && value.length() > MAX_VALUE_LENGTH) {
            throw Ec2Error.invalidParameterValue("Value for parameter " + name + " is longer than "
                    + MAX_VALUE_LENGTH + " characters");
        }
    }
}
