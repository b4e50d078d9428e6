package org.jnova.api.openstack.compute.policywalk;

import java.util.List;
import org.jnova.context.RequestContext;

/** The callers of the walk, each with its own user id (key pairs belong to users). */
enum Persona {
    ADMIN_A("walk-admin", Projects.A, List.of("admin", "member", "reader"), true),
    MEMBER_A("walk-member-a", Projects.A, List.of("member", "reader"), false),
    READER_A("walk-reader-a", Projects.A, List.of("reader"), false),
    MEMBER_B("walk-member-b", Projects.B, List.of("member", "reader"), false),
    READER_B("walk-reader-b", Projects.B, List.of("reader"), false);

    final String user;
    final String project;
    final List<String> roles;
    final boolean admin;

    Persona(String user, String project, List<String> roles, boolean admin) {
        this.user = user;
        this.project = project;
        this.roles = roles;
        this.admin = admin;
    }

    RequestContext context() {
        return RequestContext.project(user, project, roles, admin, "req-" + java.util.UUID.randomUUID());
    }

    boolean inProjectA() {
        return project.equals(Projects.A);
    }

    /** Project ids of the walk. */
    static final class Projects {
        static final String A = "aaaaaaaa0000400080000000000000aa";
        static final String B = "bbbbbbbb0000400080000000000000bb";

        private Projects() {
        }
    }
}
