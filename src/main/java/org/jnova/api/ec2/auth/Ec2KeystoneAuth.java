package org.jnova.api.ec2.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.auth.CallerContext;
import org.jnova.api.auth.KeystoneUnreachable;
import org.jnova.api.auth.TokenInfo;
import org.jnova.api.ec2.protocol.Ec2Error;
import org.jnova.api.ec2.protocol.Ec2Params;
import org.jnova.context.RequestContext;
import org.jnova.policy.Enforcer;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;

/**
 * nova's {@code EC2KeystoneAuth} ({@code ec2keystoneauth}): every request's signature is
 * checked by the {@link Ec2CredentialsVerifier} (Keystone's ec2tokens); the token it gives names
 * the caller (user, project, roles, {@code context_is_admin} by policy). A refused signature is
 * 401 {@code AuthFailure}; Keystone out of reach is 503 {@code Unavailable}.
 */
public final class Ec2KeystoneAuth implements Middleware {
    private final Ec2CredentialsVerifier verifier;
    private final Enforcer enforcer;

    public Ec2KeystoneAuth(Ec2CredentialsVerifier verifier, Enforcer enforcer) {
        this.verifier = Objects.requireNonNull(verifier, "verifier is null");
        this.enforcer = Objects.requireNonNull(enforcer, "enforcer is null");
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Ec2Credentials credentials = credentials(request);
            Ec2CredentialsVerifier.Verified verified;
            try {
                verified = verifier.verify(credentials);
            } catch (KeystoneUnreachable e) {
                throw new Ec2Error(503, "Unavailable", "The identity service cannot check the signature now.");
            }
            return CallerContext.handleAs(context(request, verified), request, next);
        };
    }

    /** What nova sent Keystone about the request. */
    static Ec2Credentials credentials(Request request) {
        Ec2Signature signature = Ec2Signature.of(request);
        Map<String, String> params = new LinkedHashMap<>(Ec2Params.of(request));
        params.remove("Signature");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String[] header : request.headers().entries()) {
            headers.putIfAbsent(header[0], header[1]);
        }
        String host = request.headers().first("Host").orElse(request.host());
        return new Ec2Credentials(signature.accessKey(), signature.signature(), host, request.method(),
                request.scriptName() + request.pathInfo(), params, headers, sha256Hex(request.body()));
    }

    private RequestContext context(Request request, Ec2CredentialsVerifier.Verified verified) {
        TokenInfo info = verified.info();
        if (info.projectId().isEmpty()) {
            throw Ec2Error.authFailure("The EC2 credentials are not scoped to a project.");
        }
        RequestContext context = new RequestContext(info.userId(), info.projectId(), info.roles(), false,
                CallerContext.requestId(request), Optional.empty(), info.systemScope(), Optional.of(verified.token()),
                info.userDomainId(), info.projectDomainId(), info.isAdminProject());
        if (!enforcer.isAdmin(context)) {
            return context;
        }
        return new RequestContext(context.userId(), context.projectId(), context.roles(), true, context.requestId(),
                context.globalRequestId(), context.systemScope(), context.authToken(), context.userDomainId(),
                context.projectDomainId(), context.isAdminProject());
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
