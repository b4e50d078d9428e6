package org.jnova.api.openstack.compute.policywalk;

/** Whose thing a call targets, which decides what another project's caller gets. */
enum Scope {
    /** The caller's own project (lists, creates, project-less resources). */
    OWN,
    /**
     * A server or server group of project A: nova looks it up with the caller's context first,
     * so another project's non-admin gets 404 before any policy check.
     */
    HIDDEN_IN_A,
    /**
     * Project A named in the URL (quota set, usage), or a server's tags (authorized against the
     * server's project before it is loaded): another project's non-admin gets 403.
     */
    PROJECT_A
}
