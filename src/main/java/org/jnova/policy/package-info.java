/**
 * Who may do what: oslo.policy's rule language ({@link org.jnova.policy.CheckParser},
 * {@link org.jnova.policy.Check}), nova's registered rules ({@link org.jnova.policy.NovaPolicies},
 * data generated from nova's sample policy file) and the {@link org.jnova.policy.Enforcer} that
 * applies them with the operator's overrides, as nova's {@code policy.authorize} does.
 *
 * <p>Typical use in an API handler:
 * <pre>{@code
 * enforcer.authorize(context, "os_compute_api:servers:create", Map.of("project_id", projectId));
 * }</pre>
 */
package org.jnova.policy;
