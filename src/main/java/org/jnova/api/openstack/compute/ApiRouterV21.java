package org.jnova.api.openstack.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jnova.api.openstack.NotFoundPage;
import org.jnova.api.openstack.VersionRange;
import org.jnova.api.openstack.compute.extensioninfo.ExtensionInfoController;
import org.jnova.api.openstack.compute.versions.VersionsController;
import org.jnova.api.openstack.compute.versions.VersionsView;
import org.jnova.api.openstack.extensions.ControllerExtension;
import org.jnova.api.openstack.extensions.Extension;
import org.jnova.api.openstack.extensions.ExtensionManager;
import org.jnova.api.openstack.extensions.ResourceExtension;
import org.jnova.api.openstack.routing.Mapper;
import org.jnova.api.openstack.routing.Route;
import org.jnova.api.openstack.routing.RouteMatch;
import org.jnova.api.openstack.wsgi.ControllerMethods;
import org.jnova.api.openstack.wsgi.Resource;
import org.jnova.api.openstack.wsgi.ResourceSupport;
import org.jnova.wsgi.App;
import org.jnova.wsgi.Request;
import org.jnova.wsgi.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Compute API 2.1 application (paste: {@code nova.api.openstack.compute:APIRouterV21.factory}),
 * also serving /v2 behind {@link org.jnova.api.openstack.LegacyV2CompatibleWrapper}. Built once
 * from {@link ComputeRoutes#ROUTE_LIST}, the controllers registered per resource name, and the
 * loaded extensions; every route's action is checked against its controllers at build time.
 * Unknown URL or method: nova's HTML 404.
 */
public final class ApiRouterV21 implements App {
    /** The paste factory name nova's api-paste.ini uses. */
    public static final String PASTE_FACTORY = "nova.api.openstack.compute:APIRouterV21.factory";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouterV21.class);

    private final Mapper mapper;
    private final Map<String, Resource> resources;

    private ApiRouterV21(Mapper mapper, Map<String, Resource> resources) {
        this.mapper = mapper;
        this.resources = Map.copyOf(resources);
    }

    public static Builder builder(ResourceSupport support) {
        return new Builder(support);
    }

    @Override
    public Response handle(Request request) {
        Optional<RouteMatch> match = mapper.match(request.method(), request.pathInfo());
        if (match.isEmpty()) {
            return NotFoundPage.response(request.method());
        }
        Route route = match.get().route();
        return resources.get(route.resource()).handle(request, route.action(), match.get().pathParams());
    }

    /** The resource names this router serves. */
    public List<String> resourceNames() {
        return List.copyOf(resources.keySet());
    }

    /** The body keys {@code POST .../action} of a resource dispatches on ("os-start", "add_host", ...). */
    public List<String> bodyActionNames(String resource) {
        Resource served = resources.get(resource);
        return served == null ? List.of() : served.bodyActionNames();
    }

    /** The routes, in matching order. */
    public List<Route> routes() {
        return mapper.routes();
    }

    /** A resource name served by another resource's controllers, at some versions only. */
    private record Alias(String servedBy, VersionRange versions) {
        Alias {
            Objects.requireNonNull(servedBy, "servedBy is null");
            Objects.requireNonNull(versions, "versions is null");
        }
    }

    /** Collects controllers, then builds the router; used once by the composition root. */
    public static final class Builder {
        private final ResourceSupport support;
        private final Map<String, List<Object>> controllers = new LinkedHashMap<>();
        private final Map<String, Alias> aliases = new LinkedHashMap<>();
        private List<ComputeRoutes.RouteSpec> routeList = ComputeRoutes.ROUTE_LIST;
        private ExtensionManager extensions = ExtensionManager.none();
        private Optional<String> linkPrefix = Optional.empty();
        private boolean projectIdPrefix = true;

        private Builder(ResourceSupport support) {
            this.support = Objects.requireNonNull(support, "support is null");
            alias(ComputeRoutes.VOLUMES_BOOT, "servers", ComputeRoutes.VOLUMES_BOOT_VERSIONS);
        }

        /** The main controller of a resource of the route table ("servers", "flavors", "keypairs", ...). */
        public Builder controller(String resource, Object controller) {
            List<Object> list = controllers.computeIfAbsent(resource, k -> new ArrayList<>());
            list.add(0, Objects.requireNonNull(controller, "controller is null"));
            return this;
        }

        /** Controllers that add {@code @Action} handlers or route actions to a resource (nova's sub-controllers). */
        public Builder actions(String resource, Object... actionControllers) {
            List<Object> list = controllers.computeIfAbsent(resource, k -> new ArrayList<>());
            for (Object controller : actionControllers) {
                list.add(Objects.requireNonNull(controller, "controller is null"));
            }
            return this;
        }

        /**
         * A resource served by another's controllers, only at {@code versions} (404 outside):
         * nova's os-volumes_boot, the servers API under another name up to 2.102.
         */
        public Builder alias(String resource, String servedBy, VersionRange versions) {
            aliases.put(Objects.requireNonNull(resource, "resource is null"), new Alias(servedBy, versions));
            return this;
        }

        /** Replaces the route table (tests); ROUTE_LIST by default. */
        public Builder routeList(List<ComputeRoutes.RouteSpec> routes) {
            this.routeList = List.copyOf(routes);
            return this;
        }

        public Builder extensions(ExtensionManager manager) {
            this.extensions = Objects.requireNonNull(manager, "manager is null");
            return this;
        }

        /** {@code [api] compute_link_prefix}. */
        public Builder linkPrefix(Optional<String> prefix) {
            this.linkPrefix = Objects.requireNonNull(prefix, "prefix is null");
            return this;
        }

        /** Whether every route also answers under /{project_id} (nova: yes). */
        public Builder projectIdPrefix(boolean enabled) {
            this.projectIdPrefix = enabled;
            return this;
        }

        public ApiRouterV21 build() {
            ControllerMethods introspector = new ControllerMethods(support.json().mapper());
            Map<String, List<Object>> all = new LinkedHashMap<>();
            controllers.forEach((name, list) -> all.put(name, new ArrayList<>(list)));
            all.computeIfAbsent("versions", k -> new ArrayList<>(List.of(new VersionsController(new VersionsView(
                    support.microversions().min(), support.microversions().max(), linkPrefix)))));
            all.computeIfAbsent("extensions", k -> new ArrayList<>(List.of(
                    new ExtensionInfoController(extensions, support.json().mapper()))));
            for (ResourceExtension extension : extensions.resources()) {
                if (all.containsKey(extension.collection())) {
                    LOG.warn("Extension resource {} clashes with an existing resource; ignored", extension.collection());
                    continue;
                }
                all.put(extension.collection(), new ArrayList<>(List.of(extension.controller())));
            }
            for (Map.Entry<Extension, ControllerExtension> entry : extensions.controllerExtensions()) {
                ControllerExtension extension = entry.getValue();
                if (!all.containsKey(extension.collection())) {
                    LOG.warn("Extension {}: Cannot extend resource {}: No such resource", entry.getKey().name(),
                            extension.collection());
                    continue;
                }
                LOG.debug("Extension {} extended resource: {}", entry.getKey().name(), extension.collection());
                all.get(extension.collection()).add(extension.controller());
            }
            Map<String, Resource> resources = new LinkedHashMap<>();
            all.forEach((name, list) -> resources.put(name, new Resource(name, list, introspector, support)));
            aliases.forEach((name, alias) -> {
                List<Object> list = all.get(alias.servedBy());
                if (list != null && !resources.containsKey(name)) {
                    resources.put(name, new Resource(name, list, introspector, support, alias.versions()));
                }
            });

            Mapper mapper = new Mapper(projectIdPrefix);
            List<String> problems = new ArrayList<>();
            for (ComputeRoutes.RouteSpec spec : routeList) {
                Resource resource = resources.get(spec.resource());
                if (resource == null) {
                    continue;
                }
                if (!resource.hasRouteAction(spec.action())) {
                    if (resource.hasOnlyBodyActions()) {
                        // action controllers registered before the resource's main controller
                        // exists: only POST .../action is served
                        continue;
                    }
                    problems.add(spec.method() + " " + spec.path() + ": resource " + spec.resource() + " has no action "
                            + spec.action());
                    continue;
                }
                mapper.connect(spec.method(), spec.path(), spec.resource(), spec.action());
            }
            for (ResourceExtension extension : extensions.resources()) {
                Resource resource = resources.get(extension.collection());
                Mapper extensionRoutes = new Mapper(false);
                extensionRoutes.resource(extension.collection(), extension.collection(), extension.collection(),
                        extension.collectionActions(), extension.memberActions(), extension.parent());
                for (Route route : extensionRoutes.routes()) {
                    if (resource.hasRouteAction(route.action())) {
                        mapper.connect(route.method(), route.template(), route.resource(), route.action());
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("route table does not fit the controllers: " + problems);
            }
            return new ApiRouterV21(mapper, resources);
        }
    }
}
