package org.jnova.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.utils.JsonMappers;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Headers;
import org.jnova.wsgi.Middleware;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.jnova.wsgi.WebobErrorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keystonemiddleware's {@code auth_token} filter: the caller's {@code X-Auth-Token} (and a
 * {@code X-Service-Token}, when sent) is validated with Keystone, valid answers cached for
 * {@code token_cache_time} (within a byte budget) but never past the token's
 * {@code expires_at}, rejected tokens remembered for a few seconds ({@link TokenCache}). A valid caller
 * passes on with keystonemiddleware's identity headers ({@code X-Identity-Status: Confirmed},
 * {@code X-User-Id}, {@code X-Project-Id}, {@code X-Roles}, ...); whatever identity headers
 * the caller sent are removed first. A missing, expired, revoked or unknown token is
 * answered 401 with {@code WWW-Authenticate: Keystone uri="<www_authenticate_uri>"} and
 * keystonemiddleware's JSON body; Keystone unreachable is answered 503. Any 401 from
 * further down also gets the {@code WWW-Authenticate} header.
 *
 * <p>With {@code delay_auth_decision} the caller passes on unauthenticated, marked
 * {@code X-Identity-Status: Invalid} (also when Keystone is unreachable), and the next
 * filter decides; nova's keystone context then answers 401.
 */
public final class AuthToken implements Middleware {
    /** Request attribute holding the caller's {@link TokenInfo} once validated. */
    public static final String TOKEN_INFO = "keystone.token_info";

    private static final Logger LOG = LoggerFactory.getLogger(AuthToken.class);
    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final byte[] UNAUTHORIZED_BODY = ("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
            + "\"message\": \"The request you have made requires authentication.\"}}").getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> DEPRECATED_HEADERS = Map.of(
            "X-Role", "X-Roles", "X-User", "X-User-Name", "X-Tenant-Id", "X-Project-Id",
            "X-Tenant-Name", "X-Project-Name", "X-Tenant", "X-Project-Name");
    private static final List<String> IDENTITY_HEADERS = List.of("Domain-Id", "Domain-Name", "Project-Id",
            "Project-Name", "Project-Domain-Id", "Project-Domain-Name", "User-Id", "User-Name", "User-Domain-Id",
            "User-Domain-Name", "Roles");

    private final KeystoneAuthSettings settings;
    private final TokenValidator identity;
    private final Clock clock;
    private final TokenCache cache;
    private final String wwwAuthenticate;

    public AuthToken(KeystoneAuthSettings settings) {
        this(settings, new IdentityClient(settings, Clock.systemUTC()), Clock.systemUTC());
    }

    public AuthToken(KeystoneAuthSettings settings, TokenValidator identity, Clock clock) {
        this(settings, identity, clock, new TokenCache(settings.tokenCacheTime()));
    }

    AuthToken(KeystoneAuthSettings settings, TokenValidator identity, Clock clock, TokenCache cache) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.identity = Objects.requireNonNull(identity, "identity is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.cache = Objects.requireNonNull(cache, "cache is null");
        this.wwwAuthenticate = "Keystone uri=\"" + settings.wwwAuthenticateUri() + "\"";
        if (!settings.serviceTokenRolesRequired()) {
            LOG.warn("AuthToken middleware is set with keystone_authtoken.service_token_roles_required set to "
                    + "False. This is backwards compatible but deprecated behaviour. Please set this to True.");
        }
    }

    @Override
    public App wrap(App next) {
        Objects.requireNonNull(next, "next is null");
        return request -> {
            Optional<Response> refusal;
            try {
                refusal = authenticate(request);
            } catch (KeystoneUnreachable e) {
                LOG.error("Unable to validate token: {}", e.getMessage());
                return WebobErrorPage.response(request, 503, "Service Unavailable",
                        "The server is currently unavailable. Please try again at a later time.",
                        "The Keystone service is temporarily unavailable.");
            }
            Response response = refusal.isPresent() ? refusal.get() : next.handle(request);
            if (response.status() == 401) {
                response.headers().add("WWW-Authenticate", wwwAuthenticate);
            }
            return response;
        };
    }

    /** Validates and sets the identity headers; a response when the request is refused here. */
    private Optional<Response> authenticate(Request request) {
        Headers headers = request.headers();
        removeIdentityHeaders(headers);
        Optional<String> userToken = headers.first("X-Auth-Token").or(() -> headers.first("X-Storage-Token"))
                .map(String::strip);
        Optional<String> serviceToken = headers.first("X-Service-Token").map(String::strip);

        Optional<TokenInfo> service = Optional.empty();
        boolean serviceValid = true;
        if (serviceToken.isPresent()) {
            service = valid(serviceToken.get()).map(TokenCache.Entry::info);
            serviceValid = service.isPresent() && (!settings.serviceTokenRolesRequired()
                    || service.get().roles().stream().anyMatch(settings.serviceTokenRoles()::contains));
            headers.set("X-Service-Identity-Status", serviceValid ? "Confirmed" : "Invalid");
        }
        Optional<TokenCache.Entry> userEntry = userToken.isPresent() ? valid(userToken.get()) : Optional.empty();
        Optional<TokenInfo> user = userEntry.map(TokenCache.Entry::info);
        headers.set("X-Identity-Status", user.isPresent() ? "Confirmed" : "Invalid");

        if (user.isEmpty() || !serviceValid) {
            if (!settings.delayAuthDecision()) {
                LOG.info("Rejecting request");
                Response response = new Response(401, UNAUTHORIZED_BODY.clone());
                response.headers().set("Content-Type", "application/json");
                return Optional.of(response);
            }
            LOG.debug("Deferring reject downstream");
        }
        user.ifPresent(info -> {
            setIdentityHeaders(headers, "", info);
            headers.set("X-Is-Admin-Project", info.isAdminProject() ? "True" : "False");
            DEPRECATED_HEADERS.forEach((old, current) -> headers.first(current).ifPresent(v -> headers.set(old, v)));
            if (settings.includeServiceCatalog()) {
                userEntry.get().catalogHeader().ifPresent(catalog -> headers.set("X-Service-Catalog", catalog));
            }
            request.setAttribute(TOKEN_INFO, info);
        });
        if (serviceValid) {
            service.ifPresent(info -> setIdentityHeaders(headers, "-Service", info));
        }
        return Optional.empty();
    }

