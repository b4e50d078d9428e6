package org.jnova.conf;

import java.util.List;
import org.jnova.conf.cfg.Opt;

/**
 * keystoneauth's {@code password} plugin options in one group: how a service user of jnova
 * authenticates ({@code [keystone_authtoken]} for validating tokens, {@code [service_user]} for
 * the service token sent beside a user's).
 */
public record PasswordAuthOpts(Opt<String> authType, Opt<String> authUrl, Opt<String> username,
        Opt<String> userId, Opt<String> password, Opt<String> userDomainName, Opt<String> userDomainId,
        Opt<String> projectName, Opt<String> projectId, Opt<String> projectDomainName,
        Opt<String> projectDomainId) {

    /** The options in {@code group}. */
    public static PasswordAuthOpts in(String group) {
        return new PasswordAuthOpts(
                Opt.string(group, "auth_type")
                        .deprecatedName(group, "auth_plugin")
                        .help("Authentication type of the service user. jnova offers \"password\" (also spelled "
                                + "\"v3password\").")
                        .build(),
                Opt.string(group, "auth_url")
                        .help("Authentication URL: the Identity API endpoint the service user authenticates against.")
                        .build(),
                Opt.string(group, "username")
                        .deprecatedName(group, "user_name")
                        .help("The service user's name.")
                        .build(),
                Opt.string(group, "user_id")
                        .help("The service user's id (instead of its name).")
                        .build(),
                Opt.string(group, "password")
                        .secret()
                        .help("The service user's password.")
                        .build(),
                Opt.string(group, "user_domain_name")
                        .help("The name of the service user's domain.")
                        .build(),
                Opt.string(group, "user_domain_id")
                        .help("The id of the service user's domain.")
                        .build(),
                Opt.string(group, "project_name")
                        .deprecatedName(group, "tenant_name")
                        .help("The project the service user's token is scoped to.")
                        .build(),
                Opt.string(group, "project_id")
                        .deprecatedName(group, "tenant_id")
                        .help("The id of the project the service user's token is scoped to.")
                        .build(),
                Opt.string(group, "project_domain_name")
                        .help("The name of the domain of that project.")
                        .build(),
                Opt.string(group, "project_domain_id")
                        .help("The id of the domain of that project.")
                        .build());
    }

    /** In the order the sample configuration lists them. */
    public List<Opt<?>> all() {
        return List.of(authType, authUrl, username, userId, password, userDomainName, userDomainId, projectName,
                projectId, projectDomainName, projectDomainId);
    }
}
