package org.jnova.context;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jnova.exception.Forbidden;

/**
 * Who is calling and on which request, nova's {@code RequestContext}: built by the auth
 * middleware (noauth2 or Keystone), read by policy checks, controllers and the log.
 *
 * @param userId the caller's user id
 * @param projectId the project the token is scoped to; empty for a system-scoped token
 * @param roles role names, lower case
 * @param isAdmin whether the caller passes nova's {@code context_is_admin} rule
 * @param requestId {@code req-<uuid>} of this request
 * @param globalRequestId the caller's {@code X-OpenStack-Request-ID}, when it sent a valid one
 * @param systemScope {@code all} for a system-scoped token, empty otherwise
 * @param authToken the token the caller presented, if any
 * @param isAdminProject Keystone's {@code is_admin_project} for the token (oslo.context's
 *     default, true, when Keystone or the auth middleware does not say)
 * @param serviceCatalog the caller's service catalog as keystonemiddleware passes it
 *     ({@code X-Service-Catalog}), when it did
 */
public record RequestContext(
        String userId,
        Optional<String> projectId,
        List<String> roles,
        boolean isAdmin,
        String requestId,
        Optional<String> globalRequestId,
        Optional<String> systemScope,
        Optional<String> authToken,
        Optional<String> userDomainId,
        Optional<String> projectDomainId,
        boolean isAdminProject,
        Optional<String> serviceCatalog) {

    public RequestContext {
        Objects.requireNonNull(userId, "userId is null");
        Objects.requireNonNull(projectId, "projectId is null");
        roles = roles.stream().map(role -> role.toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(requestId, "requestId is null");
        Objects.requireNonNull(globalRequestId, "globalRequestId is null");
        Objects.requireNonNull(systemScope, "systemScope is null");
        Objects.requireNonNull(authToken, "authToken is null");
        Objects.requireNonNull(userDomainId, "userDomainId is null");
        Objects.requireNonNull(projectDomainId, "projectDomainId is null");
        Objects.requireNonNull(serviceCatalog, "serviceCatalog is null");
    }

    /** A context without a service catalog. */
    public RequestContext(String userId, Optional<String> projectId, List<String> roles, boolean isAdmin,
            String requestId, Optional<String> globalRequestId, Optional<String> systemScope, Optional<String> authToken,
            Optional<String> userDomainId, Optional<String> projectDomainId, boolean isAdminProject) {
        this(userId, projectId, roles, isAdmin, requestId, globalRequestId, systemScope, authToken, userDomainId,
                projectDomainId, isAdminProject, Optional.empty());
    }

    /** A context whose token did not say whether its project is the admin project: oslo.context's true. */
    public RequestContext(String userId, Optional<String> projectId, List<String> roles, boolean isAdmin,
            String requestId, Optional<String> globalRequestId, Optional<String> systemScope, Optional<String> authToken,
            Optional<String> userDomainId, Optional<String> projectDomainId) {
        this(userId, projectId, roles, isAdmin, requestId, globalRequestId, systemScope, authToken, userDomainId,
                projectDomainId, true);
    }

    /** A project-scoped context, as noauth2 makes one. */
    public static RequestContext project(String userId, String projectId, List<String> roles, boolean isAdmin,
            String requestId) {
        return new RequestContext(userId, Optional.of(projectId), roles, isAdmin, requestId, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An administrator context for work the service does on its own (periodic tasks, start-up). */
    public static RequestContext admin(String requestId) {
        return project("nova", "nova", List.of("admin"), true, requestId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role.toLowerCase(Locale.ROOT));
    }

    /**
     * The project id, for calls that need one. A caller whose token names no project (system
     * or domain scope) is refused with 403: what it asks cannot be done without a project.
     */
    public String requireProjectId() {
        return projectId.orElseThrow(() -> new Forbidden("This action needs a project-scoped token; the token "
                + "used for the request is " + (systemScope.isPresent() ? "system" : "not project") + " scoped."));
    }

    /** "user project" as oslo.log's logging_context_format_string writes the identity. */
    public String logIdentity() {
        return userId + " " + projectId.orElse("-");
    }
}
