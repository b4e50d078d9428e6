package org.jnova.api.openstack.compute.policywalk;

/**
 * nova Zed's default check string of a call, written out by hand from
 * nova-policy-defaults.json (never asked of the engine under test).
 */
enum Rule {
    /** "@", or no policy at all (versions, images proxied to glance). */
    ANYONE,
    /** {@code rule:project_reader_or_admin}. */
    PROJECT_READER,
    /** {@code rule:project_member_or_admin}. */
    PROJECT_MEMBER,
    /** {@code rule:context_is_admin}. */
    ADMIN_ONLY,
    /** {@code (rule:context_is_admin) or user_id:%(user_id)s}: a user's own key pairs. */
    KEYPAIR_OWNER
}