    /**
     * The token's data if Keystone (or the cache) vouches for it and it has not expired. A
     * token Keystone rejected a moment ago is refused without asking again.
     */
    private Optional<TokenCache.Entry> valid(String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String key = cacheKey(token);
        TokenCache.Entry entry = cache.valid(key).orElse(null);
        if (entry == null) {
            if (cache.rejected(key)) {
                LOG.info("Authorization failed for a token Keystone rejected moments ago");
                return Optional.empty();
            }
            TokenValidator.Validation validation;
            try {
                validation = identity.validate(token);
            } catch (KeystoneUnreachable e) {
                if (!settings.delayAuthDecision()) {
                    throw e;
                }
                LOG.error("Unable to validate token: {}; marking it invalid and deferring the decision",
                        e.getMessage());
                return Optional.empty();
            }
            if (validation instanceof TokenValidator.Validation.Valid valid) {
                TokenInfo info = valid.token();
                entry = new TokenCache.Entry(info.withoutCatalog(), info.catalog().map(AuthToken::normalizedCatalog));
                cache.putValid(key, entry);
            } else {
                LOG.warn("Authorization failed for token");
                cache.putRejected(key);
                return Optional.empty();
            }
        }
        if (entry.info().expiredAt(clock.instant())) {
            LOG.info("Token expired at {}", entry.info().expiresAt());
            cache.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private static void setIdentityHeaders(Headers headers, String prefix, TokenInfo info) {
        headers.set("X" + prefix + "-Roles", String.join(",", info.roles()));
        headers.remove("OpenStack-System-Scope");
        info.systemScope().ifPresent(scope -> headers.set("OpenStack-System-Scope", scope));
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put("Domain-Id", info.domainId());
        values.put("Domain-Name", info.domainName());
        values.put("Project-Id", info.projectId());
        values.put("Project-Name", info.projectName());
        values.put("Project-Domain-Id", info.projectDomainId());
        values.put("Project-Domain-Name", info.projectDomainName());
        values.put("User-Id", Optional.of(info.userId()));
        values.put("User-Name", Optional.of(info.userName()));
        values.put("User-Domain-Id", info.userDomainId());
        values.put("User-Domain-Name", info.userDomainName());
        values.forEach((name, value) -> {
            headers.remove("X" + prefix + "-" + name);
            value.ifPresent(v -> headers.set("X" + prefix + "-" + name, v));
        });
    }

    private static void removeIdentityHeaders(Headers headers) {
        for (String header : List.of("X-Service-Catalog", "X-Identity-Status", "X-Service-Identity-Status",
                "X-Is-Admin-Project", "OpenStack-System-Scope")) {
            headers.remove(header);
        }
        DEPRECATED_HEADERS.keySet().forEach(headers::remove);
        for (String name : IDENTITY_HEADERS) {
            headers.remove("X-" + name);
            headers.remove("X-Service-" + name);
        }
    }

    /** The catalog in the v2-like shape keystonemiddleware puts in {@code X-Service-Catalog}. */
    static String normalizedCatalog(JsonNode catalog) {
        ArrayNode services = JSON.createArrayNode();
        for (JsonNode v3Service : catalog) {
            ObjectNode service = services.addObject();
            service.put("type", v3Service.path("type").asText());
            if (v3Service.has("name")) {
                service.set("name", v3Service.get("name"));
            }
            Map<String, ObjectNode> regions = new LinkedHashMap<>();
            for (JsonNode endpoint : v3Service.path("endpoints")) {
                String region = endpoint.hasNonNull("region") ? endpoint.get("region").asText() : null;
                ObjectNode byRegion = regions.computeIfAbsent(String.valueOf(region), r -> {
                    ObjectNode node = JSON.createObjectNode();
                    if (region != null && !region.isEmpty()) {
                        node.put("region", region);
                    }
                    return node;
                });
                byRegion.put(endpoint.path("interface").asText().toLowerCase(java.util.Locale.ROOT) + "URL",
                        endpoint.path("url").asText());
            }
            service.putArray("endpoints").addAll(regions.values());
        }
        return services.toString();
    }

    private static String cacheKey(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
