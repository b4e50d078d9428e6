package org.jnova.api.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.conf.KeystoneAuthOpts;
import org.jnova.conf.PasswordAuthOpts;
import org.jnova.conf.ServiceUserOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.conf.cfg.Opt;
import org.jnova.exception.ConfigError;
import org.jnova.utils.ClientTls;

/**
 * What the {@code auth_token} filter needs from {@code [keystone_authtoken]} (a key of the
 * filter's paste section overriding the file, as keystonemiddleware reads them), checked
 * at start-up.
 *
 * @param authUrl the Identity endpoint the service authenticates against ({@code .../v3} or unversioned)
 * @param wwwAuthenticateUri sent to unauthenticated clients; the auth URL when not configured
 * @param credentials the service user's password credentials
 * @param tokenCacheTime how long a valid token is cached; zero or negative disables the cache
 * @param httpConnectTimeout {@code http_connect_timeout}: how long one call to Keystone may take,
 *     to connect and to answer; when empty, {@link #DEFAULT_CONNECT_TIMEOUT} to connect and
 *     {@link #DEFAULT_REQUEST_TIMEOUT} to answer (keystonemiddleware would wait forever)
 * @param maxRetries how many times a failed connection or a timed-out call is retried
 * @param endpointInterface the catalog interface of the identity endpoint tokens are validated at
 * @param regionName the catalog region of that endpoint, if any
 * @param tls how an https Identity server is checked and a client certificate presented
 *     ({@code cafile}, {@code certfile}/{@code keyfile}, {@code insecure})
 */
