package org.jnova.api.ec2.auth;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.auth.CallerContext;
import org.jnova.api.ec2.protocol.Ec2Params;
import org.jnova.context.RequestContext;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;

/**
 * nova's EC2 {@code NoAuth} ({@code ec2noauth}, for {@code [api] auth_strategy = noauth2}):
 * the access key {@code user:project} (or {@code user}, then the project is the same name)
 * names the caller; the signature is not checked. As the compute API's noauth2, the user
 * {@code admin} is an administrator and anyone else a member and reader of the project.
 * A SigV2 request's {@code Timestamp} or {@code Expires} is checked as nova's
 * {@code Requestify} did ({@link SignatureV2Age}).
 */
public final class Ec2NoAuth implements Middleware {
    private static final List<String> MEMBER_ROLES = List.of("member", "reader");
    private static final List<String> ADMIN_ROLES = List.of("admin", "member", "reader");

    private final SignatureV2Age age;

    public Ec2NoAuth() {
        this(Clock.systemUTC());
    }

    Ec2NoAuth(Clock clock) {
        this.age = new SignatureV2Age(clock, SignatureV2Age.NOVA_EXPIRY);
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Ec2Signature signature = Ec2Signature.of(request);
            if (signature.version() == 2) {
                age.check(Ec2Params.of(request));
            }
            String access = signature.accessKey();
            int colon = access.indexOf(':');
            String user = colon < 0 ? access : access.substring(0, colon);
            String project = colon < 0 ? "" : access.substring(colon + 1);
            if (project.isEmpty()) {
                project = user;
            }
            boolean admin = user.equals("admin");
            RequestContext context = new RequestContext(user, Optional.of(project), admin ? ADMIN_ROLES : MEMBER_ROLES,
                    admin, CallerContext.requestId(request), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            return CallerContext.handleAs(context, request, next);
        };
    }
}
