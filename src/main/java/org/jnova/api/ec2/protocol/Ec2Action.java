package org.jnova.api.ec2.protocol;

import java.util.Map;

/** One EC2 action: what it answers, as the elements of its response after {@code requestId}. */
@FunctionalInterface
public interface Ec2Action {
    Map<String, ?> handle(Ec2Request request);
}
