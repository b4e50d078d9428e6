package org.jnova.paste;

import java.util.List;

/**
 * The factory names nova's stock {@code api-paste.ini} files use (Zed and later), so the
 * composition root and the middleware registration name them once.
 */
public final class NovaFactoryNames {
    // composites
    public static final String PASTE_URLMAP = "egg:Paste#urlmap";
    public static final String NOVA_URLMAP = "nova.api.openstack.urlmap:urlmap_factory";
    public static final String PIPELINE_FACTORY_V21 = "nova.api.auth:pipeline_factory_v21";

    // applications, registered by the composition root
    public static final String API_ROUTER_V21 = "nova.api.openstack.compute:APIRouterV21.factory";
    public static final String VERSIONS = "nova.api.openstack.compute.versions:Versions.factory";
    public static final String VERSIONS_V2 = "nova.api.openstack.compute.versions:VersionsV2.factory";
    public static final String METADATA = "nova.api.metadata.handler:MetadataRequestHandler.factory";
    /** Keystone's version list at {@code /} and its {@code /v3} application (enabled_apis = identity). */
    public static final String IDENTITY_VERSIONS = "keystone.version.service:public_version_app_factory";
    public static final String IDENTITY_V3 = "keystone.version.service:v3_app_factory";
    /** The built-in Image v2 API, under glance's own factory names. */
    public static final String IMAGE_VERSIONS = "glance.api.versions:create_resource";
    public static final String IMAGE_API_V2 = "glance.api.v2.router:API.factory";

    // filters
    public static final String CORS = "oslo_middleware.cors:filter_factory";
    public static final String HTTP_PROXY_TO_WSGI = "oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory";
    public static final String REQUEST_ID = "oslo_middleware:RequestId.factory";
    public static final String REQUEST_ID_LONG = "oslo_middleware.request_id:RequestId.factory";
    public static final String COMPUTE_REQUEST_ID = "nova.api.compute_req_id:ComputeReqIdMiddleware.factory";
    public static final String FAULT_WRAPPER = "nova.api.openstack:FaultWrapper.factory";
    public static final String REQUEST_LOG = "nova.api.openstack.requestlog:RequestLog.factory";
    public static final String SIZE_LIMIT = "oslo_middleware:RequestBodySizeLimiter.factory";
    public static final String SIZE_LIMIT_LONG = "oslo_middleware.sizelimit:RequestBodySizeLimiter.factory";
    public static final String OSPROFILER = "nova.profiler:WsgiMiddleware.factory";
    public static final String NOAUTH2 = "nova.api.openstack.auth:NoAuthMiddleware.factory";
    public static final String LEGACY_V2_COMPATIBLE = "nova.api.openstack:LegacyV2CompatibleWrapper.factory";
    public static final String KEYSTONE_AUTH_TOKEN = "keystonemiddleware.auth_token:filter_factory";
    public static final String KEYSTONE_CONTEXT = "nova.api.auth:NovaKeystoneContext.factory";

    /** The applications the composition root must register for nova's files to load. */
    public static final List<String> APPLICATIONS = List.of(API_ROUTER_V21, VERSIONS, VERSIONS_V2, METADATA);

    private NovaFactoryNames() {
    }
}
