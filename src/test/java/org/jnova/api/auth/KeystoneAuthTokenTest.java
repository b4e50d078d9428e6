package org.jnova.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jnova.api.RequestAttributes;
import org.jnova.api.middleware.NovaMiddleware;
import org.jnova.conf.KeystoneAuthOpts;
import org.jnova.conf.MiddlewareOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.paste.FactoryRegistry;
import org.jnova.paste.NovaFactoryNames;
import org.jnova.paste.PasteLoader;
import org.jnova.context.RequestContext;
import org.jnova.policy.Enforcer;
import org.jnova.policy.PolicySettings;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * keystonemiddleware's auth_token and nova's keystone context against a real Keystone:
 * what passes, what is refused and how, what is cached.
 */
class KeystoneAuthTokenTest {
    private static final String UNAUTHORIZED = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
            + "\"message\": \"The request you have made requires authentication.\"}}";

    private static KeystoneServer keystone;
    private static String demoUserId;

    private final Enforcer enforcer = Enforcer.nova(PolicySettings.defaults(), name -> Optional.empty());

    @BeforeAll
    static void startKeystone() throws Exception {
        keystone = KeystoneServer.start("authtoken", 3600);
        keystone.createUser("nova", "nova-secret", "service", "service", "admin");
        demoUserId = keystone.createUser("demo", "demo-secret", "demo", "member", "reader");
        keystone.createUser("other", "other-secret", "demo", "member");
        String operator = keystone.createUser("operator", "operator-secret", "demo", "reader");
        keystone.grantSystemRole(operator, "admin");
    }

    @AfterAll
    static void stopKeystone() throws Exception {
        if (keystone != null) {
            keystone.close();
        }
    }

    private static KeystoneAuthSettings settings() {
        return settings(URI.create(keystone.url() + "/v3"));
    }

    private static KeystoneAuthSettings settings(URI authUrl) {
        return new KeystoneAuthSettings(authUrl, "http://keystone.example.com:5000/v3",
                KeystoneAuthSettings.ServiceCredentials.byName("nova", "Default", "nova-secret", "service", "Default"),
                Duration.ofSeconds(300), Optional.of(Duration.ofSeconds(60)), 1, "internal", Optional.empty(), false,
                true, List.of("service"), false, org.jnova.utils.ClientTls.none("keystone_authtoken"));
    }

    /** auth_token, then the keystone context, then an app that answers 200 with the user id. */
    private App pipeline(KeystoneAuthSettings settings) {
        App app = request -> {
            RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
            return Response.text(200, "text/plain", context.userId());
        };
        return new AuthToken(settings).wrap(new NovaKeystoneContext(enforcer).wrap(app));
    }