public record KeystoneAuthSettings(
        URI authUrl,
        String wwwAuthenticateUri,
        ServiceCredentials credentials,
        Duration tokenCacheTime,
        Optional<Duration> httpConnectTimeout,
        int maxRetries,
        String endpointInterface,
        Optional<String> regionName,
        boolean delayAuthDecision,
        boolean includeServiceCatalog,
        List<String> serviceTokenRoles,
        boolean serviceTokenRolesRequired,
        ClientTls tls) {

    /** How long a connection to Keystone may take to open, unless http_connect_timeout says. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long Keystone may take to answer one call, unless http_connect_timeout says. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public KeystoneAuthSettings {
        Objects.requireNonNull(authUrl, "authUrl is null");
        Objects.requireNonNull(wwwAuthenticateUri, "wwwAuthenticateUri is null");
        Objects.requireNonNull(credentials, "credentials is null");
        Objects.requireNonNull(tokenCacheTime, "tokenCacheTime is null");
        Objects.requireNonNull(httpConnectTimeout, "httpConnectTimeout is null");
        if (httpConnectTimeout.isPresent() && !httpConnectTimeout.get().isPositive()) {
            throw new ConfigError("[keystone_authtoken] http_connect_timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new ConfigError("[keystone_authtoken] http_request_max_retries must not be negative");
        }
        Objects.requireNonNull(endpointInterface, "endpointInterface is null");
        Objects.requireNonNull(regionName, "regionName is null");
        serviceTokenRoles = List.copyOf(serviceTokenRoles);
        Objects.requireNonNull(tls, "tls is null");
    }

    /**
     * The service user's password authentication: user by id or by name (with its domain),
     * scoped to a project by id or by name (with its domain).
     */
    public record ServiceCredentials(Optional<String> userId, Optional<String> username, Optional<String> userDomainId,
            Optional<String> userDomainName, String password, Optional<String> projectId,
            Optional<String> projectName, Optional<String> projectDomainId, Optional<String> projectDomainName) {
        public ServiceCredentials {
            Objects.requireNonNull(password, "password is null");
        }

        /** A user in a domain, by names, scoped to a project by name in a domain. */
        public static ServiceCredentials byName(String username, String userDomainName, String password,
                String projectName, String projectDomainName) {
            return new ServiceCredentials(Optional.empty(), Optional.of(username), Optional.empty(),
                    Optional.of(userDomainName), password, Optional.empty(), Optional.of(projectName),
                    Optional.empty(), Optional.of(projectDomainName));
        }
    }

    /** How long a connection to Keystone may take to open. */
    public Duration connectTimeout() {
        return httpConnectTimeout.orElse(DEFAULT_CONNECT_TIMEOUT);
    }

    /** How long one call to Keystone may take, from sending to the last byte of the answer. */
    public Duration requestTimeout() {
        return httpConnectTimeout.orElse(DEFAULT_REQUEST_TIMEOUT);
    }

    /** Settings for tests and callers that have them at hand: keystonemiddleware's defaults otherwise. */
    public static KeystoneAuthSettings of(URI authUrl, ServiceCredentials credentials) {
        return new KeystoneAuthSettings(authUrl, authUrl.toString(), credentials, Duration.ofSeconds(300),
                Optional.empty(), 3, "internal", Optional.empty(), false, true, List.of("service"), false,
                ClientTls.none(KeystoneAuthOpts.GROUP));
    }

    public KeystoneAuthSettings withTokenCacheTime(Duration time) {
        return new KeystoneAuthSettings(authUrl, wwwAuthenticateUri, credentials, time, httpConnectTimeout, maxRetries,
                endpointInterface, regionName, delayAuthDecision, includeServiceCatalog, serviceTokenRoles,
                serviceTokenRolesRequired, tls);
    }

    public KeystoneAuthSettings withHttpConnectTimeout(Duration timeout) {
        return new KeystoneAuthSettings(authUrl, wwwAuthenticateUri, credentials, tokenCacheTime, Optional.of(timeout),
                maxRetries, endpointInterface, regionName, delayAuthDecision, includeServiceCatalog, serviceTokenRoles,
                serviceTokenRolesRequired, tls);
    }

    public KeystoneAuthSettings withTls(ClientTls other) {
        return new KeystoneAuthSettings(authUrl, wwwAuthenticateUri, credentials, tokenCacheTime, httpConnectTimeout,
                maxRetries, endpointInterface, regionName, delayAuthDecision, includeServiceCatalog, serviceTokenRoles,
                serviceTokenRolesRequired, other);
    }

    public KeystoneAuthSettings withMaxRetries(int retries) {
        return new KeystoneAuthSettings(authUrl, wwwAuthenticateUri, credentials, tokenCacheTime, httpConnectTimeout,
                retries, endpointInterface, regionName, delayAuthDecision, includeServiceCatalog, serviceTokenRoles,
                serviceTokenRolesRequired, tls);
    }

    public KeystoneAuthSettings withServiceTokenRolesRequired(boolean required) {
        return new KeystoneAuthSettings(authUrl, wwwAuthenticateUri, credentials, tokenCacheTime, httpConnectTimeout,
                maxRetries, endpointInterface, regionName, delayAuthDecision, includeServiceCatalog, serviceTokenRoles,
                required, tls);
    }

    public KeystoneAuthSettings withDelayAuthDecision(boolean delay) {
        return new KeystoneAuthSettings(authUrl, wwwAuthenticateUri, credentials, tokenCacheTime, httpConnectTimeout,
                maxRetries, endpointInterface, regionName, delay, includeServiceCatalog, serviceTokenRoles,
                serviceTokenRolesRequired, tls);
    }

    /** Reads {@code [keystone_authtoken]}, the paste section's keys winning. */
    public static KeystoneAuthSettings from(ConfigOpts conf, Map<String, String> pasteLocal) {
        Values values = new Values(conf, pasteLocal);
        ServiceUser user = serviceUser("[" + KeystoneAuthOpts.GROUP + "] ", KeystoneAuthOpts.SERVICE_USER, values);
        URI uri = user.authUrl();
        String authUrl = uri.toString();
        ServiceCredentials credentials = user.credentials();
        String interfaceName = values.get(KeystoneAuthOpts.INTERFACE).orElse("internal").toLowerCase(Locale.ROOT);
        if (interfaceName.endsWith("url")) {
            interfaceName = interfaceName.substring(0, interfaceName.length() - 3);
        }
        return new KeystoneAuthSettings(uri,
                values.get(KeystoneAuthOpts.WWW_AUTHENTICATE_URI).orElse(authUrl),
                credentials,
                Duration.ofSeconds(values.get(KeystoneAuthOpts.TOKEN_CACHE_TIME).orElse(300)),
                values.get(KeystoneAuthOpts.HTTP_CONNECT_TIMEOUT).map(Duration::ofSeconds),
                values.get(KeystoneAuthOpts.HTTP_REQUEST_MAX_RETRIES).orElse(3),
                interfaceName,
                values.get(KeystoneAuthOpts.REGION_NAME),
                values.get(KeystoneAuthOpts.DELAY_AUTH_DECISION).orElse(false),
                values.get(KeystoneAuthOpts.INCLUDE_SERVICE_CATALOG).orElse(true),
                values.get(KeystoneAuthOpts.SERVICE_TOKEN_ROLES).orElse(List.of("service")),
                values.get(KeystoneAuthOpts.SERVICE_TOKEN_ROLES_REQUIRED).orElse(false),
                KeystoneAuthOpts.TLS.tls(values.get(KeystoneAuthOpts.TLS.cafile()).orElse(null),
                        values.get(KeystoneAuthOpts.TLS.certfile()).orElse(null),
                        values.get(KeystoneAuthOpts.TLS.keyfile()).orElse(null),
                        values.get(KeystoneAuthOpts.TLS.insecure()).orElse(false)));
    }

    /**
     * The {@code [service_user]} group's password authentication, for the token nova sends as
     * {@code X-Service-Token}, its session {@code timeout} for connecting and for each answer and
     * its HTTPS options; the other settings are keystonemiddleware's defaults.
     */
    public static KeystoneAuthSettings serviceUser(ConfigOpts conf) {
        ServiceUser user = serviceUser("[" + ServiceUserOpts.GROUP + "] ", ServiceUserOpts.SERVICE_USER,
                new Values(conf, Map.of()));
        KeystoneAuthSettings settings = of(user.authUrl(), user.credentials())
                .withTls(ServiceUserOpts.SESSION.tls(conf));
        return ServiceUserOpts.SESSION.timeout(conf).map(settings::withHttpConnectTimeout).orElse(settings);
    }

    /** Where and as whom a service user authenticates. */
    private record ServiceUser(URI authUrl, ServiceCredentials credentials) {
    }

    /** Reads and checks a group's password plugin options; {@code group} prefixes the errors. */
    private static ServiceUser serviceUser(String group, PasswordAuthOpts opts, Values values) {
        String authType = values.get(opts.authType()).orElseThrow(() -> new ConfigError(group
                + "auth_type is not set; jnova authenticates the service user with auth_type = password"));
        if (!authType.equals("password") && !authType.equals("v3password")) {
            throw new ConfigError(group + "auth_type = " + authType + " is not supported by jnova; use password");
        }
        String authUrl = values.get(opts.authUrl()).orElseThrow(() -> new ConfigError(group + "auth_url is not set"));
        URI uri;
        try {
            uri = URI.create(authUrl);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(group + "auth_url is not a URL: " + authUrl, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ConfigError(group + "auth_url is not an http(s) URL: " + authUrl);
        }
        ServiceCredentials credentials = new ServiceCredentials(values.get(opts.userId()),
                values.get(opts.username()), values.get(opts.userDomainId()), values.get(opts.userDomainName()),
                values.get(opts.password()).orElseThrow(() -> new ConfigError(group + "password is not set")),
                values.get(opts.projectId()), values.get(opts.projectName()), values.get(opts.projectDomainId()),
                values.get(opts.projectDomainName()));
        if (credentials.userId().isEmpty() && credentials.username().isEmpty()) {
            throw new ConfigError(group + "username (or user_id) is not set");
        }
        return new ServiceUser(uri, credentials);
    }

    /**
     * The settings for validating with the identity service of this process: no service user
     * is needed, so only the caching, decision and catalog options of {@code [keystone_authtoken]}
     * are read; {@code authUrl} is the built-in identity's public URL.
     */
    public static KeystoneAuthSettings builtIn(ConfigOpts conf, Map<String, String> pasteLocal, String identityUri) {
        Values values = new Values(conf, pasteLocal);
        URI uri = URI.create(identityUri);
        ServiceCredentials none = new ServiceCredentials(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new KeystoneAuthSettings(uri,
                values.get(KeystoneAuthOpts.WWW_AUTHENTICATE_URI).orElse(identityUri),
                none,
                Duration.ofSeconds(values.get(KeystoneAuthOpts.TOKEN_CACHE_TIME).orElse(300)),
                Optional.empty(), 0, "public", Optional.empty(),
                values.get(KeystoneAuthOpts.DELAY_AUTH_DECISION).orElse(false),
                values.get(KeystoneAuthOpts.INCLUDE_SERVICE_CATALOG).orElse(true),
                values.get(KeystoneAuthOpts.SERVICE_TOKEN_ROLES).orElse(List.of("service")),
                values.get(KeystoneAuthOpts.SERVICE_TOKEN_ROLES_REQUIRED).orElse(false),
                ClientTls.none(KeystoneAuthOpts.GROUP));
    }

    /** Option values, a paste key of the option's name (or a deprecated name) winning over the file. */
    private record Values(ConfigOpts conf, Map<String, String> local) {
        <T> Optional<T> get(Opt<T> opt) {
            String text = local.get(opt.name());
            for (Opt.DeprecatedName old : opt.deprecatedNames()) {
                if (text == null) {
                    text = local.get(old.name());
                }
            }
            if (text != null) {
                try {
                    return Optional.of(opt.type().parse(text));
                } catch (IllegalArgumentException e) {
                    throw new ConfigError("Invalid value for " + opt.name() + " in the paste file: " + e.getMessage(), e);
                }
            }
            return Optional.ofNullable(conf.get(opt));
        }
    }
}
