package org.jnova.cmd;

import java.util.HashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jnova.api.auth.BuiltInIdentity;
import org.jnova.api.image.ImageApiV2;
import org.jnova.api.image.ImageVersions;
import org.jnova.api.metadata.MetadataRequestHandler;
import org.jnova.api.openstack.identity.IdentityV3Router;
import org.jnova.api.openstack.identity.versions.IdentityVersions;
import org.jnova.policy.Enforcer;
import org.jnova.api.middleware.NovaMiddleware;
import org.jnova.api.openstack.Microversions;
import org.jnova.api.openstack.PolicyCheck;
import org.jnova.api.openstack.compute.ApiRouterV21;
import org.jnova.api.openstack.compute.versions.Versions;
import org.jnova.api.openstack.compute.versions.VersionsV2;
import org.jnova.api.openstack.compute.versions.VersionsView;
import org.jnova.api.openstack.extensions.ExtensionManager;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.conf.ApiOpts;
import org.jnova.conf.cfg.ConfigOpts;
import org.jnova.paste.FactoryRegistry;
import org.jnova.paste.NovaFactoryNames;

/**
 * The paste factories of one API process: nova's middleware names, and the applications
 * (the v2.1 router with the controllers, the version documents, the metadata app, Keystone's
 * version list and /v3 app) that the
 * {@link CompositionRoot} hands in.
 */
public final class ApiApps {
    /** The highest microversion whose changes jnova implements for the resources it has. */
    static final String MAX_MICROVERSION = Microversions.MAX;

    private ApiApps() {
    }

    static FactoryRegistry registry(ConfigOpts conf, Enforcer enforcer, Optional<BuiltInIdentity> builtInIdentity,
            Consumer<ApiRouterV21.Builder> controllers,
            Supplier<MetadataRequestHandler> metadataApp, Supplier<IdentityV3Router> identityApp,
            Supplier<ImageApiV2> imageApp) {
        FactoryRegistry registry = FactoryRegistry.withUrlMaps(conf);
        NovaMiddleware.register(registry, conf, enforcer, builtInIdentity);
        ResourceSupport support = support(enforcer);
        Microversions microversions = support.microversions();
        Optional<String> linkPrefix = Optional.ofNullable(conf.get(ApiOpts.COMPUTE_LINK_PREFIX));
        ApiRouterV21 app = computeRouter(conf, support, controllers);
        VersionsView versions = new VersionsView(microversions.min(), microversions.max(), linkPrefix);
        registry.registerApp(NovaFactoryNames.API_ROUTER_V21, (global, local) -> app);
        registry.registerApp(NovaFactoryNames.VERSIONS, (global, local) -> new Versions(versions, support.json()));
        registry.registerApp(NovaFactoryNames.VERSIONS_V2, (global, local) -> new VersionsV2(versions, support));
        registry.registerApp(NovaFactoryNames.METADATA, (global, local) -> metadataApp.get());
        registry.registerApp(NovaFactoryNames.IDENTITY_VERSIONS, (global, local) -> new IdentityVersions());
        registry.registerApp(NovaFactoryNames.IDENTITY_V3, (global, local) -> identityApp.get());
        registry.registerApp(NovaFactoryNames.IMAGE_VERSIONS, (global, local) -> new ImageVersions());
        registry.registerApp(NovaFactoryNames.IMAGE_API_V2, (global, local) -> imageApp.get());
        return registry;
    }

    /** The v2.1 router with {@code controllers}, authorizing with {@code enforcer}. */
    static ApiRouterV21 computeRouter(ConfigOpts conf, Enforcer enforcer, Consumer<ApiRouterV21.Builder> controllers) {
        return computeRouter(conf, support(enforcer), controllers);
    }

    private static ApiRouterV21 computeRouter(ConfigOpts conf, ResourceSupport support,
            Consumer<ApiRouterV21.Builder> controllers) {
        ApiRouterV21.Builder router = ApiRouterV21.builder(support)
                .linkPrefix(Optional.ofNullable(conf.get(ApiOpts.COMPUTE_LINK_PREFIX)))
                .extensions(new ExtensionManager(conf.get(ApiOpts.OSAPI_COMPUTE_EXTENSION),
                        ApiApps.class.getClassLoader()));
        controllers.accept(router);
        return router.build();
    }

    private static ResourceSupport support(Enforcer enforcer) {
        Microversions microversions = new Microversions(
                org.jnova.api.openstack.ApiVersionRequest.of("2.1"),
                org.jnova.api.openstack.ApiVersionRequest.of(MAX_MICROVERSION));
        PolicyCheck policy = (context, rule, target) -> enforcer.authorize(context, rule, new HashMap<>(target));
        return ResourceSupport.create(microversions, policy);
    }
}
