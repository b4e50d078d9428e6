package org.jnova.api.openstack;

import java.util.Map;
import org.jnova.context.RequestContext;

/**
 * The seam to the policy engine: decides whether the caller may do {@code rule} on
 * {@code target}. A denial throws {@link org.jnova.exception.Forbidden} (nova: 403 "Policy
 * doesn't allow &lt;rule&gt; to be performed."). Until the engine exists, {@link #ALLOW_ALL}.
 */
@FunctionalInterface
public interface PolicyCheck {
    PolicyCheck ALLOW_ALL = (context, rule, target) -> { };

    void authorize(RequestContext context, String rule, Map<String, String> target);
}