    private static Request request(String token) {
        Request request = Request.of("GET", "/v2.1/servers", null);
        if (token != null) {
            request.headers().add("X-Auth-Token", token);
        }
        return request;
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).isEqualTo(UNAUTHORIZED);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(response.headers().all("WWW-Authenticate"))
                .containsExactly("Keystone uri=\"http://keystone.example.com:5000/v3\"");
    }

    /** Keystone logs a request once it has answered it: wait a little for the line. */
    private static void awaitValidations(long expected) throws Exception {
        for (int i = 0; i < 40 && keystone.validations() < expected; i++) {
            Thread.sleep(50);
        }
        assertThat(keystone.validations()).isEqualTo(expected);
    }

    @Test
    void aValidTokenPassesWithItsContextAndIdentityHeaders() throws Exception {
        KeystoneServer.IssuedToken token = keystone.projectToken("demo", "demo-secret", "demo");
        Request request = request(token.token());
        request.setAttribute(RequestAttributes.REQUEST_ID, "req-0000");
        Response response = pipeline(settings()).handle(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(demoUserId);
        RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(context.userId()).isEqualTo(demoUserId);
        assertThat(context.projectId()).contains(token.projectId());
        assertThat(context.roles()).containsExactlyInAnyOrder("member", "reader");
        assertThat(context.isAdmin()).isFalse();
        assertThat(context.requestId()).isEqualTo("req-0000");
        assertThat(context.userDomainId()).contains("default");
        assertThat(context.projectDomainId()).contains("default");
        assertThat(context.systemScope()).isEmpty();
        assertThat(context.authToken()).contains(token.token());

        assertThat(request.headers().first("X-Identity-Status")).contains("Confirmed");
        assertThat(request.headers().first("X-User-Name")).contains("demo");
        assertThat(request.headers().first("X-Project-Name")).contains("demo");
        assertThat(request.headers().first("X-Tenant-Id")).contains(token.projectId());
        // the test Keystone names "admin" its admin project: demo's token says is_admin_project false
        assertThat(request.headers().first("X-Is-Admin-Project")).contains("False");
        assertThat(context.isAdminProject()).isFalse();
        assertThat(request.headers().first("X-Service-Catalog")).get().asString().contains("\"identity\"");
        assertThat(response.headers().contains("WWW-Authenticate")).isFalse();
    }

    @Test
    void anAdminIsAnAdministratorByContextIsAdmin() throws Exception {
        Request request = request(keystone.adminToken().token());
        assertThat(pipeline(settings()).handle(request).status()).isEqualTo(200);
        RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(context.isAdmin()).isTrue();
        assertThat(context.isAdminProject()).isTrue();
        assertThat(request.headers().first("X-Is-Admin-Project")).contains("True");
    }

    @Test
    void identityHeadersSentByTheCallerAreReplaced() throws Exception {
        Request request = request(keystone.projectToken("other", "other-secret", "demo").token());
        request.headers().add("X-Roles", "admin").add("X-User-Id", "forged").add("X-Identity-Status", "Confirmed")
                .add("OpenStack-System-Scope", "all").add("X-Domain-Id", "forged");
        pipeline(settings()).handle(request);
        RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(context.roles()).containsExactlyInAnyOrder("member", "reader"); // reader: implied by member
        assertThat(context.userId()).isNotEqualTo("forged");
        assertThat(context.systemScope()).isEmpty();
        assertThat(context.isAdmin()).isFalse();
        assertThat(request.headers().contains("X-Domain-Id")).isFalse();
    }

    @Test
    void garbageTokensAreUnauthorized() throws Exception {
        Response response = pipeline(settings()).handle(request("gAAAAABgarbage-token"));
        assertUnauthorized(response);
    }

    @Test
    void aRejectedTokenIsRememberedForAFewSecondsSoRepeatingItCostsNoKeystoneCall() throws Exception {
        KeystoneAuthSettings settings = settings();
        App app = new AuthToken(settings, new IdentityClient(settings, java.time.Clock.systemUTC()),
                java.time.Clock.systemUTC(), new TokenCache(settings.tokenCacheTime(), TokenCache.VALID_BUDGET_BYTES,
                        Duration.ofSeconds(5)))
                .wrap(new NovaKeystoneContext(enforcer).wrap(request -> Response.text(200, "text/plain", "ok")));
        String bogus = "gAAAAABbogus-" + java.util.UUID.randomUUID();
        long before = keystone.validations();
        for (int i = 0; i < 5; i++) {
            assertUnauthorized(app.handle(request(bogus)));
        }
        awaitValidations(before + 1);
        Thread.sleep(300);
        assertThat(keystone.validations()).isEqualTo(before + 1);

        Thread.sleep(5000); // the rejection is remembered for 5 s (long enough for a loaded machine)
        assertUnauthorized(app.handle(request(bogus)));
        awaitValidations(before + 2);
    }

    @Test
    void aMissingTokenIsUnauthorized() throws Exception {
        assertUnauthorized(pipeline(settings()).handle(request(null)));
    }

    @Test
    void aRevokedTokenIsUnauthorized() throws Exception {
        String token = keystone.projectToken("demo", "demo-secret", "demo").token();
        keystone.revoke(token);
        assertUnauthorized(pipeline(settings()).handle(request(token)));
    }

    @Test
    void aValidatedTokenIsServedFromTheCache() throws Exception {
        App app = pipeline(settings());
        String token = keystone.projectToken("demo", "demo-secret", "demo").token();
        long before = keystone.validations();
        assertThat(app.handle(request(token)).status()).isEqualTo(200);
        awaitValidations(before + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(app.handle(request(token)).status()).isEqualTo(200);
        }
        Thread.sleep(500);
        assertThat(keystone.validations()).isEqualTo(before + 1);
    }

    @Test
    void withoutTheCacheEveryRequestIsValidatedSoRevocationIsSeenAtOnce() throws Exception {
        App app = pipeline(settings().withTokenCacheTime(Duration.ofSeconds(-1)));
        String token = keystone.projectToken("demo", "demo-secret", "demo").token();
        long before = keystone.validations();
        assertThat(app.handle(request(token)).status()).isEqualTo(200);
        assertThat(app.handle(request(token)).status()).isEqualTo(200);
        awaitValidations(before + 2);
        keystone.revoke(token);
        assertUnauthorized(app.handle(request(token)));
    }

    @Test
    void aSystemScopedTokenGivesASystemScopedContext() throws Exception {
        Request request = request(keystone.systemToken("operator", "operator-secret").token());
        assertThat(pipeline(settings()).handle(request).status()).isEqualTo(200);
        RequestContext context = request.<RequestContext>attribute(RequestAttributes.CONTEXT).orElseThrow();
        assertThat(context.systemScope()).contains("all");
        assertThat(context.projectId()).isEmpty();
        assertThat(context.roles()).contains("admin");
        assertThat(request.headers().first("OpenStack-System-Scope")).contains("all");
    }

    @Test
    void aValidServiceTokenIsConfirmedAndAnInvalidOneRefused() throws Exception {
        String user = keystone.projectToken("demo", "demo-secret", "demo").token();
        String service = keystone.projectToken("nova", "nova-secret", "service").token();
        Request request = request(user);
        request.headers().add("X-Service-Token", service);
        assertThat(pipeline(settings()).handle(request).status()).isEqualTo(200);
        assertThat(request.headers().first("X-Service-Identity-Status")).contains("Confirmed");
        assertThat(request.headers().first("X-Service-Roles")).get().asString().contains("service");
        assertThat(request.headers().first("X-Service-Project-Name")).contains("service");

        Request forged = request(user);
        forged.headers().add("X-Service-Token", "not-a-token");
        assertUnauthorized(pipeline(settings()).handle(forged));
    }

    @Test
    void serviceTokensNeedAServiceRoleWhenRequired() throws Exception {
        String user = keystone.projectToken("demo", "demo-secret", "demo").token();
        Request notAService = request(user);
        notAService.headers().add("X-Service-Token", keystone.projectToken("other", "other-secret", "demo").token());
        assertUnauthorized(pipeline(settings().withServiceTokenRolesRequired(true)).handle(notAService));

        Request service = request(user);
        service.headers().add("X-Service-Token", keystone.projectToken("nova", "nova-secret", "service").token());
        assertThat(pipeline(settings().withServiceTokenRolesRequired(true)).handle(service).status()).isEqualTo(200);
    }

    @Test
    void keystoneUnreachableIsServiceUnavailableNeverLetThrough() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String token = keystone.projectToken("demo", "demo-secret", "demo").token();
        App app = pipeline(settings(URI.create("http://127.0.0.1:" + closedPort + "/v3")));

        Request htmlRequest = request(token);
        htmlRequest.headers().add("Accept", "text/html");
        Response html = app.handle(htmlRequest);
        assertThat(html.status()).isEqualTo(503);
        assertThat(html.headers().first("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(html.bodyText()).isEqualTo("<html>\n <head>\n  <title>503 Service Unavailable</title>\n </head>\n"
                + " <body>\n  <h1>503 Service Unavailable</h1>\n  The server is currently unavailable. Please try "
                + "again at a later time.<br /><br />\nThe Keystone service is temporarily unavailable.\n\n\n"
                + " </body>\n</html>");

        Request jsonRequest = request(token);
        jsonRequest.headers().add("Accept", "application/json");
        Response json = app.handle(jsonRequest);
        assertThat(json.status()).isEqualTo(503);
        assertThat(json.headers().first("Content-Type")).contains("application/json");
        assertThat(json.bodyText()).isEqualTo("{\"message\": \"The server is currently unavailable. Please try again "
                + "at a later time.<br /><br />\\nThe Keystone service is temporarily unavailable.\\n\\n\", "
                + "\"code\": \"503 Service Unavailable\", \"title\": \"Service Unavailable\"}");

        Request plainRequest = request(token); // no Accept: webob answers in plain text
        Response plain = app.handle(plainRequest);
        assertThat(plain.bodyText()).isEqualTo("503 Service Unavailable\n\nThe server is currently unavailable. "
                + "Please try again at a later time.\n\n The Keystone service is temporarily unavailable.  ");
        assertThat(plainRequest.attribute(RequestAttributes.CONTEXT)).isEmpty();
    }

    @Test
    void wrongServiceCredentialsAreServiceUnavailable() throws Exception {
        KeystoneAuthSettings wrong = new KeystoneAuthSettings(URI.create(keystone.url()), "http://k/v3",
                KeystoneAuthSettings.ServiceCredentials.byName("nova", "Default", "wrong", "service", "Default"),
                Duration.ofSeconds(300), Optional.empty(), 0, "internal", Optional.empty(), false, true,
                List.of("service"), false, org.jnova.utils.ClientTls.none("keystone_authtoken"));
        String token = keystone.projectToken("demo", "demo-secret", "demo").token();
        assertThat(pipeline(wrong).handle(request(token)).status()).isEqualTo(503);
    }

    @Test
    void unauthorizedAnswersFromFurtherDownGetTheAuthenticateHeader() throws Exception {
        App app = new AuthToken(settings()).wrap(request -> Response.text(401, "text/plain", "no"));
        Response response = app.handle(request(keystone.projectToken("demo", "demo-secret", "demo").token()));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).isEqualTo("no");
        assertThat(response.headers().first("WWW-Authenticate"))
                .contains("Keystone uri=\"http://keystone.example.com:5000/v3\"");
    }

    @Test
    void novasPasteFileLoadsTheKeystonePipelineWithTheRealFilters() throws Exception {
        ConfigOpts conf = new ConfigOpts(List.of());
        conf.set(MiddlewareOpts.AUTH_STRATEGY, "keystone");
        conf.set(KeystoneAuthOpts.SERVICE_USER.authType(), "password");
        conf.set(KeystoneAuthOpts.SERVICE_USER.authUrl(), keystone.url());
        conf.set(KeystoneAuthOpts.WWW_AUTHENTICATE_URI, "http://public.example.com:5000");
        conf.set(KeystoneAuthOpts.SERVICE_USER.username(), "nova");
        conf.set(KeystoneAuthOpts.SERVICE_USER.password(), "nova-secret");
        conf.set(KeystoneAuthOpts.SERVICE_USER.userDomainName(), "Default");
        conf.set(KeystoneAuthOpts.SERVICE_USER.projectName(), "service");
        conf.set(KeystoneAuthOpts.SERVICE_USER.projectDomainName(), "Default");
        FactoryRegistry registry = NovaMiddleware.register(FactoryRegistry.withUrlMaps(conf), conf, enforcer);
        App router = request -> Response.text(200, "text/plain", "router " + request.<RequestContext>attribute(
                RequestAttributes.CONTEXT).map(RequestContext::userId).orElse("-"));
        registry.registerApp(NovaFactoryNames.API_ROUTER_V21, (g, l) -> router);
        registry.registerApp(NovaFactoryNames.VERSIONS, (g, l) -> router);
        registry.registerApp(NovaFactoryNames.VERSIONS_V2, (g, l) -> router);
        App app = new PasteLoader(Path.of("../shared/reference/nova-api-paste-zed.ini"), registry)
                .loadApp("osapi_compute");

        Response ok = app.handle(request(keystone.projectToken("demo", "demo-secret", "demo").token()));
        assertThat(ok.bodyText()).isEqualTo("router " + demoUserId);
        assertThat(ok.headers().first("X-Compute-Request-Id")).get().asString().startsWith("req-");

        Response refused = app.handle(request("garbage"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.bodyText()).isEqualTo(UNAUTHORIZED);
        assertThat(refused.headers().first("WWW-Authenticate"))
                .contains("Keystone uri=\"http://public.example.com:5000\"");
        assertThat(refused.headers().first("X-Openstack-Request-Id")).isPresent();
    }

    @Test
    void withDelayedDecisionsTheKeystoneContextRefusesAnonymousCallers() throws Exception {
        Request request = request("garbage");
        request.headers().add("Accept", "text/html");
        Response response = pipeline(settings().withDelayAuthDecision(true)).handle(request);
        assertThat(request.headers().first("X-Identity-Status")).contains("Invalid");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().first("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(response.bodyText()).contains("<title>401 Unauthorized</title>");
        assertThat(response.headers().first("WWW-Authenticate")).isPresent();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Request unreachable = request(keystone.projectToken("demo", "demo-secret", "demo").token());
        App delayed = pipeline(settings(URI.create("http://127.0.0.1:" + closedPort)).withDelayAuthDecision(true)
                .withMaxRetries(0));
        assertThat(delayed.handle(unreachable).status()).isEqualTo(401);
        assertThat(unreachable.attribute(RequestAttributes.CONTEXT)).isEmpty();
    }
}
