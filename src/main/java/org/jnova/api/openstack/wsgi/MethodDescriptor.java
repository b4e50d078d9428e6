package org.jnova.api.openstack.wsgi;

import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jnova.api.openstack.ApiVersionRequest;
import org.jnova.api.openstack.VersionRange;
import org.jnova.api.openstack.validation.VersionedSchemas;

/**
 * One controller method as read once at start-up from its annotations: what it serves
 * (route action or body action key), for which versions, its success statuses, expected
 * errors and schemas, and a handle bound to the controller:
 * {@code (ApiRequest) -> Object}.
 *
 * @param expectedErrors empty when the method has no {@link ExpectedErrors}
 */
public record MethodDescriptor(
        String controller,
        String javaName,
        String action,
        boolean bodyAction,
        VersionRange versions,
        List<StatusRule> statuses,
        Optional<Set<Integer>> expectedErrors,
        Optional<VersionedSchemas> requestSchema,
        Optional<VersionedSchemas> querySchema,
        MethodHandle handle) {

    /** A success status for a version range. */
    public record StatusRule(int code, VersionRange versions) {
    }

    public MethodDescriptor {
        Objects.requireNonNull(controller, "controller is null");
        Objects.requireNonNull(javaName, "javaName is null");
        Objects.requireNonNull(action, "action is null");
        Objects.requireNonNull(versions, "versions is null");
        statuses = List.copyOf(statuses);
        expectedErrors = expectedErrors.map(Set::copyOf);
        Objects.requireNonNull(requestSchema, "requestSchema is null");
        Objects.requireNonNull(querySchema, "querySchema is null");
        Objects.requireNonNull(handle, "handle is null");
    }

    /** The status for a successful call at this version (200 when none is declared). */
    public int successStatus(ApiVersionRequest version) {
        for (StatusRule rule : statuses) {
            if (version.isNull() || rule.versions().contains(version)) {
                return rule.code();
            }
        }
        return 200;
    }

    /** "Controller.method". */
    public String describe() {
        return controller + "." + javaName;
    }
}
