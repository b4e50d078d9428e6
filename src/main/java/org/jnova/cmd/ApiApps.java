package org.jnova.cmd;

import java.util.HashMap;
import java.util.Optional;
import org.jnova.api.metadata.MetadataService;
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
 * (the v2.1 router with every controller, the version documents, the metadata app) built
 * over the process's {@link Backend}.
 */
final class ApiApps {
    /** The highest microversion whose changes jnova implements for the resources it has. */
    static final String MAX_MICROVERSION = Microversions.MAX;

    private ApiApps() {
    }

    static FactoryRegistry registry(ConfigOpts conf, Backend backend, Enforcer enforcer) {
        FactoryRegistry registry = FactoryRegistry.withUrlMaps(conf);
        NovaMiddleware.register(registry, conf, enforcer);
        Microversions microversions = new Microversions(
                org.jnova.api.openstack.ApiVersionRequest.of("2.1"),
                org.jnova.api.openstack.ApiVersionRequest.of(MAX_MICROVERSION));
        PolicyCheck policy = (context, rule, target) -> enforcer.authorize(context, rule, new HashMap<>(target));
        ResourceSupport support = ResourceSupport.create(microversions, policy);
        Optional<String> linkPrefix = Optional.ofNullable(conf.get(ApiOpts.COMPUTE_LINK_PREFIX));
        ApiRouterV21.Builder router = ApiRouterV21.builder(support)
                .linkPrefix(linkPrefix)
                .extensions(new ExtensionManager(conf.get(ApiOpts.OSAPI_COMPUTE_EXTENSION),
                        ApiApps.class.getClassLoader()));
        ApiControllers.register(router, backend.cloud(), conf);
        ApiRouterV21 app = router.build();
        VersionsView versions = new VersionsView(microversions.min(), microversions.max(), linkPrefix);
        registry.registerApp(NovaFactoryNames.API_ROUTER_V21, (global, local) -> app);
        registry.registerApp(NovaFactoryNames.VERSIONS, (global, local) -> new Versions(versions, support.json()));
        registry.registerApp(NovaFactoryNames.VERSIONS_V2, (global, local) -> new VersionsV2(versions, support));
        registry.registerApp(NovaFactoryNames.METADATA, (global, local) -> MetadataService.app(conf, backend.cloud()));
        return registry;
    }
}
